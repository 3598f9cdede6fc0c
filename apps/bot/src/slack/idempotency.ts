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
 * Runs first for every delivery, over HTTP or Socket Mode. Commands, shortcuts and buttons are
 * acknowledged here, before any database work, so Slack's three seconds never depend on the
 * database (their listeners do not ack again; Bolt acknowledges events itself). Then a retry
 * (`X-Slack-Retry-Num`) or a duplicate of something already handled goes no further. The key is
 * claimed before the work, so a crash mid-way is not redone; the work itself mostly queues jobs,
 * which retry on their own.
 */
export function acknowledgeAndIgnoreRepeats(
  db: Db,
  log: Logger,
  /** Listeners running at once after their ack; more wait their turn, so a burst cannot starve new acks. */
  concurrency = 4,
): Middleware<AnyMiddlewareArgs> {
  const limit = createLimit(concurrency);
  return async (args) => {
    const key = receiptKey(args.body as Body);
    if (!key) return args.next();
    if ('ack' in args && typeof args.ack === 'function') await (args.ack as () => Promise<void>)();
    await limit(async () => {
      if (!(await claimReceipt(db, 'slack', key))) {
        log.info({ key }, 'Slack delivery seen before; ignored');
        return;
      }
      await args.next();
    });
  };
}

/** At most `size` tasks at once, the rest in arrival order. */
export function createLimit(size: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
