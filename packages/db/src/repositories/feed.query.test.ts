import {
  type Customer,
  canReadInsight,
  type FeedFilters,
  type FeedItem,
  type Goal,
  INSIGHT_KINDS,
  type InsightKind,
  type Person,
  readScopeFor,
  SENTIMENTS,
  type Sentiment,
  SOURCE_KINDS,
  type SourceKind,
  type Team,
  TRIAGE_STATES,
  type TriageState,
  type Visibility,
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
interface Model {
  id: string;
  reporterId: string;
  visibility: Visibility;
  at: number;
  micros: number;
  kind: InsightKind;
  sentiment: Sentiment;
  source: SourceKind;
  tags: string[];
  customerIds: string[];
  evidenceCustomerIds: string[];
  goalIds: string[];
  triage: TriageState;
  reactions: number;
  hasStory: boolean;
}

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
  const names = ['Support', 'Sales', 'Billing', 'Nobody here'];
  const teams = await Promise.all(names.map((name) => buildTeam(sql, { name })));
  const [support, sales, billing] = teams as [Team, Team, Team];
  const person = (name: string, teamId: string | null, roles: Person['roles'] = ['frontline']) =>
    buildPerson(sql, { name, teamId, roles });
  const people: World['people'] = {
    sam: await person('Sam Carter', support.id),
    fran: await person('Fran Frontline', support.id),
    chloe: await person('Chloé Dubois', sales.id),
    cora: await person('Cora Curator', sales.id, ['curator']),
    owen: await person('Owen Owner', billing.id, ['owner']),
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
  const insights: Model[] = [];
  for (let n = 0; n < INSIGHTS; n++) {
    const reporter = rnd.pick(everyone);
    const scope = rnd.weighted([
      ['everyone', 4],
      ['team', 3],
      ['people', 3],
    ] as const);
    const visibility: Visibility =
      scope === 'team'
        ? { scope, teamId: rnd.pick(teams).id }
        : scope === 'people'
          ? { scope, personIds: rnd.sample(everyone, rnd.int(1, 3)).map((p) => p.id) }
          : { scope };
    // Minutes only, so many insights share a timestamp and the id has to break the tie.
    const at = BASE - rnd.int(0, 60) * 60_000;
    const goalIds = rnd.chance(0.3) ? [rnd.pick(goals).id] : [];
    const m: Model = {
      id: '',
      reporterId: reporter.id,
      visibility,
      at,
      micros: rnd.chance(0.25) ? rnd.int(1, 999) : 0,
      kind: rnd.pick(INSIGHT_KINDS),
      sentiment: rnd.pick(SENTIMENTS),
      source: rnd.pick(SOURCE_KINDS),
      tags: rnd.sample(TAGS, rnd.int(0, 2)),
      customerIds: rnd.sample(customers, rnd.int(0, 1)).map((c) => c.id),
      evidenceCustomerIds: [],
      goalIds,
      triage: 'new',
      reactions: 0,
      hasStory: false,
    };
    const created = await buildInsight(sql, {
      title: `Insight ${n}`,
      reporterId: m.reporterId,
      visibility,
      kind: m.kind,
      sentiment: m.sentiment,
      source: { kind: m.source, url: null, externalId: null },
      tags: m.tags,
      customerIds: m.customerIds,
      goals: goalIds.map((goalId) => ({
        goalId,
        rationale: null,
        linkedBy: reporter.id,
        linkedAt: new Date(at),
      })),
      createdAt: new Date(at),
    });
    m.id = created.id;
    // Sub-millisecond differences, which a JavaScript Date cannot hold, must not break the cursor.
    if (m.micros > 0)
      await sql`update insights set created_at = created_at + ${m.micros} * interval '1 microsecond' where id = ${m.id}`;
    const more = rnd.pick(goals).id;
    if (rnd.chance(0.2) && !m.goalIds.includes(more)) {
      await repo.linkGoal(m.id, {
        goalId: more,
        rationale: 'curated',
        linkedBy: people.cora.id,
        linkedAt: new Date(),
      });
      m.goalIds.push(more);
    }
    if (rnd.chance(0.15)) {
      const customer = rnd.pick(customers);
      await repo.addEvidence({
        insightId: m.id,
        customerId: customer.id,
        addedBy: people.cora.id,
        note: null,
        createdAt: new Date(),
      });
      m.evidenceCustomerIds.push(customer.id);
    }
    for (const reactor of rnd.sample(
      everyone,
      rnd.weighted([
        [0, 6],
        [1, 2],
        [3, 1],
      ] as const),
    )) {
      await repo.addReaction({
        insightId: m.id,
        personId: reactor.id,
        emoji: 'me-too',
        createdAt: new Date(),
      });
      m.reactions += 1;
    }
    if (rnd.chance(0.05)) {
      const story = {
        headline: 'h',
        summary: 's',
        pullQuote: null,
        heroMedia: null,
        status: 'draft' as const,
      };
      await repo.setStory(m.id, { ...story, curatorId: people.cora.id, publishedAt: null }, new Date());
      m.hasStory = true;
    }
    insights.push(m);
  }
  for (const triage of ['triaged', 'archived'] as const) {
    const chosen = insights.filter(() => rnd.chance(0.3)).filter((m) => m.triage === 'new');
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

  const goal = (i: number) => () => world.goals[i]!.id;
  const customer = (i: number) => () => world.customers[i]!.id;
  const reporterTeam = (m: Model) => Object.values(world.people).find((p) => p.id === m.reporterId)?.teamId;
  type Case = [string, () => FeedFilters, (m: Model) => boolean];
  const cases: Case[] = [
    ...[0, 1].map(
      (i): Case => [`goal ${i}`, () => ({ goalId: goal(i)() }), (m) => m.goalIds.includes(goal(i)())],
    ),
    ...TAGS.map((tag): Case => [`tag ${tag}`, () => ({ tag }), (m) => m.tags.includes(tag)]),
    ...[0, 1, 2].map((i): Case => {
      const id = () => world.teams[i]!.id;
      return [`reporter team ${i}`, () => ({ teamId: id() }), (m) => reporterTeam(m) === id()];
    }),
    ...INSIGHT_KINDS.map((kind): Case => [`kind ${kind}`, () => ({ kind }), (m) => m.kind === kind]),
    ...SOURCE_KINDS.map(
      (source): Case => [`source ${source}`, () => ({ source }), (m) => m.source === source],
    ),
    ...SENTIMENTS.map((s): Case => [`sentiment ${s}`, () => ({ sentiment: s }), (m) => m.sentiment === s]),
    ...[0, 1, 2].map(
      (i): Case => [
        `customer ${i}, named or as evidence`,
        () => ({ customerId: customer(i)() }),
        (m) => m.customerIds.includes(customer(i)()) || m.evidenceCustomerIds.includes(customer(i)()),
      ],
    ),
    ...TRIAGE_STATES.map(
      (triage): Case => [`triage ${triage}`, () => ({ triage }), (m) => m.triage === triage],
    ),
    [
      'tag billing and kind pain together',
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

  it('finds nothing, without an error, for a malformed goal, customer or team id', async () => {
    const repo = createInsightRepository(db.sql());
    const scope = readScopeFor(world.people.ada);
    for (const filters of [{ goalId: 'goal-1' }, { customerId: "1' or '1'='1" }, { teamId: 'support' }]) {
      expect(await repo.listFeed({ scope, filters, after: null, limit: 20 })).toEqual({
        items: [],
        next: null,
      });
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(
      (await repo.listFeed({ scope, filters: { goalId: unknown }, after: null, limit: 20 })).items,
    ).toEqual([]);
  });

  it('does not fail on a malformed cursor', async () => {
    const repo = createInsightRepository(db.sql());
    const scope = readScopeFor(world.people.sam);
    for (const after of [
      { createdAt: 'yesterday', id: world.insights[0]!.id },
      { createdAt: new Date(BASE).toISOString(), id: 'x' },
    ]) {
      await expect(repo.listFeed({ scope, filters: {}, after, limit: 5 })).resolves.toBeDefined();
    }
  });

  it('shows each item with its reporter, team, customers, goals, story and counts by name', async () => {
    const m = world.insights.find((x) => x.customerIds.length > 0 && x.goalIds.length > 0)!;
    const [item] = (
      await readWholeFeed(db.sql(), world.people.ada, { customerId: m.customerIds[0]! }, 100)
    ).filter((i) => i.id === m.id);
    const reporter = Object.values(world.people).find((p) => p.id === m.reporterId)!;
    const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
    const goals = world.goals
      .filter((g) => m.goalIds.includes(g.id))
      .map((g) => ({ id: g.id, title: g.title }));
    expect(item).toMatchObject({
      reporter: {
        id: reporter.id,
        name: reporter.name,
        teamName: world.teams.find((t) => t.id === reporter.teamId)?.name ?? null,
      },
      customers: world.customers
        .filter((c) => m.customerIds.includes(c.id))
        .map((c) => ({ id: c.id, name: c.name, segment: c.segment }))
        .sort(byName),
      goals: goals.sort((a, b) => a.title.localeCompare(b.title)),
      tags: m.tags,
      kind: m.kind,
      sentiment: m.sentiment,
      source: { kind: m.source, url: null },
      triage: m.triage,
      hasStory: m.hasStory,
      reactionCount: m.reactions,
      evidenceCount: m.evidenceCustomerIds.length,
    });
    const withStory = world.insights.filter((x) => x.hasStory).map((x) => x.id);
    const all = await readWholeFeed(db.sql(), world.people.ada, {}, 100);
    expect(
      all
        .filter((i) => i.hasStory)
        .map((i) => i.id)
        .sort(),
    ).toEqual(withStory.sort());
  });
});
