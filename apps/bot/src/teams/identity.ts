import type { Person } from '@heard/domain';
import type { TurnContext } from '@microsoft/agents-hosting';
import { createLinkUrl } from '../chat/link-tokens';
import type { Card } from './cards/card';
import { notLinkedCard as notLinkedCardFor } from './cards/messages';
import type { StoredReference } from './store';
import type { TeamsApp } from './teams-app';

/**
 * The Heard person behind a Teams activity: by their Entra object id when it is known,
 * else by the email Teams gives for them (remembering their object id from then on).
 * Null for anyone Heard does not know: they see nothing.
 */
export async function personOf(app: TeamsApp, context: TurnContext): Promise<Person | null> {
  const activity = context.activity;
  const aad = activity.from?.aadObjectId ?? null;
  if (aad) {
    // A deactivated person is nobody to Heard in Teams too, as on the web.
    const [row] = await app.db.sql`select id, deactivated_at from people where teams_aad_object_id = ${aad}`;
    if (row) return row.deactivated_at ? null : app.deps.people.findById(row.id as string);
  }
  if (!activity.serviceUrl || !activity.conversation?.id || !activity.from?.id) return null;
  const member = await app.connector.member(
    { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id },
    activity.from.id,
  );
  const email = member?.email ?? member?.userPrincipalName;
  if (!email) return null;
  const [active] = await app.db.sql`select id from people where email = ${email} and deactivated_at is null`;
  const person = active ? await app.deps.people.findById(active.id as string) : null;
  if (!person) return null;
  if (aad && !person.chat.teamsAadObjectId) {
    await app.db
      .sql`update people set teams_aad_object_id = ${aad} where id = ${person.id} and teams_aad_object_id is null`;
  }
  return person;
}

/** The parts of an activity's conversation reference Heard needs to write there later. */
export function referenceOf(context: TurnContext): StoredReference | null {
  const a = context.activity;
  if (!a.serviceUrl || !a.conversation?.id) return null;
  const channelData = (a.channelData ?? {}) as { tenant?: { id?: string } };
  return {
    serviceUrl: a.serviceUrl,
    conversationId: a.conversation.id,
    tenantId: a.conversation.tenantId ?? channelData.tenant?.id ?? null,
    botId: a.recipient?.id ?? null,
    userId: a.from?.id ?? null,
  };
}

/** The card for someone Heard does not know, with a one-time link to tie their Entra account to them. */
export async function notLinkedCard(app: TeamsApp, context: TurnContext): Promise<Card> {
  const aad = context.activity.from?.aadObjectId;
  const link = aad ? await createLinkUrl(app.db.sql, app.hubUrl, 'teams', aad) : undefined;
  return notLinkedCardFor(app.hubUrl, link);
}
