import type { Insight } from '@heard/domain';
import { attachment, type Card } from './cards/card';
import { insightCard } from './cards/insight-card';
import { storyCard } from './cards/story-card';
import type { TeamsApp } from './teams-app';

/** The names a card shows beside an insight: its reporter, its customers and the goals it serves. */
async function namesFor(app: TeamsApp, insight: Insight) {
  const goalIds = insight.goals.map((g) => g.goalId);
  const [reporter, customers, goals] = await Promise.all([
    app.deps.people.findById(insight.reporterId),
    insight.customerIds.length > 0 ? app.deps.customers.findByIds(insight.customerIds) : Promise.resolve([]),
    goalIds.length > 0 ? app.deps.goals.findByIds(goalIds) : Promise.resolve([]),
  ]);
  return {
    reporterName: reporter?.name ?? 'someone',
    customerNames: customers.map((c) => c.name),
    goalTitles: goals.map((g) => g.title),
  };
}

export async function cardForInsight(
  app: TeamsApp,
  insight: Insight,
  options: { withActions: boolean; notice?: string },
): Promise<Card> {
  return insightCard({ insight, hubUrl: app.hubUrl, ...(await namesFor(app, insight)), ...options });
}

export async function cardForStory(app: TeamsApp, insight: Insight): Promise<Card> {
  return storyCard(insight, (await namesFor(app, insight)).customerNames, app.hubUrl);
}

/** A message activity carrying one card, with a text fallback for notifications and screen readers. */
export function cardMessage(card: Card, summary: string): Record<string, unknown> {
  return { type: 'message', summary, text: '', attachments: [attachment(card)] };
}
