import { beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../people/person';
import { buildInsight, createWorld, type World } from '../../testing';
import { FEED_PAGE_SIZE, type FeedCursor, MAX_FEED_PAGE_SIZE } from '../feed';
import type { Insight } from '../insight';
import { listFeed } from './list-feed';

let w: World;
beforeEach(() => {
  w = createWorld();
});

const minutesAfterNine = (m: number) => new Date(Date.UTC(2026, 0, 15, 9, m));

const ids = async (actor: Person) => (await listFeed(w.deps, { actor, limit: 100 })).items.map((i) => i.id);

describe('listFeed, a restricted insight', () => {
  let teamOnly: Insight;
  let namedOnly: Insight;
  beforeEach(() => {
    teamOnly = buildInsight({
      reporterId: w.people.frontline.id,
      visibility: { scope: 'team', teamId: w.teams.support.id },
    });
    namedOnly = buildInsight({
      reporterId: w.people.frontline.id,
      visibility: { scope: 'people', personIds: [w.people.outsider.id] },
    });
    w.seed({ insights: [teamOnly, namedOnly] });
  });

  it('never appears for someone outside its audience', async () => {
    expect(await ids(w.people.teamless)).toEqual([]);
    expect(await ids(w.people.owner)).toEqual([]);
  });

  it('appears for members of its team', async () => {
    expect(await ids(w.people.colleague)).toEqual([teamOnly.id]);
  });

  it('appears for a person it names', async () => {
    expect(await ids(w.people.outsider)).toEqual([namedOnly.id]);
  });

  it('appears for its reporter', async () => {
    expect((await ids(w.people.frontline)).sort()).toEqual([teamOnly.id, namedOnly.id].sort());
  });

  it('appears for admins', async () => {
    expect((await ids(w.people.admin)).sort()).toEqual([teamOnly.id, namedOnly.id].sort());
  });

  it('does not appear for a curator outside its audience', async () => {
    expect(await ids(w.people.curator)).toEqual([]);
  });
});

describe('listFeed, paging', () => {
  let readable: Insight[];
  beforeEach(() => {
    // Seven readable insights, three of them at the same instant so the id breaks the tie, and restricted ones in between.
    readable = [0, 1, 1, 1, 2, 3, 4].map((m) =>
      buildInsight({ reporterId: w.people.colleague.id, createdAt: minutesAfterNine(m) }),
    );
    const hidden = [1, 3].map((m) =>
      buildInsight({
        reporterId: w.people.colleague.id,
        createdAt: minutesAfterNine(m),
        visibility: { scope: 'people', personIds: [w.people.admin.id] },
      }),
    );
    w.seed({ insights: [...readable, ...hidden] });
  });

  it('lists the newest first, ties broken by id, newest id first', async () => {
    const page = await listFeed(w.deps, { actor: w.people.outsider });
    const expected = [...readable].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(page.items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    expect(page.next).toBeNull();
  });

  it('returns every readable insight exactly once, page after page', async () => {
    const seen: string[] = [];
    let after: FeedCursor | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listFeed(w.deps, { actor: w.people.outsider, limit: 2, after });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      after = page.next;
      if (!after) break;
    }
    expect(after).toBeNull();
    expect(seen).toHaveLength(readable.length);
    expect(new Set(seen)).toEqual(new Set(readable.map((i) => i.id)));
  });

  it('gives no next cursor when the last page is exactly full', async () => {
    const page = await listFeed(w.deps, { actor: w.people.outsider, limit: readable.length });
    expect(page.items).toHaveLength(readable.length);
    expect(page.next).toBeNull();
  });
});

describe('listFeed, page size', () => {
  beforeEach(() => {
    w.seed({
      insights: Array.from({ length: MAX_FEED_PAGE_SIZE + 5 }, (_, i) =>
        buildInsight({ reporterId: w.people.frontline.id, createdAt: minutesAfterNine(i % 60) }),
      ),
    });
  });

  const size = async (limit?: number) =>
    (await listFeed(w.deps, { actor: w.people.outsider, limit })).items.length;

  it('defaults to 20 items', async () => {
    expect(await size()).toBe(FEED_PAGE_SIZE);
  });

  it('gives at least one item when asked for none or fewer', async () => {
    expect(await size(0)).toBe(1);
    expect(await size(-5)).toBe(1);
  });

  it('gives at most 100 items', async () => {
    expect(await size(1000)).toBe(MAX_FEED_PAGE_SIZE);
  });

  it('drops the fraction of a limit', async () => {
    expect(await size(3.7)).toBe(3);
  });

  it('falls back to the default page size for a limit that is not a number', async () => {
    expect(await size(Number.NaN)).toBe(FEED_PAGE_SIZE);
  });
});

describe('listFeed, filters and names', () => {
  it('shows names instead of ids and applies the filters inside the query', async () => {
    const linked = buildInsight({
      reporterId: w.people.frontline.id,
      customerIds: [w.acme.id],
      tags: ['sso'],
      goals: [
        {
          goalId: w.goal.id,
          rationale: null,
          linkedBy: w.people.frontline.id,
          linkedAt: minutesAfterNine(0),
        },
      ],
    });
    const other = buildInsight({ reporterId: w.people.outsider.id, kind: 'praise' });
    w.seed({ insights: [linked, other] });
    const feed = (filters: object) =>
      listFeed(w.deps, { actor: w.people.colleague, filters }).then((p) => p.items.map((i) => i.id));

    const [item] = (await listFeed(w.deps, { actor: w.people.colleague, filters: { goalId: w.goal.id } }))
      .items;
    expect(item).toMatchObject({
      id: linked.id,
      reporter: { id: w.people.frontline.id, name: 'Fran Frontline', teamName: 'Support' },
      customers: [{ id: w.acme.id, name: 'Acme', segment: w.acme.segment }],
      goals: [{ id: w.goal.id, title: w.goal.title }],
      hasStory: false,
    });
    expect(await feed({ tag: 'sso' })).toEqual([linked.id]);
    expect(await feed({ customerId: w.acme.id })).toEqual([linked.id]);
    expect(await feed({ teamId: w.teams.sales.id })).toEqual([other.id]);
    expect(await feed({ kind: 'praise' })).toEqual([other.id]);
    expect(await feed({ triage: 'archived' })).toEqual([]);
  });
});
