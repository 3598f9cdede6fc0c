import { describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();
const ADMIN = 'maya.lindqvist@example.com';

const inviteLinkIn = (html: string) => {
  const link = /http:\/\/localhost(\/invite\/[\w-]{40,})/.exec(html);
  if (!link) throw new Error('No invitation link on the page');
  return link[1]!;
};

describe('inviting people by link', () => {
  it('shows non-admins a 403 page, and refuses their invitations', async () => {
    const cookie = await hub.signIn('sam.carter@example.com');
    const page = await hub.get('/admin/people', cookie);
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Only admins may manage people.');
    const post = await hub.post(
      '/admin/people',
      { email: 'sneaky@example.com', name: 'Sneaky', teamId: '', roles: 'admin' },
      cookie,
    );
    expect(post.status).toBe(403);
    const [row] = await hub.db.sql`select count(*)::int as n from people where email = 'sneaky@example.com'`;
    expect(row!.n).toBe(0);
  });

  it('lists people with their roles and team for an admin', async () => {
    const cookie = await hub.signIn(ADMIN);
    const html = await (await hub.get('/admin/people', cookie)).text();
    expect(html).toContain('Sam Carter');
    expect(html).toContain('sam.carter@example.com');
    expect(html).toMatch(
      /Maya Lindqvist<\/td><td>maya\.lindqvist@example\.com<\/td><td>Product<\/td><td>leader, admin<\/td>/,
    );
  });

  it('keeps field errors next to their fields', async () => {
    const cookie = await hub.signIn(ADMIN);
    const response = await hub.post('/admin/people', { email: 'not-an-email', name: '', teamId: '' }, cookie);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toMatch(/id="email-error"[^>]*>Enter an email address/);
    expect(html).toMatch(/id="name-error"[^>]*>Enter the person’s name\./);
    expect(html).toMatch(/id="roles-error"[^>]*>Choose at least one role\./);
    const taken = await hub.post(
      '/admin/people',
      { email: 'sam.carter@example.com', name: 'Sam again', teamId: '', roles: 'frontline' },
      cookie,
    );
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Someone with that email is already in Heard.');
  });

  it('invites by link that works once and lets the invitee sign in', async () => {
    const cookie = await hub.signIn(ADMIN);
    const [billing] = await hub.db.sql`select id from teams where slug = 'billing'`;
    const invited = await hub.post(
      '/admin/people',
      {
        email: 'nora.quist@example.com',
        name: 'Nora Quist',
        teamId: billing!.id as string,
        roles: ['frontline', 'curator'],
      },
      cookie,
    );
    expect(invited.status).toBe(200);
    const html = await invited.text();
    expect(html).toContain('Nora Quist</strong> is invited.');
    expect(html).toContain('(invited)');
    const path = inviteLinkIn(html);

    // Created without a password: cannot sign in yet.
    const [person] = await hub.db.sql`
      select p.password_hash, p.roles, t.slug from people p join teams t on t.id = p.team_id
      where p.email = 'nora.quist@example.com'`;
    expect(person).toMatchObject({ password_hash: null, roles: ['frontline', 'curator'], slug: 'billing' });
    const [link] = await hub.db.sql`
      select extract(epoch from (expires_at - created_at))::int as seconds from account_links where purpose = 'invite'`;
    expect(link!.seconds).toBe(7 * 86_400);

    const welcome = await hub.get(path);
    expect(welcome.status).toBe(200);
    expect(await welcome.text()).toMatch(/Welcome to Heard, (<!-- -->)?Nora Quist/);

    expect((await hub.post(path, { password: 'too short' })).status).toBe(422);
    const accepted = await hub.post(path, { password: 'billing is my jam' });
    expect(accepted.status).toBe(302);
    const session = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const feed = await hub.get('/', session);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('Nora Quist');

    // Once only.
    expect((await hub.get(path)).status).toBe(404);
    expect((await hub.post(path, { password: 'taking it over now' })).status).toBe(404);

    // And now a normal sign-in works.
    await expect(hub.signIn('nora.quist@example.com', 'billing is my jam')).resolves.toMatch(
      /^heard_session=/,
    );
  });

  it('ends every session from the settings page', async () => {
    const here = await hub.signIn('chloe.dubois@example.com');
    const there = await hub.signIn('chloe.dubois@example.com');
    expect(await (await hub.get('/settings', here)).text()).toContain('Sign out everywhere');
    const out = await hub.post('/sign-out-everywhere', {}, here);
    expect(out.status).toBe(302);
    expect(out.headers.get('location')).toBe('/sign-in');
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    for (const cookie of [here, there]) expect((await hub.get('/', cookie)).status).toBe(302);
  });
});
