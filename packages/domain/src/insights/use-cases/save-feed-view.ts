import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { IssueCollector, NotFoundError } from '../../shared/errors';
import { checkText } from '../../shared/validate';
import { MAX_SAVED_VIEW_NAME, MAX_SAVED_VIEWS, type SavedView } from '../saved-view';

export interface SaveFeedViewInput {
  actor: Person;
  name: string;
  /** The feed's query string (filters and sort), already reduced to known keys by the edge. */
  query: string;
}

/** Names the feed's current filters and sort so the person can return to them in one click. */
export async function saveFeedView(deps: Deps, input: SaveFeedViewInput): Promise<SavedView> {
  const issues = new IssueCollector();
  checkText(issues, 'name', input.name, {
    label: 'The name',
    code: 'SAVED_VIEW.NAME',
    required: true,
    max: MAX_SAVED_VIEW_NAME,
  });
  const name = input.name.trim();
  const existing = await deps.savedViews.listByPerson(input.actor.id);
  if (name && existing.some((v) => v.name.toLowerCase() === name.toLowerCase())) {
    issues.add(
      'name',
      'SAVED_VIEW.NAME.TAKEN',
      `You already have a view named "${name}": pick another name.`,
    );
  }
  if (existing.length >= MAX_SAVED_VIEWS) {
    issues.add(
      'name',
      'SAVED_VIEW.TOO_MANY',
      `You have ${MAX_SAVED_VIEWS} saved views, the most one person may keep: delete one first.`,
    );
  }
  issues.throwIfAny();
  return deps.savedViews.add({
    personId: input.actor.id,
    name,
    query: input.query.replace(/^\?/, ''),
    createdAt: deps.clock.now(),
  });
}

/** Deletes one of the person's own saved views; someone else's answers as unknown. */
export async function deleteFeedView(deps: Deps, input: { actor: Person; viewId: string }): Promise<void> {
  const removed = await deps.savedViews.remove(input.viewId, input.actor.id);
  if (!removed) throw new NotFoundError('SAVED_VIEW.NOT_FOUND', 'You have no saved view with that id.');
}

/** The person's saved views, by name. */
export function listFeedViews(deps: Deps, input: { actor: Person }): Promise<SavedView[]> {
  return deps.savedViews.listByPerson(input.actor.id);
}
