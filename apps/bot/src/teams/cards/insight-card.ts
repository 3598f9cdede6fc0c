import type { Insight } from '@heard/domain';
import {
  adaptiveCard,
  type Card,
  cardBytes,
  type Element,
  MAX_CARD_BYTES,
  MAX_CARD_TEXT,
  openUrl,
  rich,
  text,
  truncate,
  words,
} from './card';

/** What an insight card shows besides the insight itself. */
export interface InsightCardView {
  insight: Insight;
  reporterName: string;
  customerNames: string[];
  /** Titles of the goals the insight serves; the card is redrawn when one is linked. */
  goalTitles: string[];
  hubUrl: string;
  /** Buttons that call back into the bot; off for cards inserted into other conversations. */
  withActions: boolean;
  /** A line under the title after an action ("You said me too."). */
  notice?: string;
}

export const insightUrl = (hubUrl: string, id: string) => `${hubUrl.replace(/\/$/, '')}/insights/${id}`;

const KIND_LABELS: Record<string, string> = {
  story: 'Story',
  pain: 'Pain',
  request: 'Request',
  praise: 'Praise',
  churn_risk: 'Churn risk',
  idea: 'Idea',
  observation: 'Observation',
};

/** The card for one insight: title, what was heard, who heard it, counts, and what to do next. */
export function insightCard(view: InsightCardView, maxText?: number): Card {
  const { insight } = view;
  const url = insightUrl(view.hubUrl, insight.id);
  const body = truncate(insight.body, maxText);
  const facts: Element[] = [
    { title: 'Kind', value: KIND_LABELS[insight.kind] ?? insight.kind },
    { title: 'Reported by', value: view.reporterName },
  ];
  if (view.customerNames.length > 0)
    facts.push({ title: 'Customers', value: view.customerNames.slice(0, 5).join(', ') });
  if (view.goalTitles.length > 0)
    facts.push({ title: 'Goals', value: view.goalTitles.slice(0, 3).join(', ') });
  if (insight.tags.length > 0) facts.push({ title: 'Tags', value: insight.tags.slice(0, 8).join(', ') });
  facts.push({
    title: 'Heard',
    value: `${insight.evidenceCount + 1} customer${insight.evidenceCount === 0 ? '' : 's'} · ${insight.reactionCount} reaction${insight.reactionCount === 1 ? '' : 's'}`,
  });
  const blocks: Element[] = [
    words(truncate(insight.title, 140).text, { size: 'medium', weight: 'bolder' }),
    ...(view.notice ? [text(view.notice, { color: 'good', spacing: 'none' })] : []),
    words(body.text),
    ...(body.truncated
      ? [rich([{ text: 'Read the rest in Heard', color: 'accent', url }], { spacing: 'small' })]
      : []),
    { type: 'FactSet', facts },
  ];
  const actions: Element[] = view.withActions
    ? [
        { type: 'Action.Execute', title: 'Me too', verb: 'me-too', data: { insightId: insight.id } },
        { type: 'Action.Execute', title: 'Add evidence', verb: 'evidence', data: { insightId: insight.id } },
        openUrl('Open in Heard', url),
      ]
    : [openUrl('Open in Heard', url)];
  const card = adaptiveCard(blocks, actions);
  // A card that is still too big (many long tags or names) shows less of the text.
  return cardBytes(card) > MAX_CARD_BYTES && (maxText ?? MAX_CARD_TEXT) > 200 ? insightCard(view, 200) : card;
}
