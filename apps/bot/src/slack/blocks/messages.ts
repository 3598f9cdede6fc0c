import type { SearchHit } from '@heard/domain';
import { escapeMrkdwn, LIMITS, mrkdwn, plain, truncate } from './text';

/** A notification: its words and an "Open in Heard" button. */
export function noticeBlocks(text: string, link?: string) {
  return [
    { type: 'section', text: mrkdwn(escapeMrkdwn(text)) },
    ...(link
      ? [
          {
            type: 'actions',
            elements: [
              { type: 'button', action_id: 'open_in_heard', text: plain('Open in Heard'), url: link },
            ],
          },
        ]
      : []),
  ];
}

/** `/heard help`. */
export function helpBlocks(hubUrl: string) {
  return [
    {
      type: 'section',
      text: mrkdwn('*Heard* keeps what customers tell you where the organisation can act on it.'),
    },
    {
      type: 'section',
      text: mrkdwn(
        [
          '• `/heard <what you heard>`: share it (a form opens, prefilled)',
          '• `/heard search <words>`: find insights you may read',
          '• `/heard help`: this message',
          '• On any message: *More actions › Share with Heard*',
          '• React with :heard: (or :bulb:) to a message: Heard sends you a draft to confirm',
          `• Everything else is in the hub: ${hubUrl}`,
        ].join('\n'),
      ),
    },
  ];
}

/** `/heard search` results: the top readable hits with their excerpts. */
export function searchResultBlocks(words: string, hits: SearchHit[], total: number, hubUrl: string) {
  const all = `${hubUrl}/search?q=${encodeURIComponent(words)}`;
  if (hits.length === 0) {
    return [{ type: 'section', text: mrkdwn(`Nothing you may read matches *${escapeMrkdwn(words)}*.`) }];
  }
  return [
    {
      type: 'section',
      text: mrkdwn(`*${total}* insight${total === 1 ? ' matches' : 's match'} *${escapeMrkdwn(words)}*:`),
    },
    ...hits.map((hit) => ({
      type: 'section',
      text: mrkdwn(
        `*<${hubUrl}/insights/${hit.id}|${escapeMrkdwn(truncate(hit.title, 200))}>*\n${truncate(snippetToMrkdwn(hit.snippet), 500)}`,
      ),
    })),
    { type: 'context', elements: [{ type: 'mrkdwn', text: `<${all}|See all results in Heard>` }] },
  ];
}

/** Search snippets are HTML with <mark>; Slack wants mrkdwn with bold. */
function snippetToMrkdwn(html: string): string {
  return html
    .split(/(<\/?mark>)/)
    .map((part) => (/^<\/?mark>$/.test(part) ? '*' : escapeMrkdwn(decodeHtml(part.replace(/<[^>]*>/g, '')))))
    .join('');
}

function decodeHtml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&');
}

export const CAPTURE_CONFIRM_ACTION = 'capture_confirm';
export const CAPTURE_EDIT_ACTION = 'capture_edit';

/** The DM sent to whoever reacts with the capture emoji: the draft and a one-click share. */
export function captureDraftBlocks(
  draft: { text: string; author?: string; permalink?: string },
  key: string,
) {
  const quote = truncate(draft.text, LIMITS.sectionText - 200)
    .split('\n')
    .map((line) => `> ${escapeMrkdwn(line)}`)
    .join('\n');
  const from = [
    draft.author ? `From <@${draft.author}>` : null,
    draft.permalink ? `<${draft.permalink}|original message>` : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return [
    { type: 'section', text: mrkdwn(`Share this with Heard?\n${quote}`) },
    ...(from ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: from }] }] : []),
    {
      type: 'actions',
      block_id: 'capture',
      elements: [
        {
          type: 'button',
          action_id: CAPTURE_CONFIRM_ACTION,
          style: 'primary',
          text: plain('Share'),
          value: key,
        },
        { type: 'button', action_id: CAPTURE_EDIT_ACTION, text: plain('Add details first'), value: key },
      ],
    },
  ];
}

/** What replaces the draft once it is shared. */
export function capturedBlocks(link: string) {
  return [{ type: 'section', text: mrkdwn(`Shared with Heard: <${link}|open it in Heard>.`) }];
}

export const ME_TOO_CALLBACK = 'me_too_evidence';

/** "Me too, with my customer": which customer also says this. */
export function meTooModal(insightId: string, title: string) {
  return {
    type: 'modal' as const,
    callback_id: ME_TOO_CALLBACK,
    private_metadata: insightId,
    title: plain('Me too', 24),
    submit: plain('Add', 24),
    close: plain('Cancel', 24),
    blocks: [
      { type: 'section', text: mrkdwn(`We hear this too: *${escapeMrkdwn(truncate(title, 200))}*`) },
      {
        type: 'input',
        block_id: 'customer',
        label: plain('Which customer says it too?'),
        element: {
          type: 'external_select',
          action_id: 'value',
          min_query_length: 0,
          placeholder: plain('Search customers'),
        },
      },
      {
        type: 'input',
        block_id: 'note',
        optional: true,
        label: plain('Note'),
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 2000 },
      },
    ],
  };
}
