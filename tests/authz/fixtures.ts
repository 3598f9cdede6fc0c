import { reindex } from '@heard/bot';
import { createAccountLinkStore, createApiTokenStore, createSessionStore } from '@heard/db';
import { createSearchEngines } from '@heard/search';
import type { TestHub } from '../support/web-hub';
import type { Actor } from './route-table';

/** The things the route table points at, and a way to act as each person in it. */
export interface Fixtures {
  openInsightId: string;
  /** Reported by Sam (frontline), readable by Priya (owner) alone besides him and admins. */
  restrictedInsightId: string;
  /** A word found only in the restricted insight. */
  restrictedWord: string;
  restrictedTag: string;
  /** Priya's goal; the restricted and the open insight both serve it. */
  goalId: string;
  /** An action under the goal, assigned to Sam. */
  actionId: string;
  /** A customer both insights concern, and no other. */
  customerId: string;
  resetToken: string;
  inviteToken: string;
  personIds: Record<Exclude<Actor, 'outsider'>, string>;
  /** A fresh session cookie for the person (none for the outsider): a route that signs out cannot spoil the next. */
  cookieFor(actor: Actor): Promise<string | undefined>;
  /** An API token of the person (none for the outsider). */
  tokenFor(actor: Actor): string | undefined;
}

const DEMO_EMAILS = {
  frontline: 'sam.carter@example.com',
  curator: 'lea.moreau@example.com',
  owner: 'priya.raman@example.com',
  stranger: 'chloe.dubois@example.com',
} as const;

/** Inserts a restricted insight only `readerIds` (and its reporter and admins) may read; search indexed. */
export async function insertRestrictedInsight(
  hub: TestHub,
  options: {
    reporterId: string;
    readerIds: string[];
    word: string;
    tag: string;
    goalId: string;
    customerId: string;
  },
): Promise<string> {
  const sql = hub.db.sql;
  const [row] = await sql`
    insert into insights (title, body, kind, sentiment, source_kind, reporter_id, tags, visibility_scope, visibility_person_ids)
    values (${`Confidential: ${options.word} renewal at risk`},
      ${`The ${options.word} account told us in confidence they are talking to a competitor.`},
      'churn_risk', 'negative', 'web', ${options.reporterId}, ${[options.tag]}, 'people', ${options.readerIds})
    returning id`;
  const id = row!.id as string;
  await sql`insert into insight_customers (insight_id, customer_id) values (${id}, ${options.customerId})`;
  await sql`insert into insight_goals (insight_id, goal_id, linked_by) values (${id}, ${options.goalId}, ${options.reporterId})`;
  await reindexAll(hub);
  return id;
}

export async function reindexAll(hub: TestHub): Promise<void> {
  for (const index of createSearchEngines({ sql: hub.db.sql, log: () => {} }).writable)
    await reindex(hub.db.sql, index);
}

export async function setUpFixtures(hub: TestHub): Promise<Fixtures> {
  const sql = hub.db.sql;
  const idOf = async (email: string) =>
    (await sql`select id from people where email = ${email}`)[0]!.id as string;
  const [product] = await sql`select id from teams where slug = 'product'`;
  const [leader] = await sql`
    insert into people (email, name, team_id, roles) values ('lee.leader@example.com', 'Lee Leader', ${product!.id as string}, '{leader}')
    returning id`;
  const [admin] = await sql`
    insert into people (email, name, roles) values ('ada.admin@example.com', 'Ada Admin', '{admin}') returning id`;
  const personIds = {
    frontline: await idOf(DEMO_EMAILS.frontline),
    curator: await idOf(DEMO_EMAILS.curator),
    owner: await idOf(DEMO_EMAILS.owner),
    leader: leader!.id as string,
    admin: admin!.id as string,
    stranger: await idOf(DEMO_EMAILS.stranger),
  };
  const [goal] =
    await sql`select id from goals where owner_id = ${personIds.owner} order by created_at limit 1`;
  const goalId = goal!.id as string;
  const [customer] = await sql`
    insert into customers (name, kind, segment) values ('Quokka Holdings', 'account', 'enterprise') returning id`;
  const customerId = customer!.id as string;
  const [open] = await sql`
    insert into insights (title, body, kind, sentiment, source_kind, reporter_id)
    values ('Quokka Holdings want invoices by cost centre', 'They asked again for invoices split by cost centre.',
      'request', 'neutral', 'web', ${personIds.stranger})
    returning id`;
  const openInsightId = open!.id as string;
  await sql`insert into insight_customers (insight_id, customer_id) values (${openInsightId}, ${customerId})`;
  await sql`insert into insight_goals (insight_id, goal_id, linked_by) values (${openInsightId}, ${goalId}, ${personIds.stranger})`;
  const restrictedWord = 'zanzibarquokka';
  const restrictedTag = 'quokka-confidential';
  const restrictedInsightId = await insertRestrictedInsight(hub, {
    reporterId: personIds.frontline,
    readerIds: [personIds.owner],
    word: restrictedWord,
    tag: restrictedTag,
    goalId,
    customerId,
  });
  const [action] = await sql`
    insert into actions (goal_id, title, assignee_id, assigned_by, cited_insight_ids)
    values (${goalId}, 'Call Quokka Holdings back', ${personIds.frontline}, ${personIds.owner}, ${[openInsightId]})
    returning id`;
  const links = createAccountLinkStore(sql);
  const reset = await links.issueReset('ravi.nair@example.com');
  const invite = await links.invite({
    email: 'ines.invited@example.com',
    name: 'Inès Invited',
    teamId: null,
    roles: ['frontline'],
    invitedBy: personIds.admin,
  });
  const sessions = createSessionStore(sql);
  const apiTokens = createApiTokenStore(sql);
  const tokens = {} as Record<Actor, string | undefined>;
  for (const [actor, id] of Object.entries(personIds))
    tokens[actor as Actor] = (await apiTokens.create(id, 'Access matrix')).secret;
  return {
    openInsightId,
    restrictedInsightId,
    restrictedWord,
    restrictedTag,
    goalId,
    actionId: action!.id as string,
    customerId,
    resetToken: reset!.token,
    inviteToken: invite!.token,
    personIds,
    async cookieFor(actor) {
      if (actor === 'outsider') return undefined;
      return `heard_session=${(await sessions.open(personIds[actor])).token}`;
    },
    tokenFor: (actor) => tokens[actor],
  };
}
