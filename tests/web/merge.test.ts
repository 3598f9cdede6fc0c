import { buildInsight } from '@heard/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub({ worker: true });
let lea: string;
let chloe: string;
let ids: { lea: string; sam: string; chloe: string };

const hitsIn = (html: string) => [...html.matchAll(/class="hit-title"[^>]*>([^<]+)</g)].map((m) => m[1]);

async function snapshot(insightIds: string[]) {
  const sql = hub.db.sql;
  return {
    insights: await sql`select id, evidence_count, reaction_count, merged_into from insights
                        where id = any(${insightIds}::uuid[]) order by id`,
    evidence:
      await sql`select id, insight_id from evidence where insight_id = any(${insightIds}::uuid[]) order by id`,
    reactions: await sql`select insight_id, person_id, emoji from reactions
                         where insight_id = any(${insightIds}::uuid[]) order by 1, 2, 3`,
    comments:
      await sql`select id, insight_id from insight_comments where insight_id = any(${insightIds}::uuid[]) order by id`,
  };
}

beforeAll(async () => {
  lea = await hub.signIn('lea.moreau@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
  const people = await hub.db.sql`select id, email from people
    where email in ('lea.moreau@example.com', 'sam.carter@example.com', 'chloe.dubois@example.com')`;
  const idOf = (email: string) => people.find((p) => p.email === email)!.id as string;
  ids = {
    lea: idOf('lea.moreau@example.com'),
    sam: idOf('sam.carter@example.com'),
    chloe: idOf('chloe.dubois@example.com'),
  };
});

describe('merging duplicates in the curation queue', () => {
  it('asks which insight stays, then moves evidence, reactions once per person and comments, and redirects the duplicate', async () => {
    const keep = await buildInsight(hub.db.sql, {
      reporterId: ids.sam,
      title: 'Kangaroo invoices arrive twice',
      body: 'Kangaroo Ltd gets every invoice twice.',
    });
    const dup = await buildInsight(hub.db.sql, {
      reporterId: ids.chloe,
      title: 'Duplicate kangaroo invoice mails',
      body: 'Kangaroo say they receive two invoice mails.',
    });
    await hub.post(`/insights/${keep.id}`, { intent: 'me-too' }, chloe);
    await hub.post(`/insights/${dup.id}`, { intent: 'me-too' }, chloe);
    await hub.post(`/insights/${dup.id}`, { intent: 'me-too' }, lea);
    await hub.post(`/insights/${dup.id}`, { intent: 'comment', body: 'Seen at Wallaby too' }, lea);
    await expect
      .poll(async () => hitsIn(await (await hub.get('/search?q=kangaroo', chloe)).text()).sort(), {
        timeout: 20_000,
      })
      .toEqual(['Duplicate kangaroo invoice mails', 'Kangaroo invoices arrive twice']);
    const before = await snapshot([keep.id, dup.id]);

    const ask = await hub.post('/curation', { intent: 'merge', insightIds: [dup.id, keep.id] }, lea);
    expect(ask.status).toBe(422);
    const chooser = await ask.text();
    expect(chooser).toContain('Merge 2 insights: which one stays?');
    expect(chooser).toContain(`name="survivorId" value="${keep.id}"`);

    const done = await hub.post(
      '/curation',
      { intent: 'merge', insightIds: [dup.id, keep.id], survivorId: keep.id },
      lea,
    );
    expect(done.status).toBe(200);
    const notice = await done.text();
    expect(notice).toMatch(/1 insight.{0,20} merged into “/);
    const [merge] = await hub.db
      .sql`select id from insight_merges where duplicate_id = ${dup.id} and undone_at is null`;
    expect(notice).toContain(`name="mergeIds" value="${merge!.id}"`);

    const after = await snapshot([keep.id, dup.id]);
    expect(after.insights.find((i) => i.id === keep.id)).toMatchObject({
      reaction_count: 2,
      merged_into: null,
    });
    expect(after.insights.find((i) => i.id === dup.id)).toMatchObject({
      reaction_count: 0,
      merged_into: keep.id,
    });
    expect(after.reactions.map((r) => [r.insight_id, r.person_id]).sort()).toEqual(
      [
        [keep.id, ids.chloe],
        [keep.id, ids.lea],
      ].sort(),
    );
    expect(after.comments.map((c) => c.insight_id)).toEqual([keep.id]);

    const redirect = await hub.get(`/insights/${dup.id}`, chloe);
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe(`/insights/${keep.id}?merged=${dup.id}`);
    const page = await (await hub.get(`/insights/${keep.id}?merged=${dup.id}`, chloe)).text();
    expect(page).toContain('“Duplicate kangaroo invoice mails” was merged into this insight');
    expect(page).toContain('Seen at Wallaby too');
    expect(page).not.toContain('Undo merge'); // Chloé is not a curator
    expect(await (await hub.get(`/insights/${keep.id}`, lea)).text()).toContain('Undo merge');
    expect(await (await hub.get('/', chloe)).text()).not.toContain('Duplicate kangaroo invoice mails');
    await expect
      .poll(async () => hitsIn(await (await hub.get('/search?q=kangaroo', chloe)).text()), {
        timeout: 20_000,
      })
      .toEqual(['Kangaroo invoices arrive twice']);

    // Undo from the notice: everything exactly as before, and the duplicate is found again.
    const undo = await hub.post('/curation', { intent: 'undo-merge', mergeIds: [merge!.id] }, lea);
    expect(await undo.text()).toContain('Merge undone');
    expect(await snapshot([keep.id, dup.id])).toEqual(before);
    expect((await hub.get(`/insights/${dup.id}`, chloe)).status).toBe(200);
    await expect
      .poll(async () => hitsIn(await (await hub.get('/search?q=kangaroo', chloe)).text()).sort(), {
        timeout: 20_000,
      })
      .toEqual(['Duplicate kangaroo invoice mails', 'Kangaroo invoices arrive twice']);
    const history = await (await hub.get(`/insights/${dup.id}`, chloe)).text();
    expect(history).toContain('merged it into another insight');
    expect(history).toContain('undid a merge');
  });

  it('undoes a merge from the insight page too, and says so on the duplicate', async () => {
    const keep = await buildInsight(hub.db.sql, { reporterId: ids.sam });
    const dup = await buildInsight(hub.db.sql, { reporterId: ids.sam });
    await hub.post('/curation', { intent: 'merge', insightIds: [dup.id, keep.id], survivorId: keep.id }, lea);
    const [merge] = await hub.db.sql`select id from insight_merges where duplicate_id = ${dup.id}`;
    const notCurator = await hub.post(
      `/insights/${keep.id}`,
      { intent: 'undo-merge', mergeId: merge!.id },
      chloe,
    );
    expect(notCurator.status).toBe(403);
    const undone = await hub.post(`/insights/${keep.id}`, { intent: 'undo-merge', mergeId: merge!.id }, lea);
    expect(undone.status).toBe(302);
    expect(undone.headers.get('location')).toBe(`/insights/${dup.id}?restored=1`);
    const again = await hub.post(`/insights/${keep.id}`, { intent: 'undo-merge', mergeId: merge!.id }, lea);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('That merge was already undone.');
  });

  it('asks for two ticked insights, refuses non-curators, and never widens a restricted insight’s audience', async () => {
    const one = await buildInsight(hub.db.sql, { reporterId: ids.sam });
    const tooFew = await hub.post('/curation', { intent: 'merge', insightIds: [one.id] }, lea);
    expect(tooFew.status).toBe(422);
    expect(await tooFew.text()).toContain('Tick at least two insights');
    const forbidden = await hub.post(
      '/curation',
      { intent: 'merge', insightIds: [one.id, one.id], survivorId: one.id },
      chloe,
    );
    expect(forbidden.status).toBe(403);
    const secret = await buildInsight(hub.db.sql, {
      reporterId: ids.lea,
      visibility: { scope: 'people', personIds: [ids.sam] },
    });
    const widened = await hub.post(
      '/curation',
      { intent: 'merge', insightIds: [secret.id, one.id], survivorId: one.id },
      lea,
    );
    expect(widened.status).toBe(422);
    expect(await widened.text()).toContain('Keep the more restricted one instead.');
    expect(await hub.db.sql`select 1 from insight_merges where duplicate_id = ${secret.id}`).toHaveLength(0);
  });
});
