import type { Db } from '../repositories/db';

const WEEK_MS = 7 * 86_400_000;
export const HEALTH_SOURCES = ['slack', 'teams', 'web', 'api', 'import', 'email'] as const;
export type HealthSource = (typeof HEALTH_SOURCES)[number];

/** Monday 00:00 UTC of the week holding `at`. */
function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * 86_400_000);
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/**
 * The four information processes measured week by week (the last `weeks` weeks, the current one included).
 * Aggregates over all insights, restricted ones too: counts and shares reveal no content, and only leaders see them.
 */
export async function loadProcessHealth(db: Db, options: { now?: Date; weeks?: number } = {}) {
  const now = options.now ?? new Date();
  const count = options.weeks ?? 12;
  const start = new Date(weekStart(now).getTime() - (count - 1) * WEEK_MS);
  const weeks = Array.from({ length: count }, (_, i) =>
    new Date(start.getTime() + i * WEEK_MS).toISOString(),
  );
  // The week index of a timestamp column, 0 for the oldest bucket.
  const bucket = (column: string) =>
    db`floor(extract(epoch from (${db(column)} - ${start}::timestamptz)) / 604800)::int`;
  const inPeriod = (column: string) =>
    db`${db(column)} >= ${start}::timestamptz and ${db(column)} <= ${now}::timestamptz`;

  const [
    bySource,
    contributors,
    frontline,
    goalLinks,
    triage,
    goalGaps,
    reach,
    opened,
    done,
    leadTime,
    told,
  ] = await Promise.all([
    db`select ${bucket('created_at')} as w, source_kind, count(*)::int as n
         from insights where ${inPeriod('created_at')} group by 1, 2`,
    db`select ${bucket('i.created_at')} as w, count(distinct i.reporter_id)::int as n
         from insights i join people p on p.id = i.reporter_id
         where 'frontline' = any(p.roles) and ${inPeriod('i.created_at')}
         group by rollup (1)`,
    db`select count(*)::int as n from people where 'frontline' = any(roles)`,
    db`select ${bucket('i.created_at')} as w, count(*)::int as total,
           count(*) filter (where exists (select 1 from insight_goals ig where ig.insight_id = i.id))::int as linked
         from insights i where ${inPeriod('i.created_at')} group by rollup (1)`,
    // Insights keep no triage timestamp: the last update of a triaged or archived insight stands in for
    // the moment it was triaged (later edits make this an overestimate), bucketed by that moment.
    db`select ${bucket('updated_at')} as w,
           percentile_cont(0.5) within group (order by extract(epoch from (updated_at - created_at)) / 3600) as hours
         from insights where triage in ('triaged', 'archived') and ${inPeriod('updated_at')}
         group by rollup (1)`,
    db`select g.id from goals g left join people o on o.id = g.owner_id
         where g.status = 'active'
           and (o.id is null or btrim(g.mandate_statement) = '' or cardinality(g.mandate_team_ids) = 0)`,
    db`select ${bucket('r.created_at')} as w, count(*)::int as total,
           count(*) filter (where reactor.team_id is distinct from reporter.team_id)::int as cross_team
         from reactions r join insights i on i.id = r.insight_id
         join people reactor on reactor.id = r.person_id join people reporter on reporter.id = i.reporter_id
         where ${inPeriod('r.created_at')} group by rollup (1)`,
    db`select ${bucket('created_at')} as w, count(*)::int as n
         from actions where ${inPeriod('created_at')} group by rollup (1)`,
    // Done actions keep no completion timestamp: their last update stands in for it.
    db`select ${bucket('a.updated_at')} as w, count(*)::int as n,
           count(*) filter (where exists (select 1 from evaluations e where e.action_id = a.id))::int as evaluated
         from actions a where a.status = 'done' and ${inPeriod('a.updated_at')} group by rollup (1)`,
    db`select ${bucket('a.created_at')} as w,
           percentile_cont(0.5) within group (order by extract(epoch from (a.created_at - c.oldest)) / 86400) as days
         from actions a
         cross join lateral (select min(i.created_at) as oldest from insights i
                             where i.id = any(a.cited_insight_ids)) c
         where c.oldest is not null and ${inPeriod('a.created_at')}
         group by rollup (1)`,
    db`select ${bucket('created_at')} as w, count(distinct person_id)::int as n
         from notifications where kind = 'evaluation.recorded' and ${inPeriod('created_at')}
         group by rollup (1)`,
  ]);

  /** One value per week from rows keyed by `w` (the rollup's total row has `w` null). */
  const perWeek = <T>(
    rows: readonly Record<string, unknown>[],
    pick: (row: Record<string, unknown>) => T,
    empty: T,
  ) => {
    const out = weeks.map(() => empty);
    for (const row of rows)
      if (row.w !== null && Number(row.w) >= 0 && Number(row.w) < count) out[Number(row.w)] = pick(row);
    return out;
  };
  const total = (rows: readonly Record<string, unknown>[]) => rows.find((r) => r.w === null) ?? null;

  const sources = weeks.map(
    () => Object.fromEntries(HEALTH_SOURCES.map((s) => [s, 0])) as Record<HealthSource, number>,
  );
  for (const row of bySource) {
    const w = Number(row.w);
    if (w >= 0 && w < count) sources[w]![row.source_kind as HealthSource] = row.n as number;
  }
  const weekTotals = sources.map((s) => Object.values(s).reduce((a, b) => a + b, 0));
  const periodBySource = Object.fromEntries(
    HEALTH_SOURCES.map((s) => [s, sources.reduce((sum, week) => sum + week[s], 0)]),
  ) as Record<HealthSource, number>;
  const periodInsights = weekTotals.reduce((a, b) => a + b, 0);
  const largest = HEALTH_SOURCES.reduce((best, s) => (periodBySource[s] > periodBySource[best] ? s : best));
  const frontlineCount = frontline[0]!.n as number;

  const goalTotal = total(goalLinks);
  const reachTotal = total(reach);
  const doneTotal = total(done);

  return {
    weeks,
    acquisition: {
      insightsBySource: sources,
      insights: periodInsights,
      frontlineStaff: frontlineCount,
      contributorShareByWeek: perWeek(
        contributors,
        (r) => ratio(r.n as number, frontlineCount),
        null as number | null,
      ),
      contributorShare: ratio((total(contributors)?.n as number | undefined) ?? 0, frontlineCount),
      largestSourceShareByWeek: sources.map((s, i) => ratio(Math.max(...Object.values(s)), weekTotals[i]!)),
      largestSource:
        periodInsights > 0 ? { source: largest, share: periodBySource[largest] / periodInsights } : null,
    },
    transformation: {
      goalLinkedShareByWeek: perWeek(
        goalLinks,
        (r) => ratio(r.linked as number, r.total as number),
        null as number | null,
      ),
      goalLinkedShare: goalTotal ? ratio(goalTotal.linked as number, goalTotal.total as number) : null,
      medianHoursToTriageByWeek: perWeek(triage, (r) => num(r.hours), null as number | null),
      medianHoursToTriage: num(total(triage)?.hours),
      goalsWithoutOwnerOrMandate: goalGaps.length,
    },
    sharing: {
      crossTeamReactionShareByWeek: perWeek(
        reach,
        (r) => ratio(r.cross_team as number, r.total as number),
        null as number | null,
      ),
      crossTeamReactionShare: reachTotal
        ? ratio(reachTotal.cross_team as number, reachTotal.total as number)
        : null,
      reactions: (reachTotal?.total as number | undefined) ?? 0,
    },
    reactivity: {
      openedByWeek: perWeek(opened, (r) => r.n as number, 0),
      doneByWeek: perWeek(done, (r) => r.n as number, 0),
      opened: (total(opened)?.n as number | undefined) ?? 0,
      done: (doneTotal?.n as number | undefined) ?? 0,
      medianDaysToActionByWeek: perWeek(leadTime, (r) => num(r.days), null as number | null),
      medianDaysToAction: num(total(leadTime)?.days),
      evaluatedShareByWeek: perWeek(
        done,
        (r) => ratio(r.evaluated as number, r.n as number),
        null as number | null,
      ),
      evaluatedShare: doneTotal ? ratio(doneTotal.evaluated as number, doneTotal.n as number) : null,
      reportersToldByWeek: perWeek(told, (r) => r.n as number, 0),
      reportersTold: (total(told)?.n as number | undefined) ?? 0,
    },
  };
}

export type ProcessHealth = Awaited<ReturnType<typeof loadProcessHealth>>;
