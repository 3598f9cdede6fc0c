import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/seed';
import { useTestDatabase } from '../testing';
import { loadProcessHealth } from './process-health.query';

const db = useTestDatabase();
const NOW = new Date('2026-06-03T12:00:00Z'); // a Wednesday
const START = new Date('2026-03-16T00:00:00Z'); // Monday, eleven weeks before NOW's week

beforeAll(async () => {
  await seedDemo(db.sql(), { insights: 300, seed: 11, now: NOW });
});

const scalar = async (query: Promise<readonly Record<string, unknown>[]>) => Number((await query)[0]!.n);

describe('process health', () => {
  it('buckets the last twelve weeks from Monday and counts insights by source as SQL does', async () => {
    const sql = db.sql();
    const health = await loadProcessHealth(sql, { now: NOW });
    expect(health.weeks).toHaveLength(12);
    expect(health.weeks[0]).toBe(START.toISOString());
    const inPeriod = await scalar(
      sql`select count(*)::int as n from insights where created_at >= ${START} and created_at <= ${NOW}`,
    );
    expect(inPeriod).toBeGreaterThan(0);
    expect(health.acquisition.insights).toBe(inPeriod);
    const slackLastWeek = await scalar(
      sql`select count(*)::int as n from insights where source_kind = 'slack'
          and created_at >= ${health.weeks[10]!} and created_at < ${health.weeks[11]!}`,
    );
    expect(health.acquisition.insightsBySource[10]!.slack).toBe(slackLastWeek);
    const share = health.acquisition.largestSource!.share;
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThanOrEqual(1);
  });

  it('measures frontline contribution, goal links, cross-team reach and reporters told against SQL', async () => {
    const sql = db.sql();
    const health = await loadProcessHealth(sql, { now: NOW });
    const frontline = await scalar(sql`select count(*)::int as n from people where 'frontline' = any(roles)`);
    const contributors = await scalar(
      sql`select count(distinct i.reporter_id)::int as n from insights i join people p on p.id = i.reporter_id
          where 'frontline' = any(p.roles) and i.created_at >= ${START} and i.created_at <= ${NOW}`,
    );
    expect(health.acquisition.contributorShare).toBeCloseTo(contributors / frontline);

    const linked = await scalar(
      sql`select count(*)::int as n from insights i where i.created_at >= ${START} and i.created_at <= ${NOW}
          and exists (select 1 from insight_goals ig where ig.insight_id = i.id)`,
    );
    expect(health.transformation.goalLinkedShare).toBeCloseTo(linked / health.acquisition.insights);

    const [reach] = await sql`
      select count(*)::int as total, count(*) filter (where a.team_id is distinct from b.team_id)::int as cross_team
      from reactions r join insights i on i.id = r.insight_id
      join people a on a.id = r.person_id join people b on b.id = i.reporter_id
      where r.created_at >= ${START} and r.created_at <= ${NOW}`;
    expect(reach!.total).toBeGreaterThan(0);
    expect(health.sharing.reactions).toBe(reach!.total);
    expect(health.sharing.crossTeamReactionShare).toBeCloseTo(reach!.cross_team / reach!.total);

    const told = await scalar(
      sql`select count(distinct person_id)::int as n from notifications
          where kind = 'evaluation.recorded' and created_at >= ${START} and created_at <= ${NOW}`,
    );
    expect(health.reactivity.reportersTold).toBe(told);
    const opened = await scalar(
      sql`select count(*)::int as n from actions where created_at >= ${START} and created_at <= ${NOW}`,
    );
    expect(health.reactivity.opened).toBe(opened);
    expect(health.reactivity.openedByWeek.reduce((a, b) => a + b, 0)).toBe(opened);
  });

  it('takes the median hours to triage and counts goals missing a mandate', async () => {
    const sql = db.sql();
    expect((await loadProcessHealth(sql, { now: NOW })).transformation.goalsWithoutOwnerOrMandate).toBe(0);
    await sql`update insights set updated_at = created_at + interval '10 hours'
              where triage in ('triaged', 'archived') and created_at >= ${START} and created_at <= ${NOW} - interval '1 day'`;
    const [goal] = await sql`select id from goals where status = 'active' limit 1`;
    await sql`update goals set mandate_statement = '  ' where id = ${goal!.id}`;
    const health = await loadProcessHealth(sql, { now: NOW });
    expect(health.transformation.medianHoursToTriage).toBeCloseTo(10);
    expect(health.transformation.goalsWithoutOwnerOrMandate).toBe(1);
  });
});
