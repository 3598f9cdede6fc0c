import type { DomainEvent } from '@heard/domain';
import type { Task } from 'graphile-worker';
import { SUBSCRIBERS } from './subscribers';

/**
 * The outbox's first stop: one job per subscriber, added in one transaction so
 * a crash mid-way adds none; the job key keeps a retried fan-out from doubling them.
 */
export const fanOut: Task = async (payload, helpers) => {
  const event = payload as DomainEvent;
  const tasks = SUBSCRIBERS[event.type] ?? [];
  if (tasks.length === 0) return;
  await helpers.withPgClient(async (client) => {
    await client.query('begin');
    try {
      for (const task of tasks) {
        await client.query(
          'select graphile_worker.add_job($1, $2::json, job_key => $3, max_attempts => 25)',
          [task, JSON.stringify(event), `${task}:${helpers.job.id}`],
        );
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  });
};
