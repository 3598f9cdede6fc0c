import { buildDigest, createSubscriptionRepository, unsubscribeToken } from '@heard/db';
import { beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, useWebHub } from '../support/web-hub';
import { WEEK } from './fixtures';

const hub = useWebHub({ insights: 40 });
let priya: string;
let sam: string;
let admin: string;
let goalId: string;
const ids: Record<string, string> = {};

const subscriptionsOf = async (email: string) =>
  hub.db.sql`select s.* from subscriptions s join people p on p.id = s.person_id
             where p.email = ${email} and s.ended_at is null order by s.created_at`;

beforeAll(async () => {
  priya = await hub.signIn('priya.raman@example.com');
  sam = await hub.signIn('sam.carter@example.com');
  const [adminRow] = await hub.db.sql`select email from people where 'admin' = any(roles) limit 1`;
  admin = await hub.signIn(adminRow!.email as string);
  const [goal] = await hub.db.sql`select id from goals where title = 'Halve billing complaints by Q3'`;
  goalId = goal!.id as string;
  for (const email of ['priya.raman@example.com', 'sam.carter@example.com']) {
    const [p] = await hub.db.sql`select id from people where email = ${email}`;
    ids[email] = p!.id as string;
  }
});

describe('subscribing on the web', () => {
  it('offers Subscribe on a goal page, opening the form with that goal chosen', async () => {
    const html = await (await hub.get(`/goals/${goalId}`, priya)).text();
    expect(html).toContain(`href="/subscriptions?goal=${goalId}#subscribe"`);
    const form = await (await hub.get(`/subscriptions?goal=${goalId}`, priya)).text();
    expect(form).toMatch(new RegExp(`<option value="${goalId}" selected=""`));
  });

  it('offers Subscribe on a feed filtered by tag or team', async () => {
    expect(await (await hub.get('/?tag=billing', sam)).text()).toContain(
      'href="/subscriptions?tag=billing#subscribe"',
    );
    const [team] = await hub.db.sql`select id from teams order by name limit 1`;
    expect(await (await hub.get(`/?team=${team!.id}`, sam)).text()).toContain(
      `href="/subscriptions?team=${team!.id}#subscribe"`,
    );
  });

  it('subscribes to a goal weekly on Monday at 08:30 Berlin time, by email, once however often it is asked', async () => {
    const form = {
      intent: 'subscribe',
      scopeKind: 'goal',
      goalId,
      cadence: 'weekly',
      weekday: '1',
      localTime: '08:30',
      timeZone: 'Europe/Berlin',
      channel: 'email',
    };
    const first = await hub.post('/subscriptions', form, priya);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('Subscribed to Goal: Halve billing complaints by Q3.');
    const again = await hub.post('/subscriptions', form, priya);
    expect(await again.text()).toContain('You already follow Goal: Halve billing complaints by Q3 this way.');
    const rows = await subscriptionsOf('priya.raman@example.com');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      scope: { kind: 'goal', goalId },
      cadence: { kind: 'weekly', weekday: 1 },
      local_time: '08:30',
      time_zone: 'Europe/Berlin',
      channel: 'email',
    });
    const settings = await (await hub.get('/settings', priya)).text();
    expect(settings).toContain('Goal: Halve billing complaints by Q3');
    expect(settings).toContain('Every Monday at 08:30 (Europe/Berlin)');
  });

  it('refuses an unknown time zone or an impossible time with a message saying what to fix, storing nothing', async () => {
    const response = await hub.post(
      '/subscriptions',
      {
        intent: 'subscribe',
        scopeKind: 'tag',
        tag: 'billing',
        cadence: 'daily',
        localTime: '24:30',
        timeZone: 'Mars/Olympus',
        channel: 'web',
      },
      sam,
    );
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('Give the time as HH:MM, for example 08:30.');
    expect(html).toContain('is not a time zone we know');
    expect(await subscriptionsOf('sam.carter@example.com')).toHaveLength(0);
  });

  it('unsubscribes from Settings; someone else cannot end your subscription', async () => {
    const [row] = await subscriptionsOf('priya.raman@example.com');
    const stranger = await hub.post(
      '/subscriptions',
      { intent: 'unsubscribe', subscriptionId: row!.id },
      sam,
    );
    expect(stranger.status).toBe(404);
    expect(await subscriptionsOf('priya.raman@example.com')).toHaveLength(1);
    const own = await hub.post('/subscriptions', { intent: 'unsubscribe', subscriptionId: row!.id }, priya);
    expect(own.status).toBe(200);
    expect(await subscriptionsOf('priya.raman@example.com')).toHaveLength(0);
  });
});

describe('the archive and the web version', () => {
  let digestId: string;
  beforeAll(async () => {
    const subscription = await createSubscriptionRepository(hub.db.sql).create(
      ids['sam.carter@example.com']!,
      {
        scope: { kind: 'tag', tag: 'billing' },
        cadence: { kind: 'weekly', weekday: 1 },
        localTime: '09:00',
        timeZone: 'Europe/Berlin',
        channel: 'slack',
      },
      WEEK.subscribedAt,
    );
    const [reporter] = await hub.db.sql`select id from people where email = 'sam.carter@example.com'`;
    await hub.db
      .sql`insert into insights (title, body, kind, sentiment, source_kind, reporter_id, tags, created_at)
      values ('Refund form loses the IBAN', 'The refund form drops the IBAN field on submit.', 'pain', 'negative', 'web',
              ${reporter!.id}, '{billing}', ${WEEK.inside})`;
    const outcome = await buildDigest(hub.db.sql, {
      subscriptionId: subscription.id,
      periodEnd: WEEK.due.toISOString(),
    });
    if (outcome.outcome !== 'built') throw new Error(outcome.outcome);
    digestId = outcome.digestId;
    await hub.db
      .sql`update digests set status = 'undeliverable', last_error = 'Slack is not configured.' where id = ${digestId}`;
  });

  it('lists past digests and shows each one on the web, even one that could not be delivered', async () => {
    const archive = await (await hub.get('/digests', sam)).text();
    expect(archive).toContain(`href="/digests/${digestId}"`);
    expect(archive).toContain('Tag: #billing');
    const page = await (await hub.get(`/digests/${digestId}`, sam)).text();
    expect(page).toContain('Refund form loses the IBAN');
    expect(page).toContain('could not be delivered by slack');
    expect(page).toContain('Unsubscribe from this digest');
  });

  it('leaves out of the web version an insight its reader may no longer read', async () => {
    const [priyaRow] = await hub.db.sql`select id from people where email = 'priya.raman@example.com'`;
    await hub.db
      .sql`update insights set visibility_scope = 'people', visibility_person_ids = ${[priyaRow!.id]}::uuid[],
                     reporter_id = ${priyaRow!.id} where title = 'Refund form loses the IBAN'`;
    const page = await (await hub.get(`/digests/${digestId}`, sam)).text();
    expect(page).not.toContain('Refund form loses the IBAN');
    await hub.db.sql`update insights set visibility_scope = 'everyone', visibility_person_ids = '{}'
                     where title = 'Refund form loses the IBAN'`;
    expect(await (await hub.get(`/digests/${digestId}`, sam)).text()).toContain('Refund form loses the IBAN');
  });

  it('shows a digest to its reader only', async () => {
    expect((await hub.get(`/digests/${digestId}`, priya)).status).toBe(404);
    expect(await (await hub.get('/digests', priya)).text()).not.toContain(digestId);
  });

  it('lists undeliverable digests for admins, without their content', async () => {
    const html = await (await hub.get('/digests', admin)).text();
    expect(html).toContain('Digests that could not be delivered');
    expect(html).toContain('Slack is not configured.');
    expect(html).not.toContain('Refund form loses the IBAN');
    expect(await (await hub.get('/digests', sam)).text()).not.toContain(
      'Digests that could not be delivered',
    );
  });
});

describe('signed unsubscribe links', () => {
  async function freshSubscription() {
    return createSubscriptionRepository(hub.db.sql).create(
      ids['sam.carter@example.com']!,
      {
        scope: { kind: 'stories' },
        cadence: { kind: 'daily' },
        localTime: '07:00',
        timeZone: 'America/New_York',
        channel: 'email',
      },
      new Date(),
    );
  }
  const active = async (id: string) =>
    (await hub.db.sql`select 1 from subscriptions where id = ${id} and ended_at is null`).length === 1;

  it('opening the link changes nothing (mail scanners open links); the button unsubscribes, signed out', async () => {
    const subscription = await freshSubscription();
    const token = await unsubscribeToken(hub.db.sql, subscription.id);
    const page = await hub.get(`/unsubscribe/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Stop the digest <strong>All published stories</strong>');
    expect(await active(subscription.id)).toBe(true);

    const confirmed = await hub.post(`/unsubscribe/${token}`, { confirm: '1' });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`/unsubscribe/${token}?done`);
    expect(await active(subscription.id)).toBe(false);
    expect(await (await hub.get(`/unsubscribe/${token}?done`)).text()).toContain('Done: you');
  });

  it('honours a mail client’s one-click POST (RFC 8058), which carries no Origin', async () => {
    const subscription = await freshSubscription();
    const token = await unsubscribeToken(hub.db.sql, subscription.id);
    const response = await hub.app.request(`${ORIGIN}/unsubscribe/${token}`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
    expect(await active(subscription.id)).toBe(false);
  });

  it('refuses a forged or altered link and ends nothing', async () => {
    const subscription = await freshSubscription();
    const token = await unsubscribeToken(hub.db.sql, subscription.id);
    const [id, signature] = token.split('.');
    const altered = `${id}.${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await hub.get(`/unsubscribe/${altered}`)).status).toBe(404);
    expect((await hub.post(`/unsubscribe/${altered}`, { confirm: '1' })).status).toBe(404);
    const other = await freshSubscription();
    expect((await hub.post(`/unsubscribe/${other.id}.${signature}`, {})).status).toBe(404);
    expect(await active(subscription.id)).toBe(true);
    expect(await active(other.id)).toBe(true);
  });
});
