import { recordAudit } from '../../audit/record';
import type { Deps } from '../../deps';
import { canReadInsight } from '../../insights/visibility';
import type { Person } from '../../people/person';
import { canCurate } from '../../people/policies';
import { ForbiddenError, NotFoundError, ValidationError } from '../../shared/errors';
import type { Collection } from '../collection';

export interface ReorderCollectionInput {
  actor: Person;
  collectionId: string;
  /** The stories of the collection the actor may read, by insight id, in the new order; the others keep their places. */
  insightIds: string[];
}

/** Curators set the order a collection's stories are read in. */
export async function reorderCollection(deps: Deps, input: ReorderCollectionInput): Promise<Collection> {
  if (!canCurate(input.actor)) {
    throw new ForbiddenError('CURATION.NOT_CURATOR', 'Only curators may reorder a collection.');
  }
  const collection = await deps.collections.findById(input.collectionId);
  if (!collection) throw new NotFoundError('COLLECTION.NOT_FOUND', 'No collection with that id.');
  const items = await deps.insights.findByIds(collection.insightIds);
  const readable = collection.insightIds.filter((id) => {
    const insight = items.find((i) => i.id === id);
    return insight !== undefined && canReadInsight(input.actor, insight);
  });
  const given = input.insightIds;
  const sameSet =
    given.length === readable.length &&
    new Set(given).size === given.length &&
    given.every((id) => readable.includes(id));
  if (!sameSet) {
    throw new ValidationError([
      {
        field: 'insightIds',
        code: 'COLLECTION.ORDER_MISMATCH',
        message: 'The collection changed while you were ordering it: reload the page and try again.',
      },
    ]);
  }
  // Stories the curator may not read keep their slots; the readable ones fill theirs in the new order.
  const queue = [...given];
  const order = collection.insightIds.map((id) => (readable.includes(id) ? queue.shift()! : id));
  const now = deps.clock.now();
  return deps.transaction(async (tx) => {
    await tx.collections.setOrder(collection.id, order);
    await recordAudit(
      tx.audit,
      input.actor.id,
      'collection.reordered',
      { type: 'collection', id: collection.id },
      now,
      { insightIds: order },
    );
    return { ...collection, insightIds: order };
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
