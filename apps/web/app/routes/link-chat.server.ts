import { createHash } from 'node:crypto';
import type { Db } from '@heard/db';

export type ChatPlatform = 'slack' | 'teams';
export const CHAT_PLATFORMS: readonly ChatPlatform[] = ['slack', 'teams'];

/** What a one-time link stands for, or why it no longer does. */
export type ChatLinkState =
  | { status: 'ready'; chatUserId: string }
  | { status: 'unknown' | 'expired' | 'used' }
  | { status: 'taken' }
  /** Already used, by this same person: the account is theirs; nothing more to do. */
  | { status: 'linked' };

const COLUMN = { slack: 'slack_user_id', teams: 'teams_aad_object_id' } as const;

const hashOf = (token: string) => createHash('sha256').update(token).digest();

/**
 * One-time links the bot hands to a chat user Heard could not match by email. The signed-in
 * person who follows one ties that Slack user or Entra object id to themselves, once.
 */
export function createChatLinkStore(
  sql: Extract<Db, { begin: unknown }>,
  now: () => Date = () => new Date(),
) {
  async function state(
    tx: Db,
    platform: ChatPlatform,
    token: string,
    personId: string,
    lock: boolean,
  ): Promise<ChatLinkState> {
    const [row] = lock
      ? await tx`select * from chat_link_tokens where token_hash = ${hashOf(token)} and platform = ${platform} for update`
      : await tx`select * from chat_link_tokens where token_hash = ${hashOf(token)} and platform = ${platform}`;
    if (!row) return { status: 'unknown' };
    // The page is read again after its own confirmation: the person who used it sees it done.
    if (row.used_at) return row.used_by === personId ? { status: 'linked' } : { status: 'used' };
    if ((row.expires_at as Date) <= now()) return { status: 'expired' };
    const chatUserId = row.chat_user_id as string;
    const [other] =
      await tx`select id from people where ${tx(COLUMN[platform])} = ${chatUserId} and id <> ${personId}`;
    return other ? { status: 'taken' } : { status: 'ready', chatUserId };
  }

  return {
    /** Reading a link changes nothing: link scanners and previews open links too. */
    read: (platform: ChatPlatform, token: string, personId: string) =>
      state(sql, platform, token, personId, false),
    /** Ties the chat account to the person and spends the link, in one transaction. */
    redeem: (platform: ChatPlatform, token: string, personId: string): Promise<ChatLinkState> =>
      sql.begin(async (tx) => {
        const found = await state(tx, platform, token, personId, true);
        if (found.status !== 'ready') return found;
        await tx`update people set ${tx(COLUMN[platform])} = ${found.chatUserId} where id = ${personId}`;
        await tx`update chat_link_tokens set used_at = ${now()}, used_by = ${personId}
                 where token_hash = ${hashOf(token)}`;
        return found;
      }) as Promise<ChatLinkState>,
  };
}

export type ChatLinkStore = ReturnType<typeof createChatLinkStore>;
