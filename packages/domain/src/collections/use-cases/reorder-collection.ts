import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Collection } from '../collection';

export interface ReorderCollectionInput {
  actor: Person;
  collectionId: string;
  /** Every story of the collection, by its insight id, in the new order. */
  insightIds: string[];
}

/** Curators set the order a collection's stories are read in. */
export async function reorderCollection(deps: Deps, input: ReorderCollectionInput): Promise<Collection> {
  if (!canCurate(input.actor)) {
    throw new ForbiddenError('CURATION.NOT_CURATOR', 'Only curators may reorder a collection.');
  }
  const collection = await deps.collections.findById(input.collectionId);
  if (!collection) throw new NotFoundError('COLLECTION.NOT_FOUND', 'No collection with that id.');
  const given = input.insightIds;
  const sameSet =
    given.length === collection.insightIds.length &&
    new Set(given).size === given.length &&
    given.every((id) => collection.insightIds.includes(id));
  if (!sameSet) {
    throw new ValidationError([
      {
        field: 'insightIds',
        code: 'COLLECTION.ORDER_MISMATCH',
        message: 'The collection changed while you were ordering it: reload the page and try again.',
      },
    ]);
  }
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    await tx.collections.setOrder(collection.id, given);
    await recordAudit(
      tx.audit,
      input.actor.id,
      'collection.reordered',
      { type: 'collection', id: collection.id },
      now,
      {
        insightIds: given,
      },
    );
    return { ...collection, insightIds: [...given] };
  });
}

/** The new order after moving one story a step up (-1) or down (+1); at an end nothing moves. */
export function moveInOrder(ids: readonly string[], id: string, step: -1 | 1): string[] {
  const order = [...ids];
  const from = order.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}
