import type { DomainEvent, EventOutbox } from '@heard/domain';
import type { Db } from './db';

/** The job every domain event starts as; its handler fans it out to one job per subscriber. */
export const DOMAIN_EVENT_TASK = 'domain-event';

/**
 * Publishes by adding a job in the caller's transaction: the job exists if and
 * only if the write that caused it was committed.
 */
export function createOutbox(db: Db): EventOutbox {
  return {
    async publish(event: DomainEvent) {
      await db`select graphile_worker.add_job(${DOMAIN_EVENT_TASK}, ${event as never}::json, max_attempts => 25)`;
    },
  };
}
