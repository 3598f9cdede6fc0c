import { listActionsFor } from '@heard/db';
import { isDomainError, isValidationError, postInsight } from '@heard/domain';
import { MessageFactory, type TurnContext } from '@microsoft/agents-hosting';
import { isPersonalConversation, scopeFor } from './audience';
import { attachment, type Card } from './cards/card';
import { actionsCard, helpCard, searchResultsCard } from './cards/messages';
import { notLinkedCard, personOf, referenceOf } from './identity';
import { cardForInsight } from './insight-view';
import { once, recordCard, savePersonConversation } from './store';
import { subscribeForm, subscriptionsList } from './subscriptions';
import type { TeamsApp } from './teams-app';

/** The words typed to the bot, without the @mention Teams puts in front in group chats. */
export function commandText(context: TurnContext): string {
  return (context.activity.text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const sendCard = (context: TurnContext, card: Card, summary: string) =>
  context.sendActivity(MessageFactory.attachment(attachment(card) as never, summary));

/** Personal chat: `post <text>`, `search <words>`, `my actions`, `subscribe`, `unsubscribe`, `help`. */
export async function handleCommand(app: TeamsApp, context: TurnContext): Promise<void> {
  const person = await personOf(app, context);
  if (!person) {
    await sendCard(context, await notLinkedCard(app, context), 'Your Teams account is not linked to Heard');
    return;
  }
  const reference = referenceOf(context);
  if (reference && context.activity.conversation?.conversationType === 'personal')
    await savePersonConversation(app.db.sql, person.id, reference);
  const typed = commandText(context);
  const [word = '', ...rest] = typed.split(' ');
  const argument = rest.join(' ').trim();
  switch (word.toLowerCase()) {
    case 'post':
      return postCommand(app, context, person, argument);
    case 'search': {
      if (!argument)
        return void (await context.sendActivity('Say what to look for, for example: search onboarding'));
      // In a channel or group chat everyone reads the answer: only what everyone may read.
      const conversation = context.activity.conversation;
      const scope = scopeFor(person, conversation?.id ?? '', conversation?.conversationType);
      const result = await app.search.search({ text: argument, scope, limit: 5 });
      await sendCard(
        context,
        searchResultsCard(argument, result.hits, result.total, app.hubUrl),
        `Results for ${argument}`,
      );
      return;
    }
    case 'my':
    case 'actions':
      if (word.toLowerCase() === 'actions' || argument.toLowerCase() === 'actions') {
        const conversation = context.activity.conversation;
        if (!isPersonalConversation(conversation?.id ?? '', conversation?.conversationType)) {
          await context.sendActivity('Your actions are yours: ask me in our personal chat.');
          return;
        }
        await sendCard(
          context,
          actionsCard(await listActionsFor(app.db.sql, person.id), app.hubUrl),
          'Your actions',
        );
        return;
      }
      break;
    case 'subscribe':
      await sendCard(context, await subscribeForm(app, context), 'Subscribe to a digest');
      return;
    case 'unsubscribe':
      await sendCard(context, await subscriptionsList(app, person), 'Your digests');
      return;
    case 'help':
    case '':
      await sendCard(context, helpCard(app.hubUrl), 'What you can type');
      return;
  }
  await sendCard(context, helpCard(app.hubUrl, typed), 'What you can type');
}

async function postCommand(
  app: TeamsApp,
  context: TurnContext,
  person: Parameters<typeof postInsight>[1]['actor'],
  text: string,
) {
  if (!text) {
    await context.sendActivity(
      'Say what the customer said after “post”, for example: post Acme cannot find the export button',
    );
    return;
  }
  const activity = context.activity;
  try {
    const { result, repeated } = await once(app.db.sql, `activity:${activity.id}`, async () => {
      const posted = await postInsight(app.deps, {
        actor: person,
        body: text,
        kind: 'observation',
        sentiment: 'neutral',
        source: {
          kind: 'teams',
          url: null,
          externalId: `message:${activity.conversation?.id}:${activity.id}`,
        },
      });
      return { insightId: posted.insight.id };
    });
    if (repeated) return; // Teams delivered this message twice; the first answer stands.
    const insight = await app.deps.insights.findById(result.insightId);
    if (!insight) return;
    const sent = await sendCard(
      context,
      await cardForInsight(app, insight, { withActions: true, notice: 'Posted to Heard.' }),
      insight.title,
    );
    if (sent?.id && activity.serviceUrl && activity.conversation?.id)
      await recordCard(app.db.sql, {
        insightId: insight.id,
        kind: 'insight',
        to: { serviceUrl: activity.serviceUrl, conversationId: activity.conversation.id },
        activityId: sent.id,
      });
  } catch (error) {
    if (!isDomainError(error)) throw error;
    await context.sendActivity(
      isValidationError(error) ? error.issues.map((issue) => issue.message).join(' ') : error.message,
    );
  }
}
