import { createApiTokenStore } from '@heard/db';
import { describe, expect, it } from 'vitest';
import type { SlackClient } from '../../apps/bot/src/slack/api/slack-client';
import { resolvePerson } from '../../apps/bot/src/slack/people';
import { apiClient, createApiToken } from '../support/api';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
const ADMIN = 'maya.lindqvist@example.com';

const idOf = async (email: string) =>
  (await hub.db.sql`select id from people where email = ${email}`)[0]!.id as string;
const teamId = async (slug: string) =>
  (await hub.db.sql`select id from teams where slug = ${slug}`)[0]!.id as string;

describe('people and teams, for admins', () => {
  it('refuses every change from someone who is not an admin', async () => {
    const curator = await hub.signIn('lea.moreau@example.com');
    const sam = await idOf('sam.carter@example.com');
    const forms: Record<string, string | string[]>[] = [
      { intent: 'change', personId: sam, roles: ['admin'], teamId: '' },
      { intent: 'deactivate', personId: sam },
      { intent: 'create-team', teamName: 'Shadow team' },
    ];
    for (const form of forms) {
      const response = await hub.post('/admin/people', form, curator);
      expect(response.status).toBe(403);
    }
    const [row] = await hub.db.sql`select roles, deactivated_at from people where id = ${sam}`;
    expect(row).toMatchObject({ roles: ['frontline'], deactivated_at: null });
    expect((await hub.db.sql`select 1 from teams where name = 'Shadow team'`).length).toBe(0);
  });

  it('changes roles and moves a person to another team, audited', async () => {
    const cookie = await hub.signIn(ADMIN);
    const chloe = await idOf('chloe.dubois@example.com');
    const billing = await teamId('billing');
    const response = await hub.post(
      '/admin/people',
      { intent: 'change', personId: chloe, roles: ['frontline', 'curator'], teamId: billing },
      cookie,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Chloé Dubois: saved.');
    const [row] = await hub.db.sql`select roles, team_id from people where id = ${chloe}`;
    expect(row).toMatchObject({ roles: ['frontline', 'curator'], team_id: billing });
    const audit = await hub.db.sql`select action from audit_events where subject_id = ${chloe} order by id`;
    expect(audit.map((a) => a.action)).toEqual(['person.team_changed', 'person.roles_changed']);
    // The curator role takes effect on the next request.
    const chloeCookie = await hub.signIn('chloe.dubois@example.com');
    expect((await hub.get('/curation', chloeCookie)).status).toBe(200);
  });

  it('keeps field errors beside the row: no roles, an unknown team', async () => {
    const cookie = await hub.signIn(ADMIN);
    const sam = await idOf('sam.carter@example.com');
    const none = await hub.post('/admin/people', { intent: 'change', personId: sam, teamId: '' }, cookie);
    expect(none.status).toBe(422);
    expect(await none.text()).toMatch(new RegExp(`id="person-${sam}-error"[^>]*>Choose at least one role`));
    const unknown = await hub.post(
      '/admin/people',
      { intent: 'change', personId: sam, roles: 'frontline', teamId: '00000000-0000-0000-0000-000000000000' },
      cookie,
    );
    expect(unknown.status).toBe(422);
    expect(await unknown.text()).toContain('Choose a team from the list.');
  });

  it('creates teams, refusing a name already taken', async () => {
    const cookie = await hub.signIn(ADMIN);
    const created = await hub.post(
      '/admin/people',
      { intent: 'create-team', teamName: 'Field Operations' },
      cookie,
    );
    expect(created.status).toBe(200);
    expect(await created.text()).toContain('Team Field Operations created.');
    const [team] = await hub.db.sql`select slug from teams where name = 'Field Operations'`;
    expect(team!.slug).toBe('field-operations');
    const again = await hub.post(
      '/admin/people',
      { intent: 'create-team', teamName: 'field operations' },
      cookie,
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('A team with that name already exists.');
    const blank = await hub.post('/admin/people', { intent: 'create-team', teamName: ' ' }, cookie);
    expect(blank.status).toBe(422);
    expect(await blank.text()).toMatch(/id="teamName-error"[^>]*>Give the team a name/);
  });

  it('deactivates a person: no sign-in, sessions ended, API tokens revoked, their insights kept under their name', async () => {
    const admin = await hub.signIn(ADMIN);
    const email = 'ravi.nair@example.com';
    const ravi = await idOf(email);
    const session = await hub.signIn(email);
    const token = await createApiToken(hub, email);
    expect((await apiClient(hub, token).get('/insights?limit=1')).status).toBe(200);
    const [insight] = await hub.db.sql`
      select id from insights where reporter_id = ${ravi} and visibility_scope = 'everyone' limit 1`;

    const response = await hub.post('/admin/people', { intent: 'deactivate', personId: ravi }, admin);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Ravi Nair is deactivated');
    expect(html).toMatch(/Ravi Nair<span class="badge badge-deactivated">/);

    expect((await hub.get('/', session)).status).toBe(302);
    expect((await hub.post('/sign-in', { email, password: 'heard-demo' })).status).toBe(401);
    expect((await apiClient(hub, token).get('/insights?limit=1')).status).toBe(401);
    expect(await createApiTokenStore(hub.db.sql).list(ravi)).toEqual([]);
    expect((await hub.post('/forgot-password', { email })).status).toBeLessThan(500);
    const [links] = await hub.db.sql`select count(*)::int as n from account_links where person_id = ${ravi}`;
    expect(links!.n).toBe(0);

    if (insight) {
      const page = await hub.get(`/insights/${insight.id as string}`, admin);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Ravi Nair');
    }
    const [audit] = await hub.db.sql`
      select details from audit_events where subject_id = ${ravi} and action = 'person.deactivated'`;
    expect(audit!.details).toMatchObject({ apiTokensRevoked: 1 });

    const back = await hub.post('/admin/people', { intent: 'reactivate', personId: ravi }, admin);
    expect(back.status).toBe(200);
    expect(await back.text()).toContain('Ravi Nair can sign in again.');
    await expect(hub.signIn(email)).resolves.toMatch(/^heard_session=/);
    // A revoked token stays revoked.
    expect((await apiClient(hub, token).get('/insights?limit=1')).status).toBe(401);
  });

  it('makes a deactivated person nobody in chat too', async () => {
    const admin = await hub.signIn(ADMIN);
    const email = 'stefan.bakker@example.com';
    const stefan = await idOf(email);
    // Slack answers users.info with the profile email; nothing else is asked of it here.
    const slack = {
      users: { info: async () => ({ ok: true, user: { profile: { email } } }) },
    } as unknown as SlackClient;
    expect((await resolvePerson(hub.db.sql, slack, 'U0STEFAN'))?.id).toBe(stefan);
    await hub.post('/admin/people', { intent: 'deactivate', personId: stefan }, admin);
    expect(await resolvePerson(hub.db.sql, slack, 'U0STEFAN')).toBeNull();
    await hub.db.sql`update people set slack_user_id = null where id = ${stefan}`;
    expect(await resolvePerson(hub.db.sql, slack, 'U0STEFAN')).toBeNull();
    await hub.post('/admin/people', { intent: 'reactivate', personId: stefan }, admin);
    expect((await resolvePerson(hub.db.sql, slack, 'U0STEFAN'))?.id).toBe(stefan);
  });

  it('never leaves Heard without an active admin, and admins cannot deactivate themselves', async () => {
    const cookie = await hub.signIn(ADMIN);
    const maya = await idOf(ADMIN);
    const html = await (await hub.get('/admin/people', cookie)).text();
    expect(html).not.toContain('Deactivate Maya Lindqvist');
    const self = await hub.post('/admin/people', { intent: 'deactivate', personId: maya }, cookie);
    expect(self.status).toBe(409);
    expect(await self.text()).toContain('You cannot deactivate yourself');

    const demote = await hub.post(
      '/admin/people',
      { intent: 'change', personId: maya, roles: ['leader'], teamId: await teamId('product') },
      cookie,
    );
    expect(demote.status).toBe(409);
    expect(await demote.text()).toContain(
      'Maya Lindqvist is the last active admin: make someone else an admin first',
    );
    const [row] = await hub.db.sql`select roles from people where id = ${maya}`;
    expect(row!.roles).toEqual(['leader', 'admin']);

    // With a second admin, Maya may step down; the other admin then cannot be removed.
    const sam = await idOf('sam.carter@example.com');
    await hub.post(
      '/admin/people',
      { intent: 'change', personId: sam, roles: ['frontline', 'admin'], teamId: '' },
      cookie,
    );
    const stepDown = await hub.post(
      '/admin/people',
      { intent: 'change', personId: maya, roles: ['leader'], teamId: await teamId('product') },
      cookie,
    );
    expect(stepDown.status).toBe(200);
    expect((await hub.get('/admin/people', cookie)).status).toBe(403);
    const samCookie = await hub.signIn('sam.carter@example.com');
    const lastOne = await hub.post(
      '/admin/people',
      { intent: 'change', personId: sam, roles: ['frontline'], teamId: '' },
      samCookie,
    );
    expect(lastOne.status).toBe(409);
  });

  it('answers 404 for a person who does not exist', async () => {
    const cookie = await hub.signIn('sam.carter@example.com');
    const response = await hub.post(
      '/admin/people',
      { intent: 'deactivate', personId: '00000000-0000-0000-0000-000000000000' },
      cookie,
    );
    expect(response.status).toBe(404);
  });
});
