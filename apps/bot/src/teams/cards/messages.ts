import type { ChatMessage } from '../../chat/chat-delivery';
import {
  adaptiveCard,
  type Card,
  type Element,
  openUrl,
  type Run,
  rich,
  text,
  truncate,
  words,
} from './card';

const hub = (hubUrl: string, path = '') => `${hubUrl.replace(/\/$/, '')}${path}`;

export const COMMANDS_HELP: [string, string][] = [
  ['post <text>', 'Share what a customer said; it goes to the feed like any insight.'],
  ['search <words>', 'Find insights you may read.'],
  ['my actions', 'The actions assigned to you, open ones first.'],
  ['subscribe', 'Get a digest of a goal, tag, team, segment or the published stories, daily or weekly.'],
  ['unsubscribe', 'Your digests, each with an Unsubscribe button.'],
  ['help', 'This list.'],
];

function commandList(): Element {
  return { type: 'FactSet', facts: COMMANDS_HELP.map(([title, value]) => ({ title, value })) };
}

/** Sent once when someone installs the app: what Heard is and what to type. */
export function welcomeCard(name: string | null, hubUrl: string): Card {
  return adaptiveCard(
    [
      words(`Welcome to Heard${name ? `, ${name}` : ''}`, { size: 'large', weight: 'bolder' }),
      text(
        'Heard collects what customers say so the people who can act on it hear it. Share any Teams message with the “Share with Heard” action (the … menu on a message), or type here:',
      ),
      commandList(),
      text(
        'You will also get your notifications here: goals you own, actions assigned to you, and what became of what you reported.',
        {
          isSubtle: true,
        },
      ),
    ],
    [openUrl('Open Heard', hub(hubUrl))],
  );
}

export function helpCard(hubUrl: string, unknown?: string): Card {
  return adaptiveCard(
    [
      ...(unknown ? [words(`I don't know “${truncate(unknown, 60).text}”.`, { weight: 'bolder' })] : []),
      text('What you can type', { weight: 'bolder' }),
      commandList(),
    ],
    [openUrl('Open Heard', hub(hubUrl))],
  );
}

/**
 * Someone who wrote to the bot but is not a person in Heard: show nothing of Heard, and offer a
 * one-time link (when there is one) where, signed in to the hub, they tie this account to themselves.
 */
export function notLinkedCard(hubUrl: string, linkUrl?: string): Card {
  return adaptiveCard(
    [
      text('Your Teams account is not linked to Heard', { weight: 'bolder' }),
      ...(linkUrl
        ? [
            text(
              'The email of your Microsoft account matches nobody in Heard. If you have a Heard account, open the link below, sign in, and confirm: Heard recognises you here from then on. The link works once, for an hour.',
            ),
            text('No Heard account? Ask a Heard admin to invite you.', { isSubtle: true }),
          ]
        : [
            text(
              'Ask a Heard admin to invite you with the email address of your Microsoft account; Heard recognises you by it from then on.',
            ),
          ]),
    ],
    [linkUrl ? openUrl('Link my Teams account', linkUrl) : openUrl('Open Heard', hub(hubUrl))],
  );
}

export interface ActionLine {
  title: string;
  status: string;
  goalTitle: string;
  dueDate: string | null;
}

const STATUS: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};

export function actionsCard(actions: ActionLine[], hubUrl: string): Card {
  if (actions.length === 0)
    return adaptiveCard(
      [text('No actions are assigned to you.')],
      [openUrl('Open my actions', hub(hubUrl, '/actions'))],
    );
  const shown = actions.slice(0, 15);
  return adaptiveCard(
    [
      text('Your actions', { size: 'medium', weight: 'bolder' }),
      ...shown.map((a) => ({
        type: 'Container',
        separator: true,
        items: [
          rich([
            { text: truncate(a.title, 100).text, weight: 'bolder' },
            ` — ${STATUS[a.status] ?? a.status}${a.dueDate ? `, due ${a.dueDate}` : ''}`,
          ]),
          words(truncate(a.goalTitle, 80).text, { isSubtle: true }, { spacing: 'none' }),
        ],
      })),
      ...(actions.length > shown.length
        ? [text(`and ${actions.length - shown.length} more in Heard.`, { isSubtle: true })]
        : []),
    ],
    [openUrl('Open my actions', hub(hubUrl, '/actions'))],
  );
}

/** Search hits as one card: titles linking to the hub, excerpts with the matching words in bold. */
export function searchResultsCard(
  query: string,
  hits: { id: string; title: string; snippet: string }[],
  total: number,
  hubUrl: string,
): Card {
  const more = hub(hubUrl, `/search?q=${encodeURIComponent(query)}`);
  const asked = truncate(query, 80).text;
  if (hits.length === 0)
    return adaptiveCard([words(`Nothing found for “${asked}”.`)], [openUrl('Search in Heard', more)]);
  return adaptiveCard(
    [
      words(`${total} result${total === 1 ? '' : 's'} for “${asked}”`, { weight: 'bolder' }),
      ...hits.map((h) => ({
        type: 'Container',
        separator: true,
        items: [
          rich([
            {
              text: truncate(h.title, 120).text,
              weight: 'bolder',
              color: 'accent',
              url: hub(hubUrl, `/insights/${h.id}`),
            },
          ]),
          rich(snippetRuns(h.snippet), { spacing: 'none' }),
        ],
      })),
    ],
    [openUrl('See all in Heard', more)],
  );
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
  '&#x27;': "'",
};

/** The search port gives escaped HTML with <mark> around matches; cards want text runs, matches bold. */
export function snippetRuns(snippet: string): Run[] {
  return snippet
    .split(/(<mark>.*?<\/mark>)/g)
    .filter(Boolean)
    .map((part) => {
      const marked = /^<mark>(.*)<\/mark>$/.exec(part);
      const raw = (marked ? marked[1]! : part)
        .replace(/<[^>]+>/g, '')
        .replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e]!);
      return marked ? { text: raw, weight: 'bolder' as const } : raw;
    });
}

/** A notification without a card of its own: its text, and the hub page it is about. */
export function noticeCard(message: ChatMessage): Card {
  const body = truncate(message.text, 1000);
  return adaptiveCard([words(body.text)], message.link ? [openUrl('Open in Heard', message.link)] : []);
}

/** Stands in for an insight card in a shared conversation once the insight is no longer for everyone. */
export function restrictedCard(url: string): Card {
  return adaptiveCard(
    [
      text('This insight is now visible to fewer people.', { weight: 'bolder' }),
      text('Open it in Heard if you are one of them.'),
    ],
    [openUrl('Open in Heard', url)],
  );
}

/** Replaces a card about an insight that was erased (at a customer's request, or by retention). */
export function removedCard(): Card {
  return adaptiveCard([words('This insight was removed from Heard.', { isSubtle: true, italic: true })]);
}
