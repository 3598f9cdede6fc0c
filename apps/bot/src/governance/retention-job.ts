import { applyRetention, type Database } from '@heard/db';
import type { Task } from 'graphile-worker';
import type { Logger } from 'pino';

export const APPLY_RETENTION_TASK = 'apply-retention';

/** Every night at 03:00 UTC (graphile-worker crontab); a missed night is not backfilled, the next run catches up. */
export const RETENTION_CRONTAB = `0 3 * * * ${APPLY_RETENTION_TASK}`;

/** Applies the retention policies and logs what it did; the report is also kept for the admin page. */
export function applyRetentionTask(db: Database, log: Logger, now: () => Date = () => new Date()): Task {
  return async () => {
    const report = await applyRetention(db.sql, { now: now(), onProgress: (m) => log.debug(m) });
    log.info(
      {
        total: report.total,
        items: report.items.map(
          (i) => `${i.data}${i.source ? `/${i.source}` : ''}: ${i.affected} (${i.held} held)`,
        ),
      },
      `retention applied: ${report.total} records anonymised or deleted`,
    );
  };
}
