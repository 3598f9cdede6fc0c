import { type Person, readScopeFor, type Story, type Team, type Visibility } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../repositories/db';
import { createInsightRepository } from '../repositories/insight.repository';
import { buildCustomer, buildGoal, buildInsight, buildPerson, buildTeam, useTestDatabase } from '../testing';
import { listPublishedCollections, listPublishedStories, type StoryCursor } from './stories.query';

const db = useTestDatabase();
const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T12:00:00Z');

let sales: Team;
let sam: Person;
let sally: Person;
let ada: Person;
let curator: Person;
const ids: Record<'older' | 'newer' | 'salesOnly' | 'draft' | 'forSam', string> = {} as never;

async function story(
  sql: Db,
  key: keyof typeof ids,
  visibility: Visibility,
  daysAgo: number,
  status: Story['status'] = 'published',
  extra: Parameters<typeof buildInsight>[1] = {},
) {
  const insight = await buildInsight(sql, { title: `Insight ${key}`, visibility, ...extra });
  const publishedAt = status === 'published' ? new Date(NOW - daysAgo * DAY) : null;
  await createInsightRepository(sql).setStory(
    insight.id,
    {
      headline: `Story ${key}`,
      summary: `Why ${key} matters`,
      pullQuote: `Quote ${key}`,
      heroMedia:
        key === 'newer' ? { kind: 'image', url: 'https://img.example.com/a.jpg', alt: 'A team' } : null,
      status,
      curatorId: curator.id,
      publishedAt,
    },
    new Date(NOW),
  );
  ids[key] = insight.id;
}

const headlines = (stories: { headline: string }[]) => stories.map((s) => s.headline);

beforeAll(async () => {
  const sql = db.sql();
  sales = await buildTeam(sql, { name: 'Sales' });
  const support = await buildTeam(sql, { name: 'Support' });
  sam = await buildPerson(sql, { name: 'Sam', teamId: support.id });
  sally = await buildPerson(sql, { name: 'Sally', teamId: sales.id });
  ada = await buildPerson(sql, { name: 'Ada', roles: ['admin'] });
  curator = await buildPerson(sql, { name: 'Cora', roles: ['curator'] });
  const acme = await buildCustomer(sql, { name: 'Acme' });
  const goal = await buildGoal(sql, { title: 'Halve billing complaints' });
  const link = { goalId: goal.id, rationale: null, linkedBy: curator.id, linkedAt: new Date(NOW) };
  await story(sql, 'older', { scope: 'everyone' }, 3);
  await story(sql, 'newer', { scope: 'everyone' }, 1, 'published', { customerIds: [acme.id], goals: [link] });
  // Published, then narrowed to a team: it must drop out of everyone else's magazine.
  await story(sql, 'salesOnly', { scope: 'team', teamId: sales.id }, 2);
  await story(sql, 'draft', { scope: 'everyone' }, 0, 'draft');
  await story(sql, 'forSam', { scope: 'people', personIds: [sam.id] }, 4);
});

describe('published stories', () => {
  it('lists what the reader may read, newest published first, never a draft', async () => {
    const sql = db.sql();
    const forSam = await listPublishedStories(sql, readScopeFor(sam));
    expect(headlines(forSam.stories)).toEqual(['Story newer', 'Story older', 'Story forSam']);
    const forSally = await listPublishedStories(sql, readScopeFor(sally));
    expect(headlines(forSally.stories)).toEqual(['Story newer', 'Story salesOnly', 'Story older']);
    const forAda = await listPublishedStories(sql, readScopeFor(ada));
    expect(forAda.stories).toHaveLength(4);
  });

  it('carries the hero, quote, customers and goals', async () => {
    const [newer] = (await listPublishedStories(db.sql(), readScopeFor(sam))).stories;
    expect(newer).toMatchObject({
      insightId: ids.newer,
      pullQuote: 'Quote newer',
      heroMedia: { kind: 'image', url: 'https://img.example.com/a.jpg', alt: 'A team' },
      kind: 'pain',
      curatorName: 'Cora',
      customers: [{ name: 'Acme', segment: 'SMB' }],
      goals: [{ title: 'Halve billing complaints' }],
    });
    expect(newer!.publishedAt).toEqual(new Date(NOW - DAY));
  });

  it('pages by cursor without repeating or losing a story, even when two share a moment', async () => {
    const sql = db.sql();
    await sql`update stories set published_at = (select published_at from stories where insight_id = ${ids.older})
              where insight_id = ${ids.forSam}`;
    const seen: string[] = [];
    let after: StoryCursor | null = null;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listPublishedStories(sql, readScopeFor(ada), { after, limit: 1 });
      seen.push(...headlines(page.stories));
      after = page.next;
      if (!after) break;
    }
    expect(seen.sort()).toEqual(['Story forSam', 'Story newer', 'Story older', 'Story salesOnly']);
  });
});

describe('published collections', () => {
  it('shows each collection’s readable published stories in the curator’s order, leaving empty ones out', async () => {
    const sql = db.sql();
    const [wins] = await sql`insert into collections (title, description, curator_id, published_at)
      values ('Customer wins', 'What we got right', ${curator.id}, ${new Date(NOW)}) returning id`;
    const order = [ids.salesOnly, ids.older, ids.draft, ids.newer];
    for (const [position, insightId] of order.entries())
      await sql`insert into collection_items (collection_id, insight_id, position)
                values (${wins!.id}, ${insightId!}, ${position})`;
    const [secret] = await sql`insert into collections (title, curator_id, published_at)
      values ('Sales secrets', ${curator.id}, ${new Date(NOW)}) returning id`;
    await sql`insert into collection_items values (${secret!.id}, ${ids.salesOnly}, 0)`;
    await sql`insert into collections (title, curator_id) values ('Not yet published', ${curator.id})`;

    const forSam = await listPublishedCollections(sql, readScopeFor(sam));
    expect(forSam.map((c) => c.title)).toEqual(['Customer wins']);
    expect(headlines(forSam[0]!.stories)).toEqual(['Story older', 'Story newer']);
    const forSally = await listPublishedCollections(sql, readScopeFor(sally));
    expect(forSally.map((c) => [c.title, headlines(c.stories)])).toEqual([
      ['Customer wins', ['Story salesOnly', 'Story older', 'Story newer']],
      ['Sales secrets', ['Story salesOnly']],
    ]);
  });
});
