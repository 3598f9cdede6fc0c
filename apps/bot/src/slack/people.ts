import type { Db } from '@heard/db';
import { createRepositories } from '@heard/db';
import type { Person } from '@heard/domain';
import { createLinkUrl } from '../chat/link-tokens';
import type { SlackClient } from './api/slack-client';

/**
 * The Person behind a Slack user: by the Slack id stored earlier, else by the email Slack
 * knows them by (users.info), remembered for next time. Null when nobody in Heard matches.
 */
export async function resolvePerson(
  db: Db,
  client: SlackClient,
  slackUserId: string,
): Promise<Person | null> {
  const people = createRepositories(db).people;
  // A deactivated person is nobody to Heard in Slack too, as on the web.
  const [known] = await db`select id, deactivated_at from people where slack_user_id = ${slackUserId}`;
  if (known) return known.deactivated_at ? null : people.findById(known.id as string);
  const info = await client.users.info({ user: slackUserId });
  const email = info.user?.profile?.email;
  if (!email) return null;
  const [active] = await db`select id from people where email = ${email} and deactivated_at is null`;
  const person = active ? await people.findById(active.id as string) : null;
  if (!person) return null;
  await db`update people set slack_user_id = ${slackUserId} where id = ${person.id} and slack_user_id is null`;
  return { ...person, chat: { ...person.chat, slackUserId } };
}

/** The Slack user a Person is reached at: stored, else looked up by email and remembered. */
export async function slackUserFor(db: Db, client: SlackClient, person: Person): Promise<string | null> {
  if (person.chat.slackUserId) return person.chat.slackUserId;
  try {
    const found = await client.users.lookupByEmail({ email: person.email });
    const id = found.user?.id;
    if (!id) return null;
    await db`update people set slack_user_id = ${id} where id = ${person.id} and slack_user_id is null`;
    return id;
  } catch (error) {
    // Slack answers users_not_found for an email it does not know: that person is not on Slack.
    if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return null;
    throw error;
  }
}

/**
 * Said to someone Heard cannot match by email: a one-time link (an hour, single use) to the hub,
 * where, signed in, they confirm that this Slack account is theirs.
 */
export async function unknownPersonReply(
  ctx: { db: Db; hubUrl: string },
  slackUserId: string,
): Promise<string> {
  const url = await createLinkUrl(ctx.db, ctx.hubUrl, 'slack', slackUserId);
  return `Heard does not know your Slack account yet: the email on your Slack profile matches nobody in Heard. <${url}|Link this Slack account to you> (sign in to Heard; the link works once, for an hour). No Heard account? Ask an admin to add you.`;
}
