import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub({ insights: 120 });
let sam: string;

const idsIn = (html: string) =>
  [...html.matchAll(/class="card-title"><a href="\/insights\/([0-9a-f-]{36})"/g)].map((m) => m[1]!);
const nextHref = (html: string) =>
  html
    .match(/<a[^>]*rel="next"[^>]*>/)?.[0]
    .match(/href="([^"]+)"/)?.[1]
    ?.replace(/&amp;/g, '&') ?? null;

async function walk(path: string): Promise<string[]> {
  const ids: string[] = [];
  for (let next: string | null = path; next; ) {
    const html = await (await hub.get(next, sam)).text();
    ids.push(...idsIn(html));
    next = nextHref(html);
  }
  return ids;
}

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
});

describe('ranking and narrowing the feed', () => {
  it.each([
    ['evidence', 'evidence_count'],
    ['reactions', 'reaction_count'],
    ['customer_value', 'customer_value'],
  ])('ranks by %s across pages, every readable insight once', async (sort, column) => {
    const ids = await walk(`/?sort=${sort}`);
    expect(new Set(ids).size).toBe(ids.length);
    const rows = await hub.db
      .sql`select id::text, ${hub.db.sql(column)}::float8 as v from insights where id = any(${ids}::uuid[])`;
    const value = new Map(rows.map((r) => [r.id as string, Number(r.v)]));
    const values = ids.map((id) => value.get(id)!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(ids).toHaveLength((await walk('/')).length);
  });

  it('keeps only insights about customers of a segment', async () => {
    const ids = await walk('/?segment=Enterprise');
    expect(ids.length).toBeGreaterThan(0);
    const outside = await hub.db.sql`
      select i.id from insights i where i.id = any(${ids}::uuid[]) and not exists (
        select 1 from insight_customers ic join customers c on c.id = ic.customer_id
        where ic.insight_id = i.id and c.segment = 'Enterprise')`;
    expect(outside).toEqual([]);
  });

  it('keeps only insights shared within the dates, both days included', async () => {
    const [row] = await hub.db
      .sql`select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day from insights order by created_at desc limit 1 offset 30`;
    const day = row!.day as string;
    const ids = await walk(`/?from=${day}&to=${day}`);
    const [{ n } = { n: -1 }] = await hub.db.sql`
      select count(*)::int as n from insights i join people p on p.email = 'sam.carter@example.com'
      where (i.created_at at time zone 'UTC')::date = ${day}::date
        and (i.visibility_scope = 'everyone' or i.reporter_id = p.id
             or (i.visibility_scope = 'team' and i.visibility_team_id = p.team_id)
             or (i.visibility_scope = 'people' and p.id = any(i.visibility_person_ids)))`;
    expect(ids).toHaveLength(n);
    expect(n).toBeGreaterThan(0);
  });
});
