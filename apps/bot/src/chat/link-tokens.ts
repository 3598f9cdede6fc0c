import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '@heard/db';

/** How long a link to tie a chat account to a person stays good. */
export const LINK_TOKEN_TTL_MS = 60 * 60 * 1000;

export type ChatPlatform = 'slack' | 'teams';

/**
 * A one-time link to the hub where the signed-in person confirms "this chat account is me".
 * Only the token's hash is stored; the token itself exists only in the link.
 */
export async function createLinkUrl(
  db: Db,
  hubUrl: string,
  platform: ChatPlatform,
  chatUserId: string,
  now: Date = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const hash = createHash('sha256').update(token).digest();
  const expires = new Date(now.getTime() + LINK_TOKEN_TTL_MS);
  await db`insert into chat_link_tokens (token_hash, platform, chat_user_id, created_at, expires_at)
           values (${hash}, ${platform}, ${chatUserId}, ${now}, ${expires})`;
  // Old tokens are of no use to anyone: they go as new ones are made.
  await db`delete from chat_link_tokens where expires_at < ${new Date(now.getTime() - 24 * LINK_TOKEN_TTL_MS)}`;
  return `${hubUrl.replace(/\/$/, '')}/link/${platform}/${token}`;
}
