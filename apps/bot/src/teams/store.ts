import type { Db } from '@heard/db';
import type { ConversationAddress } from './connector';

/** What Heard keeps of a Teams conversation to write into it later. */
export interface StoredReference extends ConversationAddress {
  tenantId: string | null;
  botId: string | null;
  userId: string | null;
}

/** Remembers where to reach a person proactively (their personal chat with the bot). */
export async function savePersonConversation(sql: Db, personId: string, ref: StoredReference): Promise<void> {
  await sql`
    insert into chat_conversations (platform, person_id, conversation_id, reference)
    values ('teams', ${personId}, ${ref.conversationId}, ${sql.json(ref as never)})
    on conflict (platform, person_id) do update
      set conversation_id = excluded.conversation_id, reference = excluded.reference, updated_at = now()`;
}

export async function findPersonConversation(sql: Db, personId: string): Promise<StoredReference | null> {
  const [row] = await sql`
    select reference from chat_conversations where platform = 'teams' and person_id = ${personId}`;
  return row ? (row.reference as StoredReference) : null;
}

/** Remembers a channel of a team the app was added to. */
export async function saveChannel(
  sql: Db,
  ref: StoredReference & { teamName: string | null },
): Promise<void> {
  await sql`
    insert into teams_channels (conversation_id, service_url, tenant_id, team_name)
    values (${ref.conversationId}, ${ref.serviceUrl}, ${ref.tenantId}, ${ref.teamName})
    on conflict (conversation_id) do update
      set service_url = excluded.service_url, tenant_id = excluded.tenant_id,
          team_name = coalesce(excluded.team_name, teams_channels.team_name), updated_at = now()`;
}

export async function findChannel(sql: Db, conversationId: string): Promise<ConversationAddress | null> {
  const [row] = await sql`select service_url from teams_channels where conversation_id = ${conversationId}`;
  return row ? { serviceUrl: row.service_url as string, conversationId } : null;
}

/** A card Heard posted about an insight, kept so it can be updated when the insight changes. */
export async function recordCard(
  sql: Db,
  card: { insightId: string; kind: 'insight' | 'story'; to: ConversationAddress; activityId: string },
): Promise<void> {
  await sql`
    insert into chat_cards (platform, insight_id, card_kind, channel, message_ref, service_url)
    values ('teams', ${card.insightId}, ${card.kind}, ${card.to.conversationId}, ${card.activityId}, ${card.to.serviceUrl})
    on conflict (platform, channel, message_ref) do nothing`;
}

/**
 * Every card Heard posted in Teams about an insight. Story cards posted by the shared job carry
 * no service URL; the channel's remembered one stands in (null when the app never heard from it).
 */
export async function findCardsOf(sql: Db, insightId: string) {
  const rows = await sql`
    select c.channel, c.message_ref, coalesce(c.service_url, tc.service_url) as service_url, c.card_kind,
           c.removed_at is not null as removed
    from chat_cards c left join teams_channels tc on tc.conversation_id = c.channel
    where c.platform = 'teams' and c.insight_id = ${insightId}`;
  return rows.map((r) => ({
    conversationId: r.channel as string,
    serviceUrl: (r.service_url as string | null) ?? null,
    activityId: r.message_ref as string,
    kind: r.card_kind as 'insight' | 'story',
    removed: r.removed as boolean,
  }));
}

export async function findCardByMessage(sql: Db, conversationId: string, activityId: string) {
  const [row] = await sql`
    select insight_id from chat_cards
    where platform = 'teams' and channel = ${conversationId} and message_ref = ${activityId}`;
  return (row?.insight_id as string | null | undefined) ?? null;
}

/**
 * Runs `work` once per Teams activity id. Teams redelivers an activity when it did not get
 * an answer in time; the repeat waits for the first (an advisory lock on the key) and then
 * gets the first one's stored result instead of doing the work again.
 */
export async function once<T>(
  sql: import('@heard/db').Database['sql'],
  key: string,
  work: () => Promise<T>,
): Promise<{ result: T; repeated: boolean }> {
  const connection = await sql.reserve();
  const lockKey = `teams:${key}`;
  try {
    await connection`select pg_advisory_lock(hashtextextended(${lockKey}, 0))`;
    const [row] =
      await connection`select result from chat_receipts where platform = 'teams' and key = ${key}`;
    if (row) return { result: row.result as T, repeated: true };
    const result = await work();
    await connection`
      insert into chat_receipts (platform, key, result) values ('teams', ${key}, ${sql.json((result ?? null) as never)})
      on conflict do nothing`;
    return { result, repeated: false };
  } finally {
    await connection`select pg_advisory_unlock(hashtextextended(${lockKey}, 0))`;
    connection.release();
  }
}
