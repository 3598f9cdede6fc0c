import type postgres from 'postgres';
import { GOALS, KEY_PEOPLE } from './organisation';
import type { SeedPerson } from './people-and-customers';
import type { SeededRandom } from './random';

const DAY = 86_400_000;

interface WorkContext {
  people: SeedPerson[];
  teamId: Map<string, string>;
  goalIds: string[];
  now: Date;
}

type Tx = postgres.TransactionSql;

/**
 * Draws `count` of the insights `pool` selects, by their place in the order they were posted:
 * the same draws as sampling the list in memory, without loading a million insights to do it.
 */
async function sampleInsights<T extends Record<string, unknown>>(
  tx: Tx,
  rnd: SeededRandom,
  pool: () => postgres.PendingQuery<postgres.Row[]>,
  count: number,
): Promise<T[]> {
  const [{ n } = { n: 0 }] = await tx`select count(*)::int as n from (${pool()}) p`;
  const places = rnd.sampleIndices(Number(n), count);
  if (places.length === 0) return [];
  const rows = await tx`
    select * from (select p.*, (row_number() over (order by p.created_at, p.id))::int - 1 as place
                   from (${pool()}) p) x
    where place = any(${places}::int[])`;
  const byPlace = new Map(rows.map((r) => [r.place as number, r as unknown as T]));
  return places.map((place) => byPlace.get(place)!);
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
  const frontlineIds = KEY_PEOPLE.filter((p) => p.roles.join() === 'frontline').map(
    (p) => byName.get(p.name)!.id,
  );
  const actions: Record<string, unknown>[] = [];
  const evaluations: Record<string, unknown>[] = [];
  for (const [goalIndex, goal] of GOALS.entries()) {
    const owner = byName.get(goal.owner)!;
    const assignees = ctx.people.filter((p) => (goal.mandate.teams as readonly string[]).includes(p.team));
    for (const [i, title] of ACTION_TITLES[goalIndex]!.entries()) {
      const status = STATUSES[(goalIndex + i) % STATUSES.length]!;
      const created = new Date(ctx.now.getTime() - rnd.int(20, 80) * DAY);
      // An action can only cite what had been heard when it was assigned.
      const cited = () => tx`
        select i.id, i.created_at from insight_goals g join insights i on i.id = g.insight_id
        where g.goal_id = ${ctx.goalIds[goalIndex]!} and i.created_at < ${created}`;
      const heardFromFrontline = () => tx`
        select id, created_at from insights where reporter_id = any(${frontlineIds}::uuid[]) and created_at < ${created}`;
      const id = rnd.uuid();
      const assignee = rnd.pick(assignees).id;
      const due = new Date(created.getTime() + rnd.int(14, 60) * DAY).toISOString().slice(0, 10);
      const citedIds = [
        ...(await sampleInsights(tx, rnd, cited, 3)),
        ...(status === 'done' ? await sampleInsights(tx, rnd, heardFromFrontline, 1) : []),
      ].map((s) => s.id as string);
      actions.push({
        id,
        goal_id: ctx.goalIds[goalIndex],
        title,
        assignee_id: assignee,
        assigned_by: owner.id,
        due_date: due,
        status,
        cited_insight_ids: `{${[...new Set(citedIds)].join(',')}}`,
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
    }
  }
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
  const chosen = await sampleInsights<{ id: string; title: string; body: string; created_at: Date }>(
    tx,
    rnd,
    () => tx`
      select id, title, body, created_at from insights
      where visibility_scope = 'everyone' and kind in ('praise', 'story')`,
    4,
  );
  const stories = chosen.map((s, i) => {
    const published = i < 3;
    return {
      insight_id: s.id,
      headline: s.title.replace(/^[^:]+: /, ''),
      summary: `${s.body.split('\n')[0]} This is what good looks like for our customers.`,
      pull_quote: s.body.match(/> "([^"]+)"/)?.[1] ?? null,
      hero_media: null,
      status: published ? 'published' : 'draft',
      curator_id: curator.id,
      published_at: published ? publishedAt(ctx.now, s.created_at, i) : null,
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
