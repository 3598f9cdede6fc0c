import {
  addEvidence,
  isDomainError,
  isValidationError,
  loadReadableInsight,
  ME_TOO,
  reactToInsight,
} from '@heard/domain';
import type { TurnContext } from '@microsoft/agents-hosting';
import { isPersonalConversation } from './audience';
import type { Card } from './cards/card';
import { evidenceForm } from './cards/evidence-form';
import { insightUrl } from './cards/insight-card';
import { restrictedCard } from './cards/messages';
import { notLinkedCard, personOf } from './identity';
import { cardForInsight } from './insight-view';
import { SUGGESTED_CUSTOMERS } from './share';
import { findCardByMessage, once } from './store';
import { DIGEST_VERBS, digestCardAction } from './subscriptions';
import type { TeamsApp } from './teams-app';

const cardResponse = (card: Card) => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  value: card,
});
const messageResponse = (message: string) => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: message,
});

/**
 * `adaptiveCard/action` (Universal Actions) from an insight card: "Me too", "Add evidence" and
 * its form. The answer is the card to show in place of the one clicked.
 */
export async function cardAction(app: TeamsApp, context: TurnContext) {
  const activity = context.activity;
  const value = (activity.value ?? {}) as { action?: { verb?: string; data?: Record<string, unknown> } };
  const verb = value.action?.verb ?? '';
  const data = value.action?.data ?? {};
  const insightId = typeof data.insightId === 'string' ? data.insightId : '';
  const person = await personOf(app, context);
  if (!person) return cardResponse(await notLinkedCard(app, context));
  if (DIGEST_VERBS.includes(verb))
    return cardResponse(await digestCardAction(app, context, person, verb, data));
  try {
    // Checked like any read: a restricted insight answers exactly like a missing one.
    const insight = await loadReadableInsight(app.deps, person, insightId);
    const conversation = activity.conversation;
    if (
      insight.visibility.scope !== 'everyone' &&
      !isPersonalConversation(conversation?.id ?? '', conversation?.conversationType)
    )
      return cardResponse(restrictedCard(insightUrl(app.hubUrl, insight.id)));
    switch (verb) {
      case 'me-too': {
        const { added } = await reactToInsight(app.deps, { actor: person, insightId, emoji: ME_TOO });
        const fresh = (await app.deps.insights.findById(insightId)) ?? insight;
        return cardResponse(
          await cardForInsight(app, fresh, {
            withActions: true,
            notice: added ? 'You said me too.' : 'You had already said me too.',
          }),
        );
      }
      case 'evidence':
        return cardResponse(evidenceForm(insight, await suggestedCustomers(app)));
      case 'add-evidence': {
        const customerId = String(data.customerId ?? '')
          .split(',')[0]!
          .trim();
        if (!customerId)
          return cardResponse(
            evidenceForm(insight, await suggestedCustomers(app), 'Pick the customer who says this too.'),
          );
        await once(app.db.sql, `activity:${activity.id}`, async () => {
          const evidence = await addEvidence(app.deps, {
            actor: person,
            insightId,
            customerId,
            note: typeof data.note === 'string' ? data.note : null,
          });
          return { evidenceId: evidence.id };
        });
        const fresh = (await app.deps.insights.findById(insightId)) ?? insight;
        return cardResponse(
          await cardForInsight(app, fresh, { withActions: true, notice: 'Evidence added. Thank you.' }),
        );
      }
      case 'show':
        return cardResponse(await cardForInsight(app, insight, { withActions: true }));
      default:
        return messageResponse('Heard does not know that button.');
    }
  } catch (error) {
    if (!isDomainError(error)) throw error;
    if (verb === 'add-evidence' && isValidationError(error))
      return cardResponse(
        evidenceForm(
          { id: insightId, title: String(data.title ?? 'this insight') },
          await suggestedCustomers(app),
          error.issues.map((i) => i.message).join(' '),
        ),
      );
    return messageResponse(error.message);
  }
}

const suggestedCustomers = async (app: TeamsApp) =>
  (await app.deps.customers.search('', SUGGESTED_CUSTOMERS)).map((c) => ({ id: c.id, name: c.name }));

/** A Teams reaction (like, heart…) on a card Heard posted counts as a reaction on its insight. */
export async function reactionsAdded(app: TeamsApp, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const replyTo = activity.replyToId;
  if (!replyTo || !activity.conversation?.id) return;
  const insightId = await findCardByMessage(app.db.sql, activity.conversation.id, replyTo);
  if (!insightId) return;
  const person = await personOf(app, context);
  if (!person) return;
  for (const reaction of activity.reactionsAdded ?? []) {
    try {
      await reactToInsight(app.deps, { actor: person, insightId, emoji: String(reaction.type ?? 'like') });
    } catch (error) {
      if (!isDomainError(error)) throw error;
    }
  }
}
