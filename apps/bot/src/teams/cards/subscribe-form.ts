import type { SubscriptionView } from '@heard/db';
import type { DigestChannel } from '@heard/domain';
import {
  CHANNEL_LABELS,
  type ScopeChoice,
  type SubscriptionFormValues,
  WEEKDAY_CHOICES,
} from '../../chat/subscription-form';
import { adaptiveCard, type Card, type Element, text, words } from './card';

export const SUBSCRIBE_VERB = 'digest-subscribe';
export const UNSUBSCRIBE_VERB = 'digest-unsubscribe';

const choices = (options: { value: string; label: string }[]) =>
  options.map((o) => ({ title: o.label, value: o.value }));

function field(
  id: keyof SubscriptionFormValues,
  label: string,
  input: Element,
  errors: Partial<Record<keyof SubscriptionFormValues, string>>,
): Element[] {
  const error = errors[id];
  return [
    { ...input, id, label },
    ...(error ? [text(error, { color: 'attention', spacing: 'none', size: 'small' })] : []),
  ];
}

/**
 * The subscribe form as an Adaptive Card: submitting it (Action.Execute) sends every input with
 * the verb. Shown again with the person's values and a message under each field to fix.
 */
export function subscribeFormCard(input: {
  scopes: ScopeChoice[];
  values: SubscriptionFormValues;
  errors?: Partial<Record<keyof SubscriptionFormValues, string>>;
}): Card {
  const v = input.values;
  const errors = input.errors ?? {};
  const channels: DigestChannel[] = ['teams', 'email', 'slack', 'web'];
  return adaptiveCard(
    [
      text('Subscribe to a digest', { weight: 'bolder', size: 'medium' }),
      ...field(
        'scope',
        'Follow',
        {
          type: 'Input.ChoiceSet',
          choices: choices(input.scopes),
          value: v.scope ?? 'stories',
          isRequired: true,
          errorMessage: 'Choose what the digest follows.',
        },
        errors,
      ),
      ...field(
        'scopeName',
        'Tag or segment (only when following one)',
        { type: 'Input.Text', value: v.scopeName ?? '', maxLength: 100, placeholder: 'billing, Enterprise…' },
        errors,
      ),
      ...field(
        'cadence',
        'How often',
        {
          type: 'Input.ChoiceSet',
          choices: [
            { title: 'Weekly', value: 'weekly' },
            { title: 'Daily', value: 'daily' },
          ],
          value: v.cadence ?? 'weekly',
        },
        errors,
      ),
      ...field(
        'weekday',
        'Day (weekly digests)',
        { type: 'Input.ChoiceSet', choices: choices(WEEKDAY_CHOICES), value: v.weekday ?? '1' },
        errors,
      ),
      ...field(
        'localTime',
        'At (your local time)',
        { type: 'Input.Time', value: v.localTime ?? '09:00' },
        errors,
      ),
      ...field(
        'timeZone',
        'Time zone',
        { type: 'Input.Text', value: v.timeZone ?? 'UTC', maxLength: 64, placeholder: 'Europe/Berlin' },
        errors,
      ),
      ...field(
        'channel',
        'Deliver by',
        {
          type: 'Input.ChoiceSet',
          choices: channels.map((c) => ({ title: CHANNEL_LABELS[c], value: c })),
          value: v.channel ?? 'teams',
        },
        errors,
      ),
    ],
    [{ type: 'Action.Execute', title: 'Subscribe', verb: SUBSCRIBE_VERB, style: 'positive' }],
  );
}

/** The person's subscriptions, each with an Unsubscribe button; a notice on top after a change. */
export function subscriptionsCard(subscriptions: SubscriptionView[], hubUrl: string, notice?: string): Card {
  const rows: Element[] = subscriptions.slice(0, 20).map((s) => ({
    type: 'ColumnSet',
    separator: true,
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        items: [
          words(s.scopeLabel, { weight: 'bolder' }),
          text(`${s.cadenceLabel}, by ${CHANNEL_LABELS[s.channel]}`, { isSubtle: true, spacing: 'none' }),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        verticalContentAlignment: 'center',
        items: [
          {
            type: 'ActionSet',
            actions: [
              {
                type: 'Action.Execute',
                title: 'Unsubscribe',
                verb: UNSUBSCRIBE_VERB,
                data: { subscriptionId: s.id },
              },
            ],
          },
        ],
      },
    ],
  }));
  return adaptiveCard(
    [
      ...(notice ? [text(notice, { weight: 'bolder' })] : []),
      text('Your digests', { weight: 'bolder', size: 'medium' }),
      ...(rows.length ? rows : [text('No digests. Type “subscribe” to hear a goal, tag or team regularly.')]),
    ],
    [
      { type: 'Action.Execute', title: 'Subscribe to another', verb: SUBSCRIBE_VERB, data: { open: true } },
      { type: 'Action.OpenUrl', title: 'Settings in Heard', url: `${hubUrl.replace(/\/$/, '')}/settings` },
    ],
  );
}
