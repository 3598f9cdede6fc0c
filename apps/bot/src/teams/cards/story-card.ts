import type { Insight } from '@heard/domain';
import { adaptiveCard, type Card, type Element, openUrl, text, truncate, words } from './card';
import { insightUrl } from './insight-card';

/** A published story as a card: headline, pull quote, summary, and the way to the whole story. */
export function storyCard(insight: Insight, customerNames: string[], hubUrl: string): Card {
  const story = insight.story;
  const url = insightUrl(hubUrl, insight.id);
  if (!story)
    return adaptiveCard([words(insight.title, { weight: 'bolder' })], [openUrl('Open in Heard', url)]);
  const blocks: Element[] = [
    text('Customer story', { isSubtle: true, size: 'small' }),
    words(truncate(story.headline, 140).text, { size: 'large', weight: 'bolder' }, { spacing: 'none' }),
  ];
  if (story.heroMedia?.kind === 'image')
    blocks.push({ type: 'Image', url: story.heroMedia.url, altText: story.heroMedia.alt, size: 'stretch' });
  if (story.pullQuote)
    blocks.push({
      type: 'Container',
      style: 'emphasis',
      items: [words(`“${truncate(story.pullQuote, 300).text}”`, { size: 'medium', italic: true })],
    });
  const summary = truncate(story.summary, 800);
  blocks.push(words(summary.text));
  if (customerNames.length > 0)
    blocks.push(words(customerNames.slice(0, 5).join(', '), { isSubtle: true, size: 'small' }));
  return adaptiveCard(blocks, [openUrl('Read the story', url)]);
}
