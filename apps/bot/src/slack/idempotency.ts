import type { Db } from '@heard/db';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';
import { claimReceipt } from '../chat/receipts';

type Body = Record<string, unknown>;

/**
 * The key a retried or duplicated delivery shares with the first: the event id for events, the
 * trigger id for commands, shortcuts and buttons. View submissions are not keyed here: a form sent
 * back with errors is submitted again under the same view id, and postInsight already refuses to
 * post one source message twice.
 */
export function receiptKey(body: Body): string | null {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `event:${body.event_id}`;
  if (typeof body.command === 'string' && typeof body.trigger_id === 'string')
    return `command:${body.trigger_id}`;
  if (
    (body.type === 'message_action' || body.type === 'shortcut' || body.type === 'block_actions') &&
    typeof body.trigger_id === 'string'
  ) {
    return `${body.type}:${body.trigger_id}`;
  }
  return null;
}

/**
 * Runs first for every delivery, over HTTP or Socket Mode: a retry (`X-Slack-Retry-Num`) or a
 * duplicate of something already handled is acknowledged and goes no further. The key is claimed
 * before the work, so a crash mid-way is not redone; the work itself only queues jobs, which retry.
 */
export function ignoreRepeats(db: Db, log: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = receiptKey(args.body as Body);
    if (key && !(await claimReceipt(db, 'slack', key))) {
      log.info({ key }, 'Slack delivery seen before; ignored');
      if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  };
}
