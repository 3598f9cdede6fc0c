import { buildInsight } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
let lea: string;
let sam: string;
let leaTeamId: string;
let salesTeamId: string;

const triageOf = async (ids: string[]) =>
  Object.fromEntries(
    (await hub.db.sql`select id, triage from insights where id = any(${ids}::uuid[])`).map((r) => [
      r.id,
      r.triage,
    ]),
  );

/** Newest new insights that everyone may read: what tops Léa's queue. */
const newestOpenInsights = async (n: number): Promise<string[]> =>
  (
    await hub.db.sql`select id from insights where triage = 'new' and visibility_scope = 'everyone'
                     order by created_at desc, id desc limit ${n}`
  ).map((r) => r.id as string);

beforeAll(async () => {
  lea = await hub.signIn('lea.moreau@example.com');
  sam = await hub.signIn('sam.carter@example.com');
  const [person] = await hub.db.sql`select team_id from people where email = 'lea.moreau@example.com'`;
  const [sales] = await hub.db.sql`select id from teams where slug = 'sales'`;
  leaTeamId = person!.team_id;
  salesTeamId = sales!.id;
});

describe('the curation queue', () => {
  it('shows a curator the new insights, newest first, each with a box to tick and a story link', async () => {
    const response = await hub.get('/curation', lea);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Curation queue');
    const [first, second] = await newestOpenInsights(2);
    expect(html).toContain(`name="insightIds" value="${first}"`);
    expect(html).toContain(`href="/insights/${first}/story"`);
    expect(html.indexOf(first!)).toBeLessThan(html.indexOf(second!));
    const [count] = await hub.db.sql`select count(*)::int as n from insights i
      join people p on p.email = 'lea.moreau@example.com'
      where i.triage = 'new' and (i.visibility_scope = 'everyone' or i.reporter_id = p.id
        or (i.visibility_scope = 'team' and i.visibility_team_id = p.team_id)
        or (i.visibility_scope = 'people' and p.id = any(i.visibility_person_ids)))`;
    expect(html).toContain(`${count!.n} new insights wait for triage`);
  });

  it('answers 403 in the hub layout to someone who is not a curator, and refuses their bulk form', async () => {
    const page = await hub.get('/curation', sam);
    expect(page.status).toBe(403);
    const html = await page.text();
    expect(html).toContain('Only curators can open the curation queue.');
    expect(html).toContain('class="topbar"');
    const [id] = await newestOpenInsights(1);
    const post = await hub.post('/curation', { intent: 'triage', insightIds: [id!] }, sam);
    expect(post.status).toBe(403);
    expect(await triageOf([id!])).toEqual({ [id!]: 'new' });
  });

  it('sends a signed-out visitor to sign in first', async () => {
    const response = await hub.get('/curation');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/sign-in?next=%2Fcuration');
  });

  it('marks the ticked insights triaged in one go, and they leave the queue', async () => {
    const ids = await newestOpenInsights(3);
    const response = await hub.post('/curation', { intent: 'triage', insightIds: ids }, lea);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('3 insights marked triaged');
    expect(Object.values(await triageOf(ids))).toEqual(['triaged', 'triaged', 'triaged']);
    const html = await (await hub.get('/curation', lea)).text();
    for (const id of ids) expect(html).not.toContain(`value="${id}"`);
  });

  it('archives the ticked insights', async () => {
    const ids = await newestOpenInsights(2);
    const response = await hub.post('/curation', { intent: 'archive', insightIds: ids }, lea);
    expect(await response.text()).toContain('2 insights archived');
    expect(Object.values(await triageOf(ids))).toEqual(['archived', 'archived']);
  });

  it('asks for a selection when nothing is ticked', async () => {
    const response = await hub.post('/curation', { intent: 'triage' }, lea);
    expect(response.status).toBe(422);
    expect(await response.text()).toContain('Select at least one insight.');
  });

  it('never lists a restricted insight to a curator outside its audience, nor lets them triage it', async () => {
    const hidden = await buildInsight(hub.db.sql, {
      title: 'Sales-only: Kestrel asks for a discount before renewal',
      visibility: { scope: 'team', teamId: salesTeamId },
    });
    const ownTeam = await buildInsight(hub.db.sql, {
      title: 'Marketing-only: Harbor wants to be a case study',
      visibility: { scope: 'team', teamId: leaTeamId },
    });
    const html = await (await hub.get('/curation', lea)).text();
    expect(html).not.toContain(hidden.id);
    expect(html).not.toContain('Kestrel asks for a discount');
    expect(html).toContain(ownTeam.id);
    const post = await hub.post('/curation', { intent: 'archive', insightIds: [hidden.id] }, lea);
    expect(post.status).toBe(422);
    expect(await post.text()).toContain('not visible to you');
    expect(await triageOf([hidden.id])).toEqual({ [hidden.id]: 'new' });
  });

  it('pages through a long queue without repeating an insight', async () => {
    for (let n = 0; n < 25; n++) await buildInsight(hub.db.sql, { title: `Queued insight ${n}` });
    const first = await (await hub.get('/curation', lea)).text();
    const next = first.match(/href="(\/curation\?after=[^"]+)"/)?.[1];
    const waiting = Number(first.match(/(\d+) new insights? wait/)?.[1]);
    expect(waiting).toBeGreaterThan(25);
    expect(next).toBeDefined();
    const second = await (await hub.get(next!.replace(/&amp;/g, '&'), lea)).text();
    const ids = (page: string) => [...page.matchAll(/name="insightIds" value="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first)).toHaveLength(20);
    expect(ids(second).length).toBeGreaterThan(0);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
  });
});
