import { describe, expect, it } from 'vitest';
import { ORIGIN, useWebHub } from '../support/web-hub';

// Requests made with `app.request()` have no socket; this header stands in for the client's address.
const hub = useWebHub({ app: { clientAddress: (c) => c.req.header('x-test-client') ?? null } });

const signInFrom = (address: string, email: string, password: string) =>
  hub.app.request(`${ORIGIN}/sign-in`, {
    method: 'POST',
    body: new URLSearchParams({ email, password }),
    headers: {
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      'x-test-client': address,
    },
  });

describe('rate limits on signing in and asking for a reset', () => {
  it('answers the 6th wrong password for an email with 429 and Retry-After', async () => {
    const email = 'sam.carter@example.com';
    for (let i = 0; i < 5; i++)
      expect((await hub.post('/sign-in', { email, password: `wrong ${i}` })).status).toBe(401);
    const limited = await hub.post('/sign-in', { email, password: 'wrong again' });
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(limited.headers.get('set-cookie')).toBeNull();
    expect(await limited.text()).toContain('Too many failed sign-ins. Try again in 15 minutes');
    // Even the right password waits out the window.
    expect((await hub.post('/sign-in', { email, password: 'heard-demo' })).status).toBe(429);
    // Counted in PostgreSQL, so every web process sees it.
    const [row] = await hub.db
      .sql`select count(*)::int as n from auth_attempts where key = ${`sign-in:email:${email}`}`;
    expect(row!.n).toBe(5);
  });

  it('clears the email’s counter on a successful sign-in', async () => {
    const email = 'ravi.nair@example.com';
    for (let i = 0; i < 4; i++)
      expect((await hub.post('/sign-in', { email, password: `wrong ${i}` })).status).toBe(401);
    await hub.signIn(email);
    for (let i = 0; i < 5; i++)
      expect((await hub.post('/sign-in', { email, password: `wrong ${i}` })).status).toBe(401);
    expect((await hub.post('/sign-in', { email, password: 'wrong' })).status).toBe(429);
  });

  it('allows 20 failures per client address, whatever the emails', async () => {
    for (let i = 0; i < 20; i++)
      expect((await signInFrom('203.0.113.9', `guess${i}@example.com`, 'nope')).status).toBe(401);
    const limited = await signInFrom('203.0.113.9', 'guess-more@example.com', 'nope');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another address is not affected.
    expect((await signInFrom('198.51.100.4', 'guess-more@example.com', 'nope')).status).toBe(401);
  });

  it('limits password-reset requests per email too', async () => {
    const email = 'chloe.dubois@example.com';
    for (let i = 0; i < 5; i++) expect((await hub.post('/forgot-password', { email })).status).toBe(200);
    const limited = await hub.post('/forgot-password', { email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.text()).toContain('Too many reset requests');
  });
});
