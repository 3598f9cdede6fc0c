import type postgres from 'postgres';
import type { SeedInsight } from './insights';
import { GOALS, KEY_PEOPLE } from './organisation';
import type { SeedPerson } from './people-and-customers';
import type { SeededRandom } from './random';

const DAY = 86_400_000;

interface WorkContext {
  people: SeedPerson[];
  teamId: Map<string, string>;
  goalIds: string[];
  insights: SeedInsight[];
  now: Date;
}

const ACTION_TITLES = [
  [
    'Show seats per department on invoices',
    'Rewrite the dunning email so it does not threaten closure',
    'Add PO number field to billing settings',
    'Stop double charges on mid-month upgrades',
  ],
  [
    'Ship industry templates for the first report',
    'Guided CSV import with column hints',
    'First-week checklist in the app',
    'SSO setup guide for IT admins',
  ],
  [
    'Draft a mid-market plan between Team and Business',
    'Quarterly check-in for every mid-market account',
    'Renewal uplift warning 90 days ahead',
  ],
  [
    'Offer a seasonal pause instead of cancellation',
    'Usage summary email to account owners',
    'Downgrade option in the cancellation flow',
  ],
  [
    'Fix photo upload on Android 14',
    'Keep offline notes through sync conflicts',
    'Notification digest instead of one push per comment',
  ],
] as const;

const STATUSES = ['open', 'in_progress', 'done', 'done', 'wont_do', 'in_progress'] as const;

/** Actions in every state, evaluations of finished ones, three published stories and a collection. */
export async function seedWork(
  tx: postgres.TransactionSql,
  rnd: SeededRandom,
  ctx: WorkContext,
): Promise<void> {
  const byName = new Map(ctx.people.map((p) => [p.name, p]));
  // The demo's frontline people should find closed loops in their inbox on first sign-in.
  const frontlineIds = new Set(
    KEY_PEOPLE.filter((p) => p.roles.join() === 'frontline').map((p) => byName.get(p.name)!.id),
  );
  const frontlineInsights = ctx.insights.filter((s) => frontlineIds.has(s.row.reporter_id as string));
  const actions: Record<string, unknown>[] = [];
  const evaluations: Record<string, unknown>[] = [];
  GOALS.forEach((goal, goalIndex) => {
    const owner = byName.get(goal.owner)!;
    const assignees = ctx.people.filter((p) => (goal.mandate.teams as readonly string[]).includes(p.team));
    const aboutGoal = ctx.insights.filter((s) => s.goalIndex === goalIndex);
    ACTION_TITLES[goalIndex]!.forEach((title, i) => {
      const status = STATUSES[(goalIndex + i) % STATUSES.length]!;
      const created = new Date(ctx.now.getTime() - rnd.int(20, 80) * DAY);
      // An action can only cite what had been heard when it was assigned.
      const before = (s: SeedInsight) => (s.row.created_at as Date) < created;
      const cited = aboutGoal.filter(before).map((s) => s.row.id as string);
      const heardFromFrontline = frontlineInsights.filter(before).map((s) => s.row.id as string);
      const id = rnd.uuid();
      actions.push({
        id,
        goal_id: ctx.goalIds[goalIndex],
        title,
        assignee_id: rnd.pick(assignees).id,
        assigned_by: owner.id,
        due_date: new Date(created.getTime() + rnd.int(14, 60) * DAY).toISOString().slice(0, 10),
        status,
        cited_insight_ids: `{${[...new Set([...rnd.sample(cited, 3), ...(status === 'done' ? rnd.sample(heardFromFrontline, 1) : [])])].join(',')}}`,
        created_at: created,
        updated_at: new Date(created.getTime() + rnd.int(1, 15) * DAY),
      });
      if (status === 'done') {
        evaluations.push({
          action_id: id,
          goal_id: ctx.goalIds[goalIndex],
          result: rnd.weighted([
            ['better', 70],
            ['unchanged', 25],
            ['worse', 5],
          ] as const),
          kpi_value: goal.kpi.current,
          note: `Customers noticed: fewer complaints about "${title.toLowerCase()}" in the weeks after.`,
          evaluator_id: owner.id,
          evaluated_at: new Date(created.getTime() + rnd.int(16, 19) * DAY),
        });
      }
    });
  });
  await tx`insert into actions ${tx(actions as never)}`;
  if (evaluations.length > 0) await tx`insert into evaluations ${tx(evaluations as never)}`;
  // The loop already closed for these reporters: their inbox says what became of what they shared.
  await tx`
    insert into notifications (person_id, kind, text, link, dedupe_key, created_at)
    select distinct i.reporter_id, 'evaluation.recorded',
           'What became of what you shared: "' || a.title || '" was evaluated: for customers things '
             || case e.result when 'better' then 'got better' when 'worse' then 'got worse' else 'stayed the same' end || '.',
           '/?goal=' || e.goal_id, 'evaluated:' || e.id || ':' || i.reporter_id, e.evaluated_at
    from evaluations e join actions a on a.id = e.action_id join insights i on i.id = any(a.cited_insight_ids)
    where i.reporter_id <> e.evaluator_id
    on conflict (dedupe_key) do nothing`;
  await seedStories(tx, rnd, ctx);
}

async function seedStories(tx: postgres.TransactionSql, rnd: SeededRandom, ctx: WorkContext): Promise<void> {
  const curator = ctx.people.find((p) => p.roles.includes('curator'))!;
  const candidates = ctx.insights.filter(
    (s) => s.row.visibility_scope === 'everyone' && (s.row.kind === 'praise' || s.row.kind === 'story'),
  );
  const chosen = rnd.sample(candidates, 4);
  const stories = chosen.map((s, i) => {
    const published = i < 3;
    return {
      insight_id: s.row.id,
      headline: String(s.row.title).replace(/^[^:]+: /, ''),
      summary: `${String(s.row.body).split('\n')[0]} This is what good looks like for our customers.`,
      pull_quote: String(s.row.body).match(/> "([^"]+)"/)?.[1] ?? null,
      hero_media: null,
      status: published ? 'published' : 'draft',
      curator_id: curator.id,
      published_at: published ? publishedAt(ctx.now, s.row.created_at as Date, i) : null,
    };
  });
  if (stories.length === 0) return;
  await tx`insert into stories ${tx(stories as never)}`;
  const [collection] = await tx`
    insert into collections (title, description, curator_id, published_at)
    values ('Customer wins this quarter', 'Stories from the field that show what we got right.', ${curator.id}, ${ctx.now})
    returning id`;
  const items = stories
    .filter((s) => s.status === 'published')
    .map((s, position) => ({ collection_id: collection!.id, insight_id: s.insight_id, position }));
  await tx`insert into collection_items ${tx(items as never)}`;
}

/** Weeks apart, newest first, but never before the insight the story tells was posted. */
function publishedAt(now: Date, posted: Date, index: number): Date {
  const earliest = posted.getTime() + Math.min(DAY, (now.getTime() - posted.getTime()) / 2);
  return new Date(Math.max(now.getTime() - (index + 1) * 7 * DAY, earliest));
}
