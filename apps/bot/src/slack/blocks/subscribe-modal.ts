import type { DigestChannel } from '@heard/domain';
import {
  CHANNEL_LABELS,
  type ScopeChoice,
  type SubscriptionFormValues,
  WEEKDAY_CHOICES,
} from '../../chat/subscription-form';
import { plain } from './text';

export const SUBSCRIBE_CALLBACK = 'digest_subscribe_form';

/** Where each field of the subscribe form sits in the modal, so an error shows under it. */
export const SUBSCRIBE_BLOCKS: Record<keyof SubscriptionFormValues, string> = {
  scope: 'scope',
  scopeName: 'scope_name',
  cadence: 'cadence',
  weekday: 'weekday',
  localTime: 'local_time',
  timeZone: 'time_zone',
  channel: 'channel',
};

const option = (value: string, label: string) => ({ text: plain(label), value });

function select(
  blockId: string,
  label: string,
  options: { value: string; label: string }[],
  initial?: string,
) {
  const first = options.find((o) => o.value === initial);
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    element: {
      type: 'static_select',
      action_id: 'value',
      // Slack allows 100 options in a select: stories, tag and segment first and last stay.
      options: options.slice(0, 100).map((o) => option(o.value, o.label)),
      ...(first ? { initial_option: option(first.value, first.label) } : {}),
    },
  };
}

/** The subscribe form: what to follow, how often, when (in the person's zone) and where it arrives. */
export function subscribeModal(input: { scopes: ScopeChoice[]; timeZone: string }) {
  const scopes =
    input.scopes.length > 100 ? [...input.scopes.slice(0, 97), ...input.scopes.slice(-2)] : input.scopes;
  return {
    type: 'modal' as const,
    callback_id: SUBSCRIBE_CALLBACK,
    title: plain('Subscribe to a digest', 24),
    submit: plain('Subscribe', 24),
    close: plain('Cancel', 24),
    blocks: [
      select('scope', 'Follow', scopes, 'stories'),
      {
        type: 'input',
        block_id: 'scope_name',
        optional: true,
        label: plain('Tag or segment'),
        hint: plain('Only when following a tag or a customer segment, e.g. billing or Enterprise.', 150),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 100 },
      },
      select(
        'cadence',
        'How often',
        [
          { value: 'weekly', label: 'Weekly' },
          { value: 'daily', label: 'Daily' },
        ],
        'weekly',
      ),
      select('weekday', 'Day (weekly digests)', WEEKDAY_CHOICES, '1'),
      {
        type: 'input',
        block_id: 'local_time',
        label: plain('At (your local time)'),
        element: { type: 'timepicker', action_id: 'value', initial_time: '09:00' },
      },
      {
        type: 'input',
        block_id: 'time_zone',
        label: plain('Time zone'),
        hint: plain('An IANA name such as Europe/Berlin or America/New_York.', 150),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          initial_value: input.timeZone,
          max_length: 64,
        },
      },
      select(
        'channel',
        'Deliver by',
        (['slack', 'email', 'teams', 'web'] as DigestChannel[]).map((c) => ({
          value: c,
          label: CHANNEL_LABELS[c],
        })),
        'slack',
      ),
    ],
  };
}

type StateValues = Record<string, Record<string, Record<string, unknown>>>;

/** The form's values as the shared parser reads them. */
export function subscribeFormValues(values: StateValues): SubscriptionFormValues {
  const field = (block: string) => values[block]?.value ?? {};
  const selected = (block: string) =>
    (field(block).selected_option as { value?: string } | null | undefined)?.value ?? undefined;
  return {
    scope: selected('scope'),
    scopeName: (field('scope_name').value as string | null) ?? undefined,
    cadence: selected('cadence'),
    weekday: selected('weekday'),
    localTime: (field('local_time').selected_time as string | null) ?? undefined,
    timeZone: (field('time_zone').value as string | null) ?? undefined,
    channel: selected('channel'),
  };
}
