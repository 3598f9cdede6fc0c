import { canReadInsight, type Insight } from '@heard/domain';
import type { TurnContext } from '@microsoft/agents-hosting';
import { EVERYONE_SCOPE } from './audience';
import { attachment, truncate } from './cards/card';
import { personOf } from './identity';
import { cardForInsight, cardForStory } from './insight-view';
import type { TeamsApp } from './teams-app';

interface QueryValue {
  commandId?: string;
  parameters?: { name?: string; value?: unknown }[];
  queryOptions?: { skip?: number; count?: number };
}

const result = (attachments: unknown[]) => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});

/**
 * `composeExtension/query`: insights (`searchInsights`) or published stories (`searchStories`)
 * as cards to insert into any conversation. A card inserted there is read by all its members, so
 * only insights everyone may read are offered: the search port applies that in its query, and
 * each hit is checked again before it becomes a card.
 */
export async function searchMessageExtension(app: TeamsApp, context: TurnContext) {
  const person = await personOf(app, context);
  if (!person)
    return {
      composeExtension: {
        type: 'message',
        text: 'Your Teams account is not linked to Heard. Ask a Heard admin to invite you.',
      },
    };
  const value = (context.activity.value ?? {}) as QueryValue;
  const stories = value.commandId === 'searchStories';
  const words = String(value.parameters?.find((p) => p.name === 'searchQuery')?.value ?? '').trim();
  const skip = Math.max(0, Math.trunc(Number(value.queryOptions?.skip ?? 0)) || 0);
  const count = Math.min(Math.max(Math.trunc(Number(value.queryOptions?.count ?? 10)) || 10, 1), 25);
  const found = await app.search.search({
    text: words,
    // A card inserted into a conversation is read by all its members: only what everyone may read.
    scope: EVERYONE_SCOPE,
    filters: stories ? { hasStory: true } : {},
    sort: words ? 'relevance' : 'newest',
    limit: count,
    offset: skip,
  });
  const insights = new Map(
    (await app.deps.insights.findByIds(found.hits.map((h) => h.id))).map((i) => [i.id, i]),
  );
  const readable = found.hits
    .map((hit) => insights.get(hit.id))
    .filter((i): i is Insight =>
      Boolean(
        i &&
          canReadInsight(person, i) &&
          i.visibility.scope === 'everyone' &&
          (!stories || i.story?.status === 'published'),
      ),
    );
  const attachments = await Promise.all(
    readable.map(async (insight) => {
      const story = stories && insight.story;
      const card = story
        ? await cardForStory(app, insight)
        : await cardForInsight(app, insight, { withActions: false });
      return {
        ...attachment(card),
        preview: {
          contentType: 'application/vnd.microsoft.card.thumbnail',
          content: {
            title: truncate(story ? story.headline : insight.title, 100).text,
            text: truncate(story ? story.summary : insight.body, 160).text,
          },
        },
      };
    }),
  );
  return result(attachments);
}

/** `application/search` from a card's type-ahead input: customers by name or identifier. */
export async function typeAhead(app: TeamsApp, context: TurnContext) {
  const value = (context.activity.value ?? {}) as {
    queryText?: string;
    dataset?: string;
    queryOptions?: { top?: number };
  };
  const person = await personOf(app, context);
  const results =
    person && value.dataset === 'customers'
      ? (
          await app.deps.customers.search(
            String(value.queryText ?? '').slice(0, 100),
            Math.min(value.queryOptions?.top ?? 15, 25),
          )
        ).map((c) => ({ title: c.name, value: c.id }))
      : [];
  return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } };
}
