import { buildInsight } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub({ worker: true });
let sam: string;
let chloe: string;
let samId: string;

/** An insight Sam shared with everyone, and one only his team (Support) may read. */
async function samsInsights() {
  const [open] = await hub.db.sql`select i.id from insights i join people p on p.id = i.reporter_id
    where p.email = 'sam.carter@example.com' and i.visibility_scope = 'everyone' order by i.created_at desc limit 1`;
  return { open: open!.id as string };
}

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
  const [row] = await hub.db.sql`select id from people where email = 'sam.carter@example.com'`;
  samId = row!.id;
});

describe('comments on an insight', () => {
  it('shows a comment under the insight, rendered and sanitised, and tells the reporter in their inbox', async () => {
    const { open } = await samsInsights();
    const response = await hub.post(
      `/insights/${open}`,
      { intent: 'comment', body: 'Globex said **the same** <script>alert(1)</script>' },
      chloe,
    );
    expect(response.status).toBe(200);
    const html = await (await hub.get(`/insights/${open}`, sam)).text();
    expect(html).toContain('Comments <span class="muted">· <!-- -->1');
    expect(html).toContain('Globex said <strong>the same</strong>');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('Chloé Dubois');
    await expect
      .poll(
        async () =>
          (await (await hub.get('/notifications', sam)).text()).includes(
            'Chloé Dubois commented on your insight',
          ),
        {
          timeout: 20_000,
        },
      )
      .toBe(true);
    const [note] = await hub.db
      .sql`select link from notifications where person_id = ${samId} and kind = 'insight.commented'`;
    expect(note!.link).toMatch(new RegExp(`^/insights/${open}#comment-`));
  });

  it('does not notify the reporter of their own comment', async () => {
    const { open } = await samsInsights();
    await hub.post(`/insights/${open}`, { intent: 'comment', body: 'Adding: it happened again today.' }, sam);
    const [comment] = await hub.db.sql`select id from insight_comments where author_id = ${samId}`;
    // The job ran when the outbox drained; the inbox never gains a notice for it.
    await expect
      .poll(async () => (await hub.db.sql`select count(*)::int as n from graphile_worker.jobs`)[0]!.n, {
        timeout: 20_000,
      })
      .toBe(0);
    const notes = await hub.db
      .sql`select 1 from notifications where dedupe_key = ${`commented:${comment!.id}`}`;
    expect(notes).toHaveLength(0);
  });

  it('refuses an empty comment next to the box, keeping what was typed when it is too long', async () => {
    const { open } = await samsInsights();
    const empty = await hub.post(`/insights/${open}`, { intent: 'comment', body: '   ' }, chloe);
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('The comment is empty: write something.');
    const long = `Too long ${'x'.repeat(5000)}`;
    const tooLong = await hub.post(`/insights/${open}`, { intent: 'comment', body: long }, chloe);
    expect(tooLong.status).toBe(422);
    const html = await tooLong.text();
    expect(html).toContain('the limit is 5,000');
    expect(html).toContain(long);
    expect(html).toContain('aria-invalid="true"');
  });

  it('answers 404 to someone outside the insight’s audience, and stores nothing', async () => {
    const [person] = await hub.db.sql`select team_id from people where id = ${samId}`;
    const { id: team } = await buildInsight(hub.db.sql, {
      reporterId: samId,
      visibility: { scope: 'team', teamId: person!.team_id },
    });
    const before = (await hub.db.sql`select count(*)::int as n from insight_comments`)[0]!.n;
    const response = await hub.post(`/insights/${team}`, { intent: 'comment', body: 'Peeking' }, chloe);
    expect(response.status).toBe(404);
    expect((await hub.db.sql`select count(*)::int as n from insight_comments`)[0]!.n).toBe(before);
    const page = await hub.post(`/insights/${team}`, { intent: 'comment', body: 'Team note' }, sam);
    expect(page.status).toBe(200);
  });
});

describe('history of an insight', () => {
  it('lists who changed what, newest first: triage, goal links, comments, merges', async () => {
    const lea = await hub.signIn('lea.moreau@example.com');
    const { open } = await samsInsights();
    await hub.post('/curation', { intent: 'triage', insightIds: [open] }, lea);
    const html = await (await hub.get(`/insights/${open}`, chloe)).text();
    const history = html.slice(html.indexOf('class="history"'));
    expect(history).toContain('<h2>History</h2>');
    const triaged = history.indexOf('Léa Moreau</strong> <!-- -->set triage to triaged');
    const commented = history.indexOf('Chloé Dubois</strong> <!-- -->commented');
    const posted = history.indexOf('</strong> <!-- -->posted it');
    expect(triaged).toBeGreaterThan(-1);
    expect(commented).toBeGreaterThan(triaged);
    expect(posted === -1 || posted > commented).toBe(true);
  });
});
