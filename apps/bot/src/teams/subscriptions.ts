import { createDigestsHub } from '@heard/db';
import { isDomainError, type Person } from '@heard/domain';
import type { TurnContext } from '@microsoft/agents-hosting';
import {
  type SubscriptionFormValues,
  scopeChoices,
  subscriptionFieldErrors,
  subscriptionRequestFrom,
} from '../chat/subscription-form';
import type { Card } from './cards/card';
import {
  SUBSCRIBE_VERB,
  subscribeFormCard,
  subscriptionsCard,
  UNSUBSCRIBE_VERB,
} from './cards/subscribe-form';
import type { TeamsApp } from './teams-app';

export const DIGEST_VERBS = [SUBSCRIBE_VERB, UNSUBSCRIBE_VERB];

const hubOf = (app: TeamsApp) => createDigestsHub(app.db.sql, app.deps.clock);

/** The zone Teams reports for the person's client ("Europe/Berlin"), else UTC. */
const clientTimeZone = (context: TurnContext) =>
  (context.activity as { localTimezone?: string }).localTimezone || 'UTC';

/** `subscribe`: the form, with the person's own time zone and their Teams chat preselected. */
export async function subscribeForm(app: TeamsApp, context: TurnContext): Promise<Card> {
  return subscribeFormCard({
    scopes: await scopeChoices(app.deps),
    values: { timeZone: clientTimeZone(context), channel: 'teams' },
  });
}

/** `unsubscribe`: the person's subscriptions, each with its button. */
export async function subscriptionsList(app: TeamsApp, person: Person, notice?: string): Promise<Card> {
  return subscriptionsCard(await hubOf(app).subscriptionsOf(person.id), app.hubUrl, notice);
}

const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The subscribe form's submit and the Unsubscribe buttons. The answer replaces the card clicked:
 * the list after a change, or the form again with the error under its field.
 */
export async function digestCardAction(
  app: TeamsApp,
  context: TurnContext,
  person: Person,
  verb: string,
  data: Record<string, unknown>,
): Promise<Card> {
  if (verb === UNSUBSCRIBE_VERB) {
    try {
      await hubOf(app).unsubscribe(person, asText(data.subscriptionId) ?? '');
      return subscriptionsList(app, person, 'Unsubscribed: that digest will not come again.');
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return subscriptionsList(app, person, error.message);
    }
  }
  if (data.open) return subscribeForm(app, context);
  const values: SubscriptionFormValues = {
    scope: asText(data.scope),
    scopeName: asText(data.scopeName),
    cadence: asText(data.cadence),
    weekday: asText(data.weekday),
    localTime: asText(data.localTime),
    timeZone: asText(data.timeZone),
    channel: asText(data.channel),
  };
  try {
    const { created } = await hubOf(app).subscribe(person, subscriptionRequestFrom(values));
    return subscriptionsList(
      app,
      person,
      created ? 'Subscribed.' : 'You were already subscribed to that digest.',
    );
  } catch (error) {
    const errors = subscriptionFieldErrors(error, values);
    if (!errors) throw error;
    return subscribeFormCard({ scopes: await scopeChoices(app.deps), values, errors });
  }
}
