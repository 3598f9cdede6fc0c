import { afterAll, describe, expect, it } from 'vitest';
import { startTestSmtp } from '../support/smtp';
import { useWebHub } from '../support/web-hub';

const SENT = 'If that email has an account, a link is on its way';
const smtp = await startTestSmtp();
afterAll(() => smtp.close());
const hub = useWebHub({ app: { mail: { smtpUrl: smtp.url, from: 'Heard <heard@example.com>' } } });

const linkIn = (text: string) => {
  const link = /http:\/\/localhost(\/reset\/[\w-]{40,})/.exec(text);
  if (!link) throw new Error(`No reset link in: ${text}`);
  return link[1]!;
};

describe('resetting a forgotten password by emailed link', () => {
  it('offers "Forgot your password?" on the sign-in page', async () => {
    const html = await (await hub.get('/sign-in')).text();
    expect(html).toContain('href="/forgot-password"');
    expect(html).toContain('Forgot your password?');
    expect((await hub.get('/forgot-password')).status).toBe(200);
  });

  it('emails a single-use link that sets the password, signs out everywhere and signs in', async () => {
    const email = 'chloe.dubois@example.com';
    const oldSession = await hub.signIn(email);
    const otherDevice = await hub.signIn(email);

    const asked = await hub.post('/forgot-password', { email });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain(SENT);

    const mail = await smtp.next();
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(email);
    expect(mail.from?.text).toContain('heard@example.com');
    expect(mail.subject).toBe('Reset your Heard password');
    const path = linkIn(mail.text ?? '');

    const page = await hub.get(path);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Choose a new password');

    const tooShort = await hub.post(path, { password: 'short' });
    expect(tooShort.status).toBe(422);
    const html = await tooShort.text();
    expect(html).toMatch(/id="password-error"[^>]*>Use at least 10 characters\./);

    const saved = await hub.post(path, { password: 'a brand new passphrase' });
    expect(saved.status).toBe(302);
    expect(saved.headers.get('location')).toBe('/');
    const cookie = saved.headers.get('set-cookie')!.split(';')[0]!;
    expect((await hub.get('/', cookie)).status).toBe(200);

    // Every earlier session is over.
    for (const old of [oldSession, otherDevice]) {
      const response = await hub.get('/', old);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/sign-in');
    }
    // The new password works, the old one no longer does.
    await expect(hub.signIn(email, 'a brand new passphrase')).resolves.toMatch(/^heard_session=/);
    expect((await hub.post('/sign-in', { email, password: 'heard-demo' })).status).toBe(401);

    // The link cannot be used again.
    expect((await hub.get(path)).status).toBe(404);
    const reused = await hub.post(path, { password: 'someone else entirely' });
    expect(reused.status).toBe(404);
    expect(reused.headers.get('set-cookie')).toBeNull();
    await expect(hub.signIn(email, 'someone else entirely')).rejects.toThrow();
  });

  it('gives an unknown email the same answer and sends no mail', async () => {
    const before = smtp.received.length;
    const asked = await hub.post('/forgot-password', { email: 'nobody.here@example.com' });
    expect(asked.status).toBe(200);
    expect(await asked.text()).toContain(SENT);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.length).toBe(before);
  });

  it('stores only a digest of the token, with a one-hour expiry', async () => {
    await hub.post('/forgot-password', { email: 'ravi.nair@example.com' });
    const path = linkIn((await smtp.next()).text ?? '');
    const token = path.split('/').pop()!;
    const rows = await hub.db.sql`
      select id, extract(epoch from (expires_at - created_at))::int as seconds
      from account_links where purpose = 'reset' and used_at is null`;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id).not.toBe(token);
    expect(rows[0]!.seconds).toBe(3600);
  });

  it('refuses a link that never existed', async () => {
    expect((await hub.get('/reset/not-a-real-token')).status).toBe(404);
  });
});
