import { type Database, DOMAIN_EVENT_TASK } from '@heard/db';
import { Logger, type Runner, run } from 'graphile-worker';
import type { Logger as Pino } from 'pino';
import { fanOut } from './fan-out';
import { notifyInApp } from './notify-in-app';

/** Starts the job worker that drains the outbox; any number may run against one database. */
export async function startWorker(db: Database, log: Pino, concurrency = 2): Promise<Runner> {
  const logger = new Logger((scope) => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    log[method]({ ...scope, ...meta }, message);
  });
  return run({
    connectionString: db.url,
    concurrency,
    noHandleSignals: true,
    pollInterval: 1000,
    logger,
    taskList: {
      [DOMAIN_EVENT_TASK]: fanOut,
      'notify-in-app': notifyInApp(db.sql),
    },
  });
}
