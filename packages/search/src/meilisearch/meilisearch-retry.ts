import { setTimeout as sleep } from 'node:timers/promises';
import {
  type EnqueuedTask,
  type Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type Task,
} from 'meilisearch';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A longer Retry-After is not waited for: the error is thrown instead. */
  maxRetryAfterMs: number;
  /** Whether a request that timed out is tried again. */
  retryTimeouts: boolean;
}

/** Writes (and prepare) wait out a busy or restarting server for a while. */
export const WRITE_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 100,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 60_000,
  retryTimeouts: true,
};
/** Reads retry once, quickly, so the PostgreSQL fallback answers soon when Meilisearch is away. */
export const READ_RETRY: RetryPolicy = {
  attempts: 2,
  baseDelayMs: 100,
  maxDelayMs: 500,
  maxRetryAfterMs: 1_000,
  retryTimeouts: false,
};

/** Retry-After (delta seconds or an HTTP date) in milliseconds; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** How long to wait before trying again after `error`, or null when it is not transient. */
export function retryDelay(error: unknown, attempt: number, policy: RetryPolicy): number | null {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt) * (0.5 + Math.random() / 2);
  if (error instanceof MeilisearchApiError) {
    const status = error.response.status;
    if (status !== 429 && status < 500) return null;
    const retryAfter = parseRetryAfter(error.response.headers.get('retry-after'));
    if (retryAfter === null) return backoff;
    return retryAfter <= policy.maxRetryAfterMs ? retryAfter : null;
  }
  if (error instanceof MeilisearchRequestError) {
    // A network failure (refused, reset, DNS) or the request timing out.
    return error.cause instanceof MeilisearchRequestTimeOutError && !policy.retryTimeouts ? null : backoff;
  }
  // The client parses every body as JSON: a proxy's HTML error page ends up here.
  if (error instanceof SyntaxError) return backoff;
  return null;
}

/** An error as one line, with the underlying cause of network failures. */
export function describeError(error: unknown): string {
  if (error instanceof MeilisearchApiError) return `HTTP ${error.response.status}: ${error.message}`;
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? error.cause : null;
    const detail = cause
      ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}`
      : '';
    return detail ? `${error.message}: ${detail}` : error.message;
  }
  return String(error);
}

export async function withRetry<T>(
  what: string,
  policy: RetryPolicy,
  log: (message: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const delay = attempt + 1 < policy.attempts ? retryDelay(error, attempt, policy) : null;
      if (delay === null) throw error;
      log(
        `Meilisearch: ${what} failed (${describeError(error)}); retrying in ${Math.round(delay)} ms ` +
          `(try ${attempt + 2} of ${policy.attempts}).`,
      );
      await sleep(delay);
    }
  }
}

/** A task that ended in `failed` or `canceled`, with Meilisearch's own message and code. */
export class MeilisearchTaskError extends Error {
  override name = 'MeilisearchTaskError';
  readonly code: string | null;
  constructor(readonly task: Task) {
    const reason = task.error ? `${task.error.message} (${task.error.code})` : 'no reason given';
    super(`Meilisearch task ${task.uid} (${task.type}) ${task.status}: ${reason}`);
    this.code = task.error?.code ?? null;
  }
}

/** Bulk indexing can queue behind other tasks; polling gives up after this. */
export const TASK_TIMEOUT_MS = 120_000;
export const TASK_POLL_MS = 50;

/** Enqueues (retrying transient failures) and polls the task until it ends; throws unless it succeeded. */
export async function runTask(
  client: Meilisearch,
  what: string,
  log: (message: string) => void,
  enqueue: () => Promise<EnqueuedTask>,
): Promise<Task> {
  const enqueued = await withRetry(what, WRITE_RETRY, log, enqueue);
  const task = await withRetry(`waiting for ${what} (task ${enqueued.taskUid})`, WRITE_RETRY, log, () =>
    client.tasks.waitForTask(enqueued.taskUid, { timeout: TASK_TIMEOUT_MS, interval: TASK_POLL_MS }),
  );
  if (task.status !== 'succeeded') throw new MeilisearchTaskError(task);
  return task;
}
