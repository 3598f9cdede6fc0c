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

/** How long a repeat waits for the first delivery of the same activity to finish. */
const REPEAT_WAIT_MS = 4_000;

/**
 * Runs `work` once per Teams activity id. Teams redelivers an activity when it did not get an
 * answer in time; the first delivery claims the key in `chat_receipts`, and a repeat waits for
 * the first one's stored result instead of doing the work again. No connection is held while
 * waiting or working, so a burst of repeats cannot exhaust the pool. When the work fails, the
 * claim is released and a later delivery tries again.
 */
export async function once<T extends object>(
  sql: Db,
  key: string,
  work: () => Promise<T>,
): Promise<{ result: T; repeated: boolean }> {
  const waitUntil = Date.now() + REPEAT_WAIT_MS;
  for (;;) {
    const claimed = await sql`
      insert into chat_receipts (platform, key) values ('teams', ${key})
      on conflict do nothing returning key`;
    if (claimed.length > 0) {
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await sql`delete from chat_receipts where platform = 'teams' and key = ${key} and result is null`;
        throw error;
      }
      await sql`update chat_receipts set result = ${sql.json(result as never)} where platform = 'teams' and key = ${key}`;
      return { result, repeated: false };
    }
    const [row] = await sql`select result from chat_receipts where platform = 'teams' and key = ${key}`;
    if (row?.result) return { result: row.result as T, repeated: true };
    if (Date.now() > waitUntil)
      throw new Error(`Teams activity ${key} is still being handled by an earlier delivery.`);
    // The first delivery is still working (or just failed and released the key): look again shortly.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
