import { type Database, DOMAIN_EVENT_TASK } from '@heard/db';
import type { SearchIndex } from '@heard/domain';
import { Logger, type Runner, run, type TaskList } from 'graphile-worker';
import pg from 'pg';
import type { Logger as Pino } from 'pino';
import { fanOut } from './fan-out';
import { indexInsight } from './index-insight';
import { notifyInApp } from './notify-in-app';

export interface Worker {
  stop(): Promise<void>;
}

/** Starts the job worker that drains the outbox; any number may run against one database. */
export async function startWorker(
  db: Database,
  log: Pino,
  options: {
    searchIndexes: SearchIndex[];
    concurrency?: number;
    /** Jobs contributed by integrations (Slack, Teams, digests, retention…), by name. */
    tasks?: TaskList;
    /** Recurring jobs in graphile-worker's crontab syntax, one entry per line. */
    crontab?: string[];
  },
): Promise<Worker> {
  const concurrency = options.concurrency ?? 2;
  await releaseJobsOfDeadWorkers(db);
  const logger = new Logger((scope) => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[method]({ ...scope, ...meta }, message);
  });
  // Our own pool, with an error listener: when the database restarts or goes away, idle clients
  // emit 'error', and an unheard 'error' event would take the whole process down.
  const pool = new pg.Pool({ connectionString: db.url, max: concurrency + 2 });
  const lost = (error: Error) =>
    log.warn({ err: error }, 'job queue connection lost; it reconnects on its own');
  pool.on('error', lost);
  pool.on('connect', (client) => client.on('error', lost));
  const runner: Runner = await run({
    pgPool: pool,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger,
    ...(options.crontab?.length ? { crontab: options.crontab.join('\n') } : {}),
    taskList: {
      ...options.tasks,
      [DOMAIN_EVENT_TASK]: fanOut,
      'notify-in-app': notifyInApp(db.sql),
      'index-insight': indexInsight(db.sql, options.searchIndexes),
    },
  });
  return {
    async stop() {
      await runner.stop();
      await pool.end();
    },
  };
}

/** Our jobs take seconds; one locked for this long belongs to a worker that died mid-job. */
export const DEAD_WORKER_AFTER = '10 minutes';

/**
 * graphile-worker frees a crashed worker's jobs only after four hours; releasing
 * long-locked ones at start makes a restarted worker retry them at once.
 */
async function releaseJobsOfDeadWorkers(db: Database): Promise<void> {
  await db.sql`
    select graphile_worker.force_unlock_workers(array(
      select distinct locked_by from graphile_worker._private_jobs
      where locked_by is not null and locked_at < now() - ${DEAD_WORKER_AFTER}::interval))`;
}
