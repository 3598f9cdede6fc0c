import type { Db } from '@heard/db';
import type { ChatPlatform } from './chat-delivery';

/**
 * Claims a delivery key once: true the first time, false for a retry or duplicate of it.
 * `result` keeps what a later step needs (a captured draft, a sent message's ref).
 */
export async function claimReceipt(
  db: Db,
  platform: ChatPlatform,
  key: string,
  result: unknown = null,
): Promise<boolean> {
  const rows = await db`
    insert into chat_receipts (platform, key, result) values (${platform}, ${key}, ${result as never}::jsonb)
    on conflict do nothing returning key`;
  return rows.length === 1;
}

/** Whether a key was claimed before (a notice already sent on that platform). */
export async function hasReceipt(db: Db, platform: ChatPlatform, key: string): Promise<boolean> {
  const [row] = await db`select 1 from chat_receipts where platform = ${platform} and key = ${key}`;
  return Boolean(row);
}

/** What was stored with a key, or null when it was never claimed. */
export async function readReceipt<T>(db: Db, platform: ChatPlatform, key: string): Promise<T | null> {
  const [row] = await db`select result from chat_receipts where platform = ${platform} and key = ${key}`;
  return row ? (row.result as T) : null;
}

/** Adds a job outside the outbox (chat-only follow-ups); the key keeps a repeat from doubling it. */
export async function enqueueJob(db: Db, task: string, payload: unknown, jobKey: string): Promise<void> {
  await db`select graphile_worker.add_job(${task}, ${payload as never}::json,
           job_key => ${jobKey}, job_key_mode => 'preserve_run_at', max_attempts => 25)`;
}
