import {
  type Customer,
  canReadInsight,
  type FeedFilters,
  type FeedItem,
  type Goal,
  INSIGHT_KINDS,
  type Insight,
  type Person,
  readScopeFor,
  SENTIMENTS,
  SOURCE_KINDS,
  type SourceKind,
  type Team,
  TRIAGE_STATES,
} from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../seed/random';
import { buildCustomer, buildGoal, buildInsight, buildPerson, buildTeam, useTestDatabase } from '../testing';
import type { Db } from './db';
import { createInsightRepository } from './insight.repository';

const db = useTestDatabase();
const SEED = 20260115;
const INSIGHTS = 200;
const TAGS = ['billing', 'export', 'mobile', 'onboarding'];
const BASE = Date.parse('2026-01-15T09:00:00Z');

/** What the test asked the database to hold, so the expectations never come from the database. */
type Model = Pick<
  Insight,
  'id' | 'reporterId' | 'visibility' | 'kind' | 'sentiment' | 'tags' | 'customerIds' | 'triage'
> & {
  at: number;
  micros: number;
  source: SourceKind;
  evidenceCustomerIds: string[];
  goalIds: string[];
  reactions: number;
  hasStory: boolean;
};

interface World {
  teams: Team[];
  people: Record<(typeof PEOPLE)[number], Person>;
  goals: Goal[];
  customers: Customer[];
  insights: Model[];
}

const PEOPLE = ['sam', 'fran', 'chloe', 'cora', 'owen', 'lea', 'tess', 'ada'] as const;

async function buildWorld(sql: Db): Promise<World> {
  const rnd = new SeededRandom(SEED);
  const teams = await Promise.all(
    ['Support', 'Sales', 'Billing', 'Nobody'].map((name) => buildTeam(sql, { name })),
  );
  const [support, sales, billing] = teams as [Team, Team, Team];
  const person = (name: string, team: Team | null, roles: Person['roles'] = ['frontline']) =>
    buildPerson(sql, { name, teamId: team?.id ?? null, roles });
  const people: World['people'] = {
    sam: await person('Sam Carter', support),
    fran: await person('Fran Frontline', support),
    chloe: await person('Chloé Dubois', sales),
    cora: await person('Cora Curator', sales, ['curator']),
    owen: await person('Owen Owner', billing, ['owner']),
    lea: await person('Lea Leader', null, ['leader']),
    tess: await person('Tess Teamless', null),
    ada: await person('Ada Admin', null, ['admin']),
  };
  const everyone = Object.values(people);
  const goals = [await buildGoal(sql, { title: 'Halve billing complaints' }), await buildGoal(sql)];
  const customers = await Promise.all(
    ['Acme', 'Kestrel', 'Harbor'].map((name) => buildCustomer(sql, { name })),
  );
  const repo = createInsightRepository(sql);
  const cora = people.cora.id;
  const insights: Model[] = [];
  for (let n = 0; n < INSIGHTS; n++) {
    const reporter = rnd.pick(everyone);
    const scope = rnd.pick(['everyone', 'everyone', 'team', 'people'] as const);
    const m: Model = {
      id: '',
      reporterId: reporter.id,
      visibility:
        scope === 'team'
          ? { scope, teamId: rnd.pick(teams).id }
          : scope === 'people'
            ? { scope, personIds: rnd.sample(everyone, rnd.int(1, 3)).map((p) => p.id) }
            : { scope },
      // Minutes only, so many insights share a timestamp and the id has to break the tie.
      at: BASE - rnd.int(0, 60) * 60_000,
      // Sub-millisecond differences, which a JavaScript Date cannot hold, must not break the cursor.
      micros: rnd.chance(0.25) ? rnd.int(1, 999) : 0,
      kind: rnd.pick(INSIGHT_KINDS),
      sentiment: rnd.pick(SENTIMENTS),
      source: rnd.pick(SOURCE_KINDS),
      tags: rnd.sample(TAGS, rnd.int(0, 2)),
      customerIds: rnd.sample(customers, rnd.int(0, 1)).map((c) => c.id),
      evidenceCustomerIds: [],
      goalIds: rnd.chance(0.3) ? [rnd.pick(goals).id] : [],
      triage: 'new',
      reactions: rnd.pick([0, 0, 0, 1, 3]),
      hasStory: rnd.chance(0.05),
    };
    const createdAt = new Date(m.at);
    const { id } = await buildInsight(sql, {
      ...m,
      title: `Insight ${n}`,
      source: { kind: m.source, url: null, externalId: null },
      goals: m.goalIds.map((goalId) => ({
        goalId,
        rationale: null,
        linkedBy: reporter.id,
        linkedAt: createdAt,
      })),
      createdAt,
    });
    m.id = id;
    if (m.micros > 0)
      await sql`update insights set created_at = created_at + ${m.micros} * interval '1 microsecond' where id = ${id}`;
    const more = rnd.pick(goals).id;
    if (rnd.chance(0.2) && !m.goalIds.includes(more)) {
      await repo.linkGoal(id, { goalId: more, rationale: null, linkedBy: cora, linkedAt: new Date() });
      m.goalIds.push(more);
    }
    if (rnd.chance(0.15)) {
      const customerId = rnd.pick(customers).id;
      await repo.addEvidence({ insightId: id, customerId, addedBy: cora, note: null, createdAt: new Date() });
      m.evidenceCustomerIds.push(customerId);
    }
    for (const reactor of rnd.sample(everyone, m.reactions))
      await repo.addReaction({ insightId: id, personId: reactor.id, emoji: 'me-too', createdAt: new Date() });
    if (m.hasStory) {
      const story = { headline: 'h', summary: 's', pullQuote: null, heroMedia: null, publishedAt: null };
      await repo.setStory(id, { ...story, status: 'draft', curatorId: cora }, new Date());
    }
    insights.push(m);
  }
  for (const triage of ['triaged', 'archived'] as const) {
    const chosen = insights.filter((m) => rnd.chance(0.3) && m.triage === 'new');
    await repo.setTriage(
      chosen.map((m) => m.id),
      triage,
      new Date(),
    );
    for (const m of chosen) m.triage = triage;
  }
  return { teams, people, goals, customers, insights };
}

const newestFirst = (a: Model, b: Model) =>
  b.at - a.at || b.micros - a.micros || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Every page of the feed, following the cursor to the end. */
async function readWholeFeed(
  sql: Db,
  reader: Person,
  filters: FeedFilters,
  limit: number,
): Promise<FeedItem[]> {
  const repo = createInsightRepository(sql);
  const items: FeedItem[] = [];
  let after = null;
  for (let pages = 1; ; pages++) {
    const page = await repo.listFeed({ scope: readScopeFor(reader), filters, after, limit });
    items.push(...page.items);
    if (!page.next) return items;
    expect(page.items, 'a page followed by another is full').toHaveLength(limit);
    expect(page.next.id).toBe(page.items.at(-1)?.id);
    if (pages > INSIGHTS + 1) throw new Error('the cursor never reaches the end');
    after = page.next;
  }
}

let world: World;
beforeAll(async () => {
  world = await buildWorld(db.sql());
}, 120_000);

const expectedFor = (reader: Person, keep: (m: Model) => boolean = () => true) =>
  world.insights
    .filter((m) => canReadInsight(reader, { reporterId: m.reporterId, visibility: m.visibility }))
    .filter(keep)
    .sort(newestFirst)
    .map((m) => m.id);

describe('listFeed', () => {
  it('covers every visibility scope, shared timestamps and sub-millisecond ones', () => {
    const scopes = new Set(world.insights.map((m) => m.visibility.scope));
    expect([...scopes].sort()).toEqual(['everyone', 'people', 'team']);
    expect(new Set(world.insights.map((m) => m.at)).size).toBeLessThan(INSIGHTS / 2);
    expect(world.insights.some((m) => m.micros > 0)).toBe(true);
  });

  it.each(PEOPLE.map((name, i) => [name, [1, 7, 20, 100][i % 4]!] as const))(
    'shows %s exactly the insights canReadInsight allows, newest first, without repeats (page size %i)',
    async (name, limit) => {
      const reader = world.people[name];
      const ids = (await readWholeFeed(db.sql(), reader, {}, limit)).map((i) => i.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expectedFor(reader));
      if (name === 'ada') expect(ids).toHaveLength(INSIGHTS);
      else expect(ids.length).toBeLessThan(INSIGHTS);
    },
  );

  const goal = (i: number) => world.goals[i]!.id;
  const customer = (i: number) => world.customers[i]!.id;
  const team = (i: number) => world.teams[i]!.id;
  const teamOf = (m: Model) => Object.values(world.people).find((p) => p.id === m.reporterId)?.teamId;
  type Case = [string, () => FeedFilters, (m: Model) => boolean];
  const same = (key: 'kind' | 'source' | 'sentiment' | 'triage', values: readonly string[]) =>
    values.map((v): Case => [`${key} ${v}`, () => ({ [key]: v }), (m) => m[key] === v]);
  const cases: Case[] = [
    ...[0, 1].map(
      (i): Case => [`goal ${i}`, () => ({ goalId: goal(i) }), (m) => m.goalIds.includes(goal(i))],
    ),
    ...TAGS.map((tag): Case => [`tag ${tag}`, () => ({ tag }), (m) => m.tags.includes(tag)]),
    ...[0, 1, 2].map(
      (i): Case => [`reporter's team ${i}`, () => ({ teamId: team(i) }), (m) => teamOf(m) === team(i)],
    ),
    ...[0, 1, 2].map(
      (i): Case => [
        `customer ${i}, named or as evidence`,
        () => ({ customerId: customer(i) }),
        (m) => m.customerIds.includes(customer(i)) || m.evidenceCustomerIds.includes(customer(i)),
      ],
    ),
    ...same('kind', INSIGHT_KINDS),
    ...same('source', SOURCE_KINDS),
    ...same('sentiment', SENTIMENTS),
    ...same('triage', TRIAGE_STATES),
    [
      'tag and kind together',
      () => ({ tag: 'billing', kind: 'pain' }),
      (m) => m.tags.includes('billing') && m.kind === 'pain',
    ],
  ];

  it.each(cases)('filters by %s, still within what each reader may see', async (_, filters, keep) => {
    let matched = 0;
    for (const name of ['ada', 'sam', 'tess', 'owen'] as const) {
      const reader = world.people[name];
      const ids = (await readWholeFeed(db.sql(), reader, filters(), 9)).map((i) => i.id);
      expect(ids, `${name}'s feed`).toEqual(expectedFor(reader, keep));
      matched += ids.length;
    }
    expect(matched, 'the filter should match something in this world').toBeGreaterThan(0);
  });

  it('finds nothing, without an error, for a malformed goal, customer or team id, and survives a bad cursor', async () => {
    const repo = createInsightRepository(db.sql());
    const scope = readScopeFor(world.people.ada);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const bad: FeedFilters[] = [{ goalId: 'goal-1' }, { customerId: "1' or '1'='1" }, { teamId: 'support' }];
    for (const filters of [...bad, { goalId: unknown }]) {
      const page = await repo.listFeed({ scope, filters, after: null, limit: 20 });
      expect(page).toEqual({ items: [], next: null, hasMore: false });
    }
    const cursors = [
      { createdAt: 'yesterday', id: unknown },
      { createdAt: new Date(BASE).toISOString(), id: 'x' },
    ];
    for (const after of cursors)
      await expect(repo.listFeed({ scope, filters: {}, after, limit: 5 })).resolves.toBeDefined();
  });

  it('shows each item with its reporter, team, customers, goals, story and counts by name', async () => {
    const all = await readWholeFeed(db.sql(), world.people.ada, {}, 100);
    const m = world.insights.find(
      (x) => x.customerIds.length > 0 && x.goalIds.length > 0 && x.reactions > 0,
    )!;
    const reporter = Object.values(world.people).find((p) => p.id === m.reporterId)!;
    const brief = ({ id, name, segment }: Customer) => ({ id, name, segment });
    const named = <T extends { id: string }>(rows: T[], ids: string[]) =>
      rows.filter((r) => ids.includes(r.id));
    expect(all.find((i) => i.id === m.id)).toMatchObject({
      reporter: {
        id: reporter.id,
        name: reporter.name,
        teamName: named(world.teams, [reporter.teamId!])[0]?.name ?? null,
      },
      customers: named(world.customers, m.customerIds).map(brief),
      goals: named(world.goals, m.goalIds)
        .map(({ id, title }) => ({ id, title }))
        .sort((a, b) => a.title.localeCompare(b.title)),
      tags: m.tags,
      source: { kind: m.source, url: null },
      triage: m.triage,
      reactionCount: m.reactions,
      evidenceCount: m.evidenceCustomerIds.length,
    });
    const storied = (ids: string[]) => [...ids].sort();
    expect(storied(all.filter((i) => i.hasStory).map((i) => i.id))).toEqual(
      storied(world.insights.filter((x) => x.hasStory).map((x) => x.id)),
    );
  });
});
