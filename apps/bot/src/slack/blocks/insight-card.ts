import type { CardFacts } from '../../chat/card-facts';
import { escapeMrkdwn, LIMITS, mrkdwn, plain, truncate } from './text';

export const ME_TOO_ACTION = 'me_too';
export const ME_TOO_CUSTOMER_ACTION = 'me_too_customer';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(facts: CardFacts): string {
  const parts = ['Shared with Heard'];
  if (facts.isPublic && facts.goalTitles.length) {
    parts.push(`linked to goal ${facts.goalTitles.map((t) => `"${escapeMrkdwn(t)}"`).join(', ')}`);
  }
  parts.push(`${facts.meToo} me-too`);
  if (facts.reactions > facts.meToo) parts.push(count(facts.reactions - facts.meToo, 'reaction'));
  if (facts.evidence) parts.push(count(facts.evidence, 'more customer', 'more customers'));
  return parts.join(' · ');
}

function buttons(facts: CardFacts, link: string) {
  return {
    type: 'actions',
    block_id: 'card_actions',
    elements: [
      { type: 'button', action_id: ME_TOO_ACTION, text: plain('Me too'), value: facts.insightId },
      {
        type: 'button',
        action_id: ME_TOO_CUSTOMER_ACTION,
        text: plain('Me too, with my customer'),
        value: facts.insightId,
      },
      { type: 'button', action_id: 'open_in_heard', text: plain('Open in Heard'), url: link },
    ],
  };
}

/**
 * The compact card replied in the thread of a shared message, updated as things happen.
 * A restricted insight's card names nothing of it: the thread may hold people outside its audience.
 */
export function insightCard(facts: CardFacts, hubUrl: string) {
  const link = `${hubUrl}/insights/${facts.insightId}`;
  const headline = facts.isPublic
    ? `*<${link}|${escapeMrkdwn(truncate(facts.title, 200))}>*`
    : '_Shared with a restricted audience._';
  return {
    text: summary(facts),
    blocks: [
      { type: 'section', text: mrkdwn(headline) },
      { type: 'context', elements: [{ type: 'mrkdwn', text: summary(facts) }] },
      buttons(facts, link),
    ],
  };
}

/** A published story, posted to the stories channel. */
export function storyCard(facts: CardFacts, hubUrl: string) {
  const story = facts.story!;
  const link = `${hubUrl}/insights/${facts.insightId}`;
  const more = { url: link, label: 'Read the rest in Heard' };
  return {
    text: `New customer story: ${story.headline}`,
    blocks: [
      { type: 'header', text: plain(story.headline, LIMITS.header) },
      {
        type: 'section',
        text: { type: 'mrkdwn', text: truncate(escapeMrkdwn(story.summary), LIMITS.sectionText, more) },
      },
      ...(story.pullQuote
        ? [
            {
              type: 'section',
              text: {
                type: 'mrkdwn',
                text: truncate(`> ${escapeMrkdwn(story.pullQuote)}`, LIMITS.sectionText, more),
              },
            },
          ]
        : []),
      { type: 'context', elements: [{ type: 'mrkdwn', text: summary(facts) }] },
      buttons(facts, link),
    ],
  };
}
