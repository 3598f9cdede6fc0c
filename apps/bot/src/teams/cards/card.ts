/**
 * Adaptive Card helpers shared by every Teams card. Cards are plain JSON (schema 1.4, the
 * version Teams needs for `Action.Execute`); these keep them small and their text safe.
 */
export type Card = Record<string, unknown>;
export type Element = Record<string, unknown>;

export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Teams refuses messages over about 28 KB; cards stay well below so the envelope fits too. */
export const MAX_CARD_BYTES = 24_000;
/** Longest body text a card shows; the rest is one click away in the hub. */
export const MAX_CARD_TEXT = 700;

export function adaptiveCard(body: Element[], actions: Element[] = []): Card {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/** The wrapper Teams expects around a card in a message, a dialog or a search result. */
export function attachment(card: Card): { contentType: string; content: Card } {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

/** Cuts text at a word boundary and says so, so a long insight still fits in a card. */
export function truncate(text: string, max = MAX_CARD_TEXT): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return { text: `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`, truncated: true };
}

/** A piece of text in a RichTextBlock: plain words, optionally bold, coloured or a link. */
export type Run =
  | string
  | {
      text: string;
      weight?: 'bolder' | 'lighter';
      size?: 'small' | 'medium' | 'large';
      color?: 'good' | 'attention' | 'accent';
      isSubtle?: boolean;
      italic?: boolean;
      url?: string;
    };

export type RunStyle = Omit<Exclude<Run, string>, 'text'>;

/**
 * Text people wrote goes into RichTextBlock text runs, which Teams shows as written: a TextBlock
 * would read its markdown, so "*urgent*" or "[click](…)" in a customer's words would turn into
 * formatting or links. TextBlocks are kept for Heard's own words.
 */
export function rich(runs: Run[], options: Element = {}): Element {
  return {
    type: 'RichTextBlock',
    inlines: runs.map((run) => {
      if (typeof run === 'string') return { type: 'TextRun', text: run };
      const { url, ...style } = run;
      return { type: 'TextRun', ...style, ...(url ? { selectAction: { type: 'Action.OpenUrl', url } } : {}) };
    }),
    ...options,
  };
}

/** One run of someone's words as a block. */
export function words(value: string, style: RunStyle = {}, options: Element = {}): Element {
  return rich([{ text: value, ...style }], options);
}

export function text(value: string, options: Element = {}): Element {
  return { type: 'TextBlock', text: value, wrap: true, ...options };
}

export function openUrl(title: string, url: string): Element {
  return { type: 'Action.OpenUrl', title, url };
}

export function cardBytes(card: Card): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** A red line at the top of a form saying what to fix. */
export function errorBlock(message: string): Element {
  return text(message, { color: 'attention', weight: 'bolder', id: 'error' });
}
