import { describe, expect, it } from 'vitest';
import { useWebHub } from '../support/web-hub';

const hub = useWebHub();

describe('signing in to the web hub', () => {
  it('sends a visitor without a session to the sign-in page', async () => {
    const response = await hub.get('/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/sign-in');
  });

  it('offers the demo people on the sign-in page', async () => {
    const html = await (await hub.get('/sign-in')).text();
    expect(html).toContain('Sign in as Sam Carter');
    expect(html).toContain('heard-demo');
  });

  it('refuses a wrong password with a sentence, and sets no cookie', async () => {
    const response = await hub.post('/sign-in', { email: 'sam.carter@example.com', password: 'nope' });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('That email and password do not match an account.');
  });

  it('sets an HTTP-only SameSite session cookie and shows the feed', async () => {
    const response = await hub.post('/sign-in', { email: 'sam.carter@example.com', password: 'heard-demo' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^heard_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    const feed = await hub.get('/', cookie.split(';')[0]);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('What customers are telling us');
  });

  it('returns to the page asked for after signing in, but never to another site', async () => {
    const local = await hub.app.request('http://localhost/sign-in?next=%2Fpost', {
      method: 'POST',
      body: new URLSearchParams({ email: 'sam.carter@example.com', password: 'heard-demo' }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(local.headers.get('location')).toBe('/post');
    const foreign = await hub.app.request('http://localhost/sign-in?next=%2F%2Fevil.example', {
      method: 'POST',
      body: new URLSearchParams({ email: 'sam.carter@example.com', password: 'heard-demo' }),
      headers: { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(foreign.headers.get('location')).toBe('/');
  });

  it('ends the session on sign-out', async () => {
    const cookie = await hub.signIn('chloe.dubois@example.com');
    const out = await hub.post('/sign-out', {}, cookie);
    expect(out.status).toBe(302);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await hub.get('/', cookie)).status).toBe(302);
  });

  it('refuses a form posted from another site (CSRF)', async () => {
    const cookie = await hub.signIn('sam.carter@example.com');
    const response = await hub.app.request('http://localhost/post', {
      method: 'POST',
      body: new URLSearchParams({ body: 'x', kind: 'pain', sentiment: 'negative', visibility: 'everyone' }),
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
        cookie,
      },
    });
    expect(response.status).toBe(403);
  });

  it('reports the database in /healthz', async () => {
    const response = await hub.get('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });
});
