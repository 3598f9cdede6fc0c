import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../repositories/db';

let cached: { db: Db; secret: string } | undefined;

async function signingSecret(db: Db): Promise<string> {
  if (cached?.db === db) return cached.secret;
  const [row] = await db`select secret from digest_signing_key`;
  if (!row) throw new Error('digest_signing_key is empty: run the migrations.');
  cached = { db, secret: row.secret as string };
  return cached.secret;
}

const sign = (secret: string, subscriptionId: string) =>
  createHmac('sha256', secret).update(`unsubscribe:${subscriptionId}`).digest('base64url');

/** The token in a one-click unsubscribe link: the subscription and a signature only we can make. */
export async function unsubscribeToken(db: Db, subscriptionId: string): Promise<string> {
  return `${subscriptionId}.${sign(await signingSecret(db), subscriptionId)}`;
}

/** The subscription a token stands for, or null when the token was not made by us (or was altered). */
export async function verifyUnsubscribeToken(db: Db, token: string): Promise<string | null> {
  const [subscriptionId, signature] = token.split('.');
  if (!subscriptionId || !signature) return null;
  const expected = Buffer.from(sign(await signingSecret(db), subscriptionId));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? subscriptionId : null;
}
