import { type Db, loadSearchDocuments } from '@heard/db';
import type { DomainEvent, SearchIndex } from '@heard/domain';
import type { Task } from 'graphile-worker';

/**
 * Brings one insight's search entry up to date in every index: upserted while
 * the insight exists, removed once it is gone. Reading the current row (not
 * the event) makes retries and out-of-order deliveries converge.
 */
export function indexInsight(db: Db, indexes: SearchIndex[]): Task {
  return async (payload) => {
    const event = payload as DomainEvent;
    if (!('insightId' in event)) return;
    const documents = await loadSearchDocuments(db, { ids: [event.insightId] });
    for (const index of indexes) {
      if (documents.length > 0) await index.upsert(documents);
      else await index.remove([event.insightId]);
    }
  };
}
