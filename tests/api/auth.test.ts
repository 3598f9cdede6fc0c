import { beforeAll, describe, expect, it } from 'vitest';
import { apiClient, createApiToken } from '../support/api';
import { ORIGIN, useWebHub } from '../support/web-hub';

const hub = useWebHub({ insights: 10 });
let sam: string;

beforeAll(async () => {
  sam = await createApiToken(hub, 'sam.carter@example.com');
});

describe('API authentication', () => {
  it.each([
    ['no token', null, 'AUTH.TOKEN_MISSING'],
    ['an unknown token', 'heard_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'AUTH.TOKEN_INVALID'],
    ['something that is not a token', 'hello', 'AUTH.TOKEN_INVALID'],
  ])('answers a call with %s with 401 and the error object', async (_label, token, code) => {
    for (const path of [
      '/insights',
      '/goals',
      '/insights/00000000-0000-4000-8000-000000000000',
      '/nowhere',
    ]) {
      const answer = await apiClient(hub, token).get(path);
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe(code);
      expect(answer.body.error.message).toMatch(/Settings/);
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    const posted = await apiClient(hub, token).post('/insights', {
      body: 'x',
      kind: 'pain',
      sentiment: 'mixed',
    });
    expect(posted.status).toBe(401);
  });

  it('stops accepting a token once it is revoked', async () => {
    const secret = await createApiToken(hub, 'chloe.dubois@example.com', 'Short-lived');
    expect((await apiClient(hub, secret).get('/insights')).status).toBe(200);
    await hub.db.sql`update api_tokens set revoked_at = now() where name = 'Short-lived'`;
    const answer = await apiClient(hub, secret).get('/insights');
    expect(answer.status).toBe(401);
    expect(answer.body.error.code).toBe('AUTH.TOKEN_INVALID');
  });

  it('does not take a session cookie for a token', async () => {
    const cookie = await hub.signIn('sam.carter@example.com');
    const response = await hub.get('/api/v1/insights', cookie);
    expect(response.status).toBe(401);
  });

  it('takes token calls without an Origin header (no CSRF check), while hub forms keep theirs', async () => {
    const answer = await apiClient(hub, sam).post('/insights', {
      body: 'From the CRM',
      kind: 'idea',
      sentiment: 'neutral',
    });
    expect(answer.status).toBe(201);
    const cookie = await hub.signIn('sam.carter@example.com');
    const crossSite = await hub.app.request(`${ORIGIN}/post`, {
      method: 'POST',
      body: new URLSearchParams({
        body: 'forged',
        kind: 'pain',
        sentiment: 'negative',
        visibility: 'everyone',
      }),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
      },
    });
    expect(crossSite.status).toBe(403);
    const [row] = await hub.db.sql`select count(*)::int as n from insights where body = 'forged'`;
    expect(row?.n).toBe(0);
  });

  it('answers an unknown endpoint under /api/v1 with the error object, not a hub page', async () => {
    const answer = await apiClient(hub, sam).get('/nowhere');
    expect(answer.status).toBe(404);
    expect(answer.body.error.code).toBe('API.NOT_FOUND');
    expect((await apiClient(hub, sam).post('/goals', {})).status).toBe(404);
    expect((await apiClient(hub, sam).get('')).body.error.code).toBe('API.NOT_FOUND');
  });
});
