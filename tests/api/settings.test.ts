import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../support/api';
import { ORIGIN, useWebHub } from '../support/web-hub';

const hub = useWebHub({ insights: 10 });
let sam: string;
let chloe: string;

const tokenIdsIn = (html: string) => [...html.matchAll(/name="tokenId" value="([^"]+)"/g)].map((m) => m[1]!);

beforeAll(async () => {
  sam = await hub.signIn('sam.carter@example.com');
  chloe = await hub.signIn('chloe.dubois@example.com');
});

describe('API tokens in settings', () => {
  it('is linked from the header and asks for a sign-in first', async () => {
    expect(await (await hub.get('/', sam)).text()).toContain('href="/settings"');
    const anonymous = await hub.get('/settings');
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get('location')).toBe('/sign-in?next=%2Fsettings');
  });

  it('creates a token through the form, shows its secret once, and the API accepts it', async () => {
    const created = await hub.post('/settings', { intent: 'create', name: 'CRM sync' }, sam);
    expect(created.status).toBe(200);
    const html = await created.text();
    const secret = html.match(/value="(heard_[A-Za-z0-9_-]{43})"/)?.[1];
    expect(secret).toBeDefined();
    expect(html).toContain('shown only this once');
    const answer = await apiClient(hub, secret!).get('/insights?limit=1');
    expect(answer.status).toBe(200);

    const page = await (await hub.get('/settings', sam)).text();
    expect(page).toContain('CRM sync');
    expect(page).toContain(secret!.slice(0, 12));
    expect(page).not.toContain(secret!);
    expect(page).toMatch(/last used (<!-- -->)?just now/);
  });

  it('revokes a token through its button, after which the API refuses it', async () => {
    const html = await (await hub.post('/settings', { intent: 'create', name: 'Old script' }, sam)).text();
    const secret = html.match(/value="(heard_[A-Za-z0-9_-]{43})"/)![1]!;
    const [row] = await hub.db.sql`select id from api_tokens where name = 'Old script'`;
    expect(tokenIdsIn(await (await hub.get('/settings', sam)).text())).toContain(row!.id);
    const revoked = await hub.post('/settings', { intent: 'revoke', tokenId: row!.id }, sam);
    expect(revoked.status).toBe(200);
    expect(tokenIdsIn(await (await hub.get('/settings', sam)).text())).not.toContain(row!.id);
    expect((await apiClient(hub, secret).get('/insights')).status).toBe(401);
  });

  it('lets nobody revoke or see someone else’s token', async () => {
    await hub.post('/settings', { intent: 'create', name: 'Sam’s own' }, sam);
    const [row] = await hub.db.sql`select id from api_tokens where name = 'Sam’s own'`;
    expect(await (await hub.get('/settings', chloe)).text()).not.toContain('Sam’s own');
    const attempt = await hub.post('/settings', { intent: 'revoke', tokenId: row!.id }, chloe);
    expect(attempt.status).toBe(422);
    expect(await attempt.text()).toContain('already revoked, or is not yours');
    const [after] = await hub.db.sql`select revoked_at from api_tokens where id = ${row!.id}`;
    expect(after?.revoked_at).toBeNull();
  });

  it('asks for a name, and refuses a cross-site form', async () => {
    const unnamed = await hub.post('/settings', { intent: 'create', name: '  ' }, sam);
    expect(unnamed.status).toBe(422);
    expect(await unnamed.text()).toContain('Name the token after what will use it');
    const crossSite = await hub.app.request(`${ORIGIN}/settings`, {
      method: 'POST',
      body: new URLSearchParams({ intent: 'create', name: 'Forged' }),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        cookie: sam,
      },
    });
    expect(crossSite.status).toBe(403);
    const [row] = await hub.db.sql`select count(*)::int as n from api_tokens where name in ('', 'Forged')`;
    expect(row?.n).toBe(0);
  });
});
