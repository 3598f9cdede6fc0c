import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { describeInsightEvent, type HistoryEntry } from '../history';
import { loadReadableInsight } from '../load-readable';

export interface ListInsightHistoryInput {
  actor: Person;
  insightId: string;
}

/** What happened to an insight (posted, edited, triaged, linked, merged, story), newest first. */
export async function listInsightHistory(
  deps: Deps,
  input: ListInsightHistoryInput,
): Promise<HistoryEntry[]> {
  const insight = await loadReadableInsight(deps, input.actor, input.insightId);
  const events = await deps.insightHistory.listForInsight(insight.id);
  const goalIds = [
    ...new Set(events.flatMap((e) => (typeof e.details.goalId === 'string' ? [e.details.goalId] : []))),
  ];
  const goals = goalIds.length > 0 ? await deps.goals.findByIds(goalIds) : [];
  const titles = new Map(goals.map((g) => [g.id, g.title]));
  return events
    .map((event) => describeInsightEvent(event, titles))
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}
