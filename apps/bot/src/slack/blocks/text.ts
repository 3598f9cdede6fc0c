/** Slack's limits on the blocks we fill with people's text. */
export const LIMITS = {
  sectionText: 3000,
  plainTextInput: 3000,
  optionText: 75,
  buttonValue: 2000,
  privateMetadata: 3000,
  header: 150,
  blocksPerMessage: 50,
} as const;

/** Text inside mrkdwn must not open links or mentions of its own. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to fit a limit, ending with an ellipsis (and a link to the rest when there is one). */
export function truncate(text: string, max: number, more?: { url: string; label: string }): string {
  if (text.length <= max) return text;
  const tail = more ? `… <${more.url}|${more.label}>` : '…';
  return `${text.slice(0, Math.max(0, max - tail.length)).trimEnd()}${tail}`;
}

export const plain = (text: string, max: number = LIMITS.optionText) => ({
  type: 'plain_text' as const,
  text: truncate(text, max),
  emoji: true,
});

export const mrkdwn = (text: string) => ({
  type: 'mrkdwn' as const,
  text: truncate(text, LIMITS.sectionText),
});
