import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let sam: string;
let chloe: string;

const valid = {
  body: 'Acme was charged twice after upgrading mid-month.',
  kind: 'pain',
  sentiment: 'negative',
  visibility: 'everyone',
};

async function counts() {
  const [row] = await hub.db.sql`
    select (select count(*) from insights)::int as insights, (select count(*) from audit_events where action = 'insight.posted')::int as audits,
           (select count(*) from graphile_worker.jobs)::int as jobs`;
  return row;
}

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
});

describe('posting an insight from the web', () => {
  it('puts a new insight at the top of the feed', async () => {
    const response = await hub.post(
      '/post',
      { ...valid, body: 'Northwind asked for **SEPA** direct debit.', tags: 'billing, Payments' },
      sam,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toMatch(/^\/\?posted=/);
    const html = await (await hub.get('/', sam)).text();
    const first = html.indexOf('<article');
    expect(html.indexOf('Northwind asked for SEPA direct debit.', first)).toBeGreaterThan(first);
    expect(html.indexOf('Northwind asked for', first)).toBeLessThan(html.indexOf('<article', first + 10));
    expect(html).toContain('<strong>SEPA</strong>');
    expect(html).toMatch(/#(<!-- -->)?payments/);
  });

  it.each([
    ['an empty text', { body: '   ' }, 'The text is empty: write something.'],
    [
      'a text over 20,000 characters',
      { body: 'a'.repeat(20_001) },
      'The text is 20,001 characters; the limit is 20,000.',
    ],
    [
      'an unknown goal',
      { goalIds: '00000000-0000-4000-8000-000000000000' },
      'No goal has the id 00000000-0000-4000-8000-000000000000',
    ],
    [
      'a visibility naming nobody',
      { visibility: 'people' },
      'Name at least one person who may see this insight',
    ],
    ['an unknown kind', { kind: 'rumour' }, 'Choose what kind of insight this is.'],
  ])('refuses %s with a message next to the field and stores nothing', async (_label, change, message) => {
    const before = await counts();
    const response = await hub.post('/post', { ...valid, ...change }, sam);
    expect([400, 422]).toContain(response.status);
    const html = await response.text();
    expect(html).toContain(message);
    expect(html).toMatch(/class="field-error"/);
    expect(await counts()).toEqual(before);
  });

  it('keeps what was typed when the form comes back with an error', async () => {
    const response = await hub.post('/post', { ...valid, visibility: 'people', tags: 'keep-me' }, sam);
    expect(await response.text()).toContain('value="keep-me"');
  });

  it('shows a team-only insight to the team and hides it from everyone else, even by its address', async () => {
    await hub.post(
      '/post',
      { ...valid, body: 'Support-only: the refund macro is wrong.', visibility: 'team' },
      sam,
    );
    const [row] = await hub.db
      .sql`select id from insights where body = 'Support-only: the refund macro is wrong.'`;
    expect(await (await hub.get('/', sam)).text()).toContain('Support-only: the refund macro is wrong.');
    expect(await (await hub.get('/', chloe)).text()).not.toContain('Support-only');
    const direct = await hub.get(`/insights/${row!.id}`, chloe);
    expect(direct.status).toBe(404);
    expect(await direct.text()).not.toContain('refund macro');
  });

  it('counts a "me too" once per person', async () => {
    const [row] = await hub.db
      .sql`select id from insights where visibility_scope = 'everyone' order by created_at desc limit 1`;
    await hub.post(`/insights/${row!.id}`, {}, chloe);
    await hub.post(`/insights/${row!.id}`, {}, chloe);
    const [after] = await hub.db.sql`select reaction_count from insights where id = ${row!.id}`;
    const [mine] = await hub.db
      .sql`select count(*)::int as n from reactions where insight_id = ${row!.id} and person_id = (select id from people where email = 'chloe.dubois@example.com')`;
    expect(mine!.n).toBe(1);
    expect(after!.reaction_count).toBeGreaterThanOrEqual(1);
  });

  it('pages through the feed with a cursor, newest first, without repeats', async () => {
    const seen: string[] = [];
    let path: string | null = '/';
    while (path) {
      const html: string = await (await hub.get(path, sam)).text();
      seen.push(...[...html.matchAll(/href="\/insights\/([0-9a-f-]{36})"/g)].map((m) => m[1]!));
      const next: RegExpMatchArray | null =
        html.match(/<a[^>]*rel="next"[^>]*>/)?.[0].match(/href="([^"]+)"/) ?? null;
      path = next ? next[1]!.replace(/&amp;/g, '&') : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    const [{ n } = { n: 0 }] = await hub.db.sql`
      select count(*)::int as n from insights i join people p on p.email = 'sam.carter@example.com'
      where i.visibility_scope = 'everyone' or i.reporter_id = p.id or (i.visibility_scope = 'team' and i.visibility_team_id = p.team_id)
         or (i.visibility_scope = 'people' and p.id = any(i.visibility_person_ids))`;
    expect(seen.length).toBe(n);
  });
});
