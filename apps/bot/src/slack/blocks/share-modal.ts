import { INSIGHT_KINDS, type InsightKind, SENTIMENTS } from '@heard/domain';
import { escapeMrkdwn, LIMITS, plain, truncate } from './text';

export const SHARE_CALLBACK = 'share_insight';

/** What the modal carries between opening and submission (Slack keeps it for us). */
export interface ShareMetadata {
  /** Channel and ts of the shared message; absent for `/heard <text>`. */
  channel?: string;
  ts?: string;
  permalink?: string;
  /** The Slack user who wrote the message. */
  author?: string;
  files?: { name: string; url: string; mimetype: string; size: number }[];
  /** Where `/heard` was typed, for the confirmation card. */
  commandChannel?: string;
}

export interface SharePrefill {
  text: string;
  metadata: ShareMetadata;
  goals: { id: string; title: string }[];
  teamName: string | null;
}

const KIND_LABELS: Record<InsightKind, string> = {
  story: 'Story',
  pain: 'Pain',
  request: 'Request',
  praise: 'Praise',
  churn_risk: 'Churn risk',
  idea: 'Idea',
  observation: 'Observation',
};

const option = (value: string, text: string) => ({ text: plain(text), value });

/** The "Share with Heard" modal, prefilled from a message or from `/heard <text>`. */
export function shareModal(prefill: SharePrefill) {
  const m = prefill.metadata;
  const shortened = prefill.text.length > LIMITS.plainTextInput;
  const about = [
    m.author ? `From <@${m.author}>` : null,
    m.permalink ? `<${m.permalink}|original message>` : null,
    m.files?.length
      ? `${m.files.length} file${m.files.length === 1 ? '' : 's'}: ${m.files.map((f) => escapeMrkdwn(f.name)).join(', ')}`
      : null,
    shortened ? 'shortened to fit Slack; the link to the original keeps the whole message' : null,
  ].filter(Boolean);
  const visibility = [
    option('everyone', 'Everyone'),
    ...(prefill.teamName ? [option('team', `My team (${prefill.teamName})`)] : []),
    option('people', 'Only the people I name'),
  ];
  return {
    type: 'modal' as const,
    callback_id: SHARE_CALLBACK,
    title: plain('Share with Heard', 24),
    submit: plain('Share', 24),
    close: plain('Cancel', 24),
    private_metadata: JSON.stringify(m).slice(0, LIMITS.privateMetadata),
    blocks: [
      ...(about.length
        ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(about.join(' · '), 3000) }] }]
        : []),
      {
        type: 'input',
        block_id: 'body',
        label: plain('What did the customer say or show you?'),
        element: {
          type: 'plain_text_input',
          action_id: 'value',
          multiline: true,
          max_length: LIMITS.plainTextInput,
          ...(prefill.text ? { initial_value: truncate(prefill.text, LIMITS.plainTextInput) } : {}),
        },
      },
      {
        type: 'input',
        block_id: 'kind',
        label: plain('Kind'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: INSIGHT_KINDS.map((k) => option(k, KIND_LABELS[k])),
          initial_option: option('observation', KIND_LABELS.observation),
        },
      },
      {
        type: 'input',
        block_id: 'sentiment',
        label: plain('How did the customer feel?'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: SENTIMENTS.map((s) => option(s, s[0]!.toUpperCase() + s.slice(1))),
          initial_option: option('neutral', 'Neutral'),
        },
      },
      {
        type: 'input',
        block_id: 'customer',
        optional: true,
        label: plain('Customer'),
        hint: plain('Type a name or an identifier (CRM number, domain…).', 150),
        element: {
          type: 'external_select',
          action_id: 'value',
          min_query_length: 0,
          placeholder: plain('Search customers'),
        },
      },
      {
        type: 'input',
        block_id: 'new_customer',
        optional: true,
        label: plain('Or a customer Heard does not know yet'),
        hint: plain('Their name; Heard matches it to a known customer when it can.', 150),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 200 },
      },
      ...(prefill.goals.length
        ? [
            {
              type: 'input',
              block_id: 'goals',
              optional: true,
              label: plain('Goals it serves'),
              element: {
                type: 'multi_static_select',
                action_id: 'value',
                options: prefill.goals.slice(0, 100).map((g) => option(g.id, g.title)),
              },
            },
          ]
        : []),
      {
        type: 'input',
        block_id: 'tags',
        optional: true,
        label: plain('Tags'),
        hint: plain('Separated by commas, e.g. onboarding, exports', 150),
        element: { type: 'plain_text_input', action_id: 'value', max_length: 500 },
      },
      {
        type: 'input',
        block_id: 'visibility',
        label: plain('Who may read it'),
        element: {
          type: 'static_select',
          action_id: 'value',
          options: visibility,
          initial_option: visibility[0],
        },
      },
      {
        type: 'input',
        block_id: 'people',
        optional: true,
        label: plain('The people I name'),
        hint: plain('Only used with "Only the people I name".', 150),
        element: { type: 'multi_users_select', action_id: 'value' },
      },
    ],
  };
}
