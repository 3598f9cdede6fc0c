import type {
  DigestAction,
  DigestCandidate,
  DigestGoal,
  DigestMaterial,
  DigestPeriod,
  DigestStory,
  ReadScope,
  SubscriptionScope,
} from '@heard/domain';
import type postgres from 'postgres';
import { asDate, type Db, isUuid, type Row } from '../repositories/db';
import { readableBy } from '../repositories/feed.query';
import { visibilityToDomain } from '../repositories/insight.mapper';

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** Candidates fetched per digest; the domain re-checks each and keeps the best few. */
const CANDIDATES = 40;
/** Goals shown when the scope is not a goal: those the period's insights serve most. */
const GOALS_FROM_INSIGHTS = 3;

/** The SQL twin of the domain's `digestScore`, so the database returns the best candidates. */
const SCORE =
  'i.evidence_count * 3 + i.reaction_count + log(1 + greatest(i.customer_value, 0)::float8 / 1000)';

function inScope(db: Db, scope: SubscriptionScope): Fragment {
  switch (scope.kind) {
    case 'goal':
      if (!isUuid(scope.goalId)) return db`false`;
      return db`exists (select 1 from insight_goals ig where ig.insight_id = i.id and ig.goal_id = ${scope.goalId})`;
    case 'tag':
      return db`i.tags @> array[${scope.tag}]::text[]`;
    case 'team':
      if (!isUuid(scope.teamId)) return db`false`;
      return db`i.reporter_id = any(array(select p.id from people p where p.team_id = ${scope.teamId}))`;
    case 'segment':
      return db`exists (select 1 from insight_customers ic join customers c on c.id = ic.customer_id
                        where ic.insight_id = i.id and c.segment = ${scope.segment})`;
    case 'stories':
      return db`true`;
  }
}

async function scopeLabel(db: Db, scope: SubscriptionScope): Promise<string> {
  switch (scope.kind) {
    case 'goal': {
      const [g] = isUuid(scope.goalId) ? await db`select title from goals where id = ${scope.goalId}` : [];
      return g ? `Goal: ${g.title as string}` : 'A goal that no longer exists';
    }
    case 'team': {
      const [t] = isUuid(scope.teamId) ? await db`select name from teams where id = ${scope.teamId}` : [];
      return t ? `Team: ${t.name as string}` : 'A team that no longer exists';
    }
    case 'tag':
      return `Tag: #${scope.tag}`;
    case 'segment':
      return `Segment: ${scope.segment}`;
    case 'stories':
      return 'All published stories';
  }
}

function excerpt(body: string): string {
  const plain = body
    .replace(/[#*_`>[\]()!]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 220 ? `${plain.slice(0, 219).trimEnd()}…` : plain;
}

function candidateToDomain(r: Row): DigestCandidate {
  return {
    id: r.id as string,
    title: r.title as string,
    excerpt: excerpt(r.body as string),
    kind: r.kind as DigestCandidate['kind'],
    reporterId: r.reporter_id as string,
    visibility: visibilityToDomain(r),
    evidenceCount: Number(r.evidence_count),
    reactionCount: Number(r.reaction_count),
    customerValue: Number(r.customer_value),
    customerNames: (r.customer_names as string[] | null) ?? [],
    createdAt: asDate(r.created_at),
  };
}

function actionToDomain(r: Row): DigestAction {
  return {
    id: r.id as string,
    title: r.title as string,
    goalId: r.goal_id as string,
    goalTitle: r.goal_title as string,
    assigneeName: r.assignee_name as string,
  };
}

/**
 * Everything in scope for one period that one reader may read: insights and stories go through
 * `readableBy` inside the query (the domain checks them again when composing).
 */
export async function loadDigestMaterial(
  db: Db,
  reader: ReadScope,
  scope: SubscriptionScope,
  period: DigestPeriod,
): Promise<DigestMaterial> {
  const { start, end } = period;
  const readable = readableBy(db, reader);
  const scoped = inScope(db, scope);
  // Archived insights are noise, and a merged duplicate is counted in the insight it was merged into.
  const inPeriod = db`i.created_at >= ${start} and i.created_at < ${end} and i.triage <> 'archived' and i.merged_into is null`;
  const wantsInsights = scope.kind !== 'stories';
  // One scan for both: the best candidates and, through the window, how many there were in all.
  const [label, candidates, stories] = await Promise.all([
    scopeLabel(db, scope),
    wantsInsights
      ? db`select i.id, i.title, i.body, i.kind, i.reporter_id, i.visibility_scope, i.visibility_team_id,
                  i.visibility_person_ids, i.evidence_count, i.reaction_count, i.customer_value, i.created_at,
                  count(*) over () as total
           from insights i
           where ${inPeriod} and ${scoped} and ${readable}
           order by ${db.unsafe(SCORE)} desc, i.created_at desc, i.id
           limit ${CANDIDATES}`
      : Promise.resolve([] as Row[]),
    db`select s.insight_id, s.headline, s.summary, s.pull_quote, s.hero_media,
              i.reporter_id, i.visibility_scope, i.visibility_team_id, i.visibility_person_ids
       from stories s join insights i on i.id = s.insight_id
       where s.status = 'published' and s.published_at >= ${start} and s.published_at < ${end}
         and ${scoped} and ${readable}
       order by s.published_at desc limit 10`,
  ]);

  // Names for the few candidates only, not for every insight of the period.
  const ids = candidates.map((c) => c.id as string);
  const names = ids.length
    ? await db`select ic.insight_id, c.name from insight_customers ic join customers c on c.id = ic.customer_id
               where ic.insight_id = any(${ids}::uuid[]) order by c.value desc nulls last, c.name`
    : [];
  for (const c of candidates) {
    c.customer_names = names
      .filter((n) => n.insight_id === c.id)
      .slice(0, 3)
      .map((n) => n.name as string);
  }
  const goalIds = await goalsInScope(
    db,
    scope,
    candidates.map((c) => c.id as string),
  );
  const [goals, opened, completed, evaluations] = goalIds.length
    ? await Promise.all([
        loadGoals(db, goalIds, start),
        db`select a.id, a.title, a.goal_id, g.title as goal_title, p.name as assignee_name
           from actions a join goals g on g.id = a.goal_id join people p on p.id = a.assignee_id
           where a.goal_id = any(${goalIds}::uuid[]) and a.created_at >= ${start} and a.created_at < ${end}
           order by a.created_at limit 20`,
        db`select a.id, a.title, a.goal_id, g.title as goal_title, p.name as assignee_name
           from actions a join goals g on g.id = a.goal_id join people p on p.id = a.assignee_id
           where a.goal_id = any(${goalIds}::uuid[]) and a.status = 'done'
             and a.updated_at >= ${start} and a.updated_at < ${end}
           order by a.updated_at limit 20`,
        db`select e.id, e.goal_id, g.title as goal_title, a.title as action_title, e.result, e.kpi_value, e.note
           from evaluations e join goals g on g.id = e.goal_id left join actions a on a.id = e.action_id
           where e.goal_id = any(${goalIds}::uuid[]) and e.evaluated_at >= ${start} and e.evaluated_at < ${end}
           order by e.evaluated_at limit 20`,
      ])
    : [[], [], [], []];

  return {
    scopeLabel: label,
    candidates: candidates.map(candidateToDomain),
    readableInsightCount: Number(candidates[0]?.total ?? 0),
    stories: stories.map(
      (s): DigestStory => ({
        insightId: s.insight_id as string,
        reporterId: s.reporter_id as string,
        visibility: visibilityToDomain(s),
        headline: s.headline as string,
        summary: s.summary as string,
        pullQuote: (s.pull_quote as string | null) ?? null,
        imageUrl:
          (s.hero_media as { kind: string; url: string } | null)?.kind === 'image'
            ? (s.hero_media as { url: string }).url
            : null,
      }),
    ),
    goals,
    actionsOpened: (opened as Row[]).map(actionToDomain),
    actionsCompleted: (completed as Row[]).map(actionToDomain),
    evaluations: (evaluations as Row[]).map((e) => ({
      id: e.id as string,
      goalId: e.goal_id as string,
      goalTitle: e.goal_title as string,
      actionTitle: (e.action_title as string | null) ?? null,
      result: e.result as 'better' | 'unchanged' | 'worse',
      kpiValue: e.kpi_value === null ? null : Number(e.kpi_value),
      note: e.note as string,
    })),
  };
}

/** A goal scope is that goal; other scopes follow the goals their period's insights serve. */
async function goalsInScope(db: Db, scope: SubscriptionScope, insightIds: string[]): Promise<string[]> {
  if (scope.kind === 'goal') return isUuid(scope.goalId) ? [scope.goalId] : [];
  if (scope.kind === 'stories' || insightIds.length === 0) return [];
  const rows = await db`
    select ig.goal_id from insight_goals ig join goals g on g.id = ig.goal_id
    where ig.insight_id = any(${insightIds}::uuid[]) and g.status = 'active'
    group by ig.goal_id order by count(*) desc, ig.goal_id limit ${GOALS_FROM_INSIGHTS}`;
  return rows.map((r) => r.goal_id as string);
}

async function loadGoals(db: Db, goalIds: string[], periodStart: Date): Promise<DigestGoal[]> {
  const [goals, measurements] = await Promise.all([
    db`select id, title, kpi_name, kpi_unit, kpi_baseline, kpi_target, kpi_current
       from goals where id = any(${goalIds}::uuid[]) order by title`,
    db`select goal_id, evaluated_at, kpi_value from evaluations
       where goal_id = any(${goalIds}::uuid[]) and kpi_value is not null order by evaluated_at`,
  ]);
  return goals.map((g) => {
    const points = measurements.filter((m) => m.goal_id === g.id);
    const before = points.filter((m) => asDate(m.evaluated_at) < periodStart).at(-1);
    const latest = points.at(-1);
    const current = g.kpi_current ?? latest?.kpi_value ?? null;
    return {
      id: g.id as string,
      title: g.title as string,
      kpiName: g.kpi_name as string,
      unit: g.kpi_unit as string,
      baseline: Number(g.kpi_baseline),
      target: Number(g.kpi_target),
      current: current === null ? null : Number(current),
      before: before ? Number(before.kpi_value) : null,
      measurements: points.slice(-12).map((m) => ({
        at: asDate(m.evaluated_at).toISOString(),
        value: Number(m.kpi_value),
      })),
    };
  });
}
