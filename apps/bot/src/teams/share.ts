import {
  type DomainError,
  INSIGHT_KINDS,
  isDomainError,
  isValidationError,
  type Person,
  postInsight,
  SENTIMENTS,
  type Visibility,
} from '@heard/domain';
import type { TurnContext } from '@microsoft/agents-hosting';
import { z } from 'zod';
import { attachment, type Card } from './cards/card';
import { type ShareFormView, shareForm } from './cards/share-form';
import { notLinkedCard, personOf } from './identity';
import { queueTeamsJob } from './jobs-queue';
import { once } from './store';
import type { TeamsApp } from './teams-app';

/** The message a "Share with Heard" action was started on, as Teams sends it. */
interface MessagePayload {
  id?: string;
  body?: { content?: string; contentType?: string };
  from?: { user?: { displayName?: string } };
  linkToMessage?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', nbsp: ' ', '#39': "'" };

/** Teams gives the message as HTML; the form wants its words. */
export function messageText(payload: MessagePayload | undefined): string {
  const content = payload?.body?.content ?? '';
  if (payload?.body?.contentType !== 'html') return content.trim();
  return content
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** How many customers a form lists before anything is typed. */
export const SUGGESTED_CUSTOMERS = 8;

function dialog(card: Card) {
  return {
    task: {
      type: 'continue',
      value: { title: 'Share with Heard', height: 'large', width: 'medium', card: attachment(card) },
    },
  };
}

const commaList = (value: unknown) =>
  String(value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const ShareSubmissionSchema = z.object({
  body: z.string().default(''),
  kind: z.enum(INSIGHT_KINDS, { message: 'Pick a kind.' }),
  sentiment: z.enum(SENTIMENTS, { message: 'Pick a sentiment.' }).default('neutral'),
  customerIds: z.any().optional().transform(commaList),
  goalIds: z.any().optional().transform(commaList),
  tags: z.any().optional().transform(commaList),
  visibility: z.enum(['everyone', 'team', 'me'], { message: 'Pick who can see it.' }).default('everyone'),
  link: z.string().url().nullish().catch(null),
  author: z.string().max(200).nullish().catch(null),
});

async function formView(
  app: TeamsApp,
  person: Person,
  base: Omit<ShareFormView, 'goals' | 'customers' | 'suggestedCustomers' | 'teamName'>,
  customerIds: string[] = [],
) {
  const [goals, customers, suggested, team] = await Promise.all([
    app.deps.goals.list({ status: 'active' }),
    customerIds.length > 0 ? app.deps.customers.findByIds(customerIds) : Promise.resolve([]),
    app.deps.customers.search('', SUGGESTED_CUSTOMERS),
    person.teamId ? app.deps.teams.findById(person.teamId) : Promise.resolve(null),
  ]);
  return shareForm({
    ...base,
    goals: goals.map((g) => ({ id: g.id, title: g.title })),
    customers: customers.map((c) => ({ id: c.id, name: c.name })),
    suggestedCustomers: suggested.map((c) => ({ id: c.id, name: c.name })),
    teamName: team?.name ?? null,
  });
}

/** `composeExtension/fetchTask`: the dialog, prefilled from the message it was started on. */
export async function openShareDialog(app: TeamsApp, context: TurnContext) {
  const person = await personOf(app, context);
  if (!person) return dialog(await notLinkedCard(app, context));
  const payload = (context.activity.value as { messagePayload?: MessagePayload } | undefined)?.messagePayload;
  return dialog(
    await formView(app, person, {
      body: messageText(payload),
      author: payload?.from?.user?.displayName ?? null,
      link: payload?.linkToMessage ?? null,
    }),
  );
}

/** What a successful share answers, stored per activity so a redelivery answers the same. */
interface ShareOutcome {
  insightId: string;
  title: string;
  created: boolean;
}

function explain(error: DomainError): string {
  return isValidationError(error) ? error.issues.map((issue) => issue.message).join(' ') : error.message;
}

/**
 * `composeExtension/submitAction`: posts the insight through the same use case as the web and
 * Slack; bad input returns the dialog with what to fix. The reply card is posted by a job.
 */
export async function submitShareDialog(app: TeamsApp, context: TurnContext) {
  const activity = context.activity;
  const person = await personOf(app, context);
  if (!person) return dialog(await notLinkedCard(app, context));
  const value = (activity.value ?? {}) as { data?: Record<string, unknown>; messagePayload?: MessagePayload };
  const data = value.data ?? {};
  const parsed = ShareSubmissionSchema.safeParse(data);
  const keep = (message: string) =>
    formView(
      app,
      person,
      {
        body: String(data.body ?? ''),
        author: typeof data.author === 'string' ? data.author : null,
        link: typeof data.link === 'string' ? data.link : null,
        values: {
          kind: String(data.kind ?? ''),
          sentiment: String(data.sentiment ?? ''),
          goalIds: String(data.goalIds ?? ''),
          tags: String(data.tags ?? ''),
          visibility: String(data.visibility ?? ''),
        },
        error: message,
      },
      commaList(data.customerIds).filter((id) => /^[0-9a-f-]{36}$/i.test(id)),
    ).then(dialog);
  if (!parsed.success) return keep(parsed.error.issues.map((issue) => issue.message).join(' '));
  const input = parsed.data;
  // Never widen an audience: "my team" without a team is a mistake to fix, not "everyone".
  if (input.visibility === 'team' && !person.teamId)
    return keep('You are not in a team in Heard: pick “Everyone in Heard” or “Only me”.');
  const visibility: Visibility =
    input.visibility === 'team' && person.teamId
      ? { scope: 'team', teamId: person.teamId }
      : input.visibility === 'me'
        ? { scope: 'people', personIds: [person.id] }
        : { scope: 'everyone' };
  const conversationId = activity.conversation?.id ?? '';
  const messageId = value.messagePayload?.id ?? null;
  try {
    const { result } = await once<ShareOutcome>(app.db.sql, `activity:${activity.id}`, async () => {
      const posted = await postInsight(app.deps, {
        actor: person,
        body: input.body,
        kind: input.kind,
        sentiment: input.sentiment,
        source: {
          kind: 'teams',
          url: input.link ?? value.messagePayload?.linkToMessage ?? null,
          externalId: messageId ? `${conversationId}:${messageId}` : `activity:${activity.id}`,
        },
        customerIds: input.customerIds,
        goalIds: input.goalIds,
        tags: input.tags,
        visibility,
      });
      if (posted.created && activity.serviceUrl && conversationId) {
        await queueTeamsJob(
          app.db.sql,
          'teams-share-reply',
          {
            insightId: posted.insight.id,
            personId: person.id,
            to: { serviceUrl: activity.serviceUrl, conversationId },
            replyToId: messageId,
          },
          `teams-share-reply:${posted.insight.id}`,
        );
      }
      return { insightId: posted.insight.id, title: posted.insight.title, created: posted.created };
    });
    const url = `${app.hubUrl.replace(/\/$/, '')}/insights/${result.insightId}`;
    return {
      task: {
        type: 'message',
        value: result.created
          ? `Shared with Heard: “${result.title}”. ${url}`
          : `This message is already in Heard: “${result.title}”. ${url}`,
      },
    };
  } catch (error) {
    if (isDomainError(error)) return keep(explain(error));
    throw error;
  }
}
