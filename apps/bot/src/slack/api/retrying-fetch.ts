import type { Logger } from 'pino';

/** How the one Slack client retries; tests shorten the waits. */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** First backoff after a transient failure; doubles each time. */
  baseDelayMs: number;
  /** Longest wait honoured from a 429 Retry-After before giving up (the job queue retries later). */
  maxRetryAfterMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxRetryAfterMs: 60_000 };

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The fetch every Slack call goes through (Web API and response_url): waits out 429 Retry-After,
 * retries 5xx and network failures with backoff, and after the last attempt hands back the
 * failing response (or throws) so the caller's job fails and the queue retries it later.
 * @slack/web-api retries network errors but neither 5xx nor, once configured to reject them, 429s:
 * doing it here keeps one policy for every call.
 */
export function retryingFetch(log: Logger, policy: RetryPolicy = DEFAULT_RETRY_POLICY): typeof fetch {
  const sleep = policy.sleep ?? delay;
  return async (input, init) => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= policy.attempts; attempt++) {
      const last = attempt === policy.attempts;
      try {
        // Looked up at call time so a fetch installed later (msw in tests) is honoured.
        const response = await globalThis.fetch(input, init);
        if (response.status === 429 && !last) {
          const seconds = Number.parseInt(response.headers.get('retry-after') ?? '1', 10);
          const waitMs = (Number.isNaN(seconds) ? 1 : seconds) * 1000;
          if (waitMs > policy.maxRetryAfterMs) return response;
          log.warn({ url: String(input), retryAfterSeconds: seconds }, 'Slack rate limit; waiting');
          void response.body?.cancel().catch(() => {});
          await sleep(waitMs);
          continue;
        }
        if (response.status >= 500 && !last) {
          log.warn({ url: String(input), status: response.status, attempt }, 'Slack failed; retrying');
          void response.body?.cancel().catch(() => {});
          await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
          continue;
        }
        return response;
      } catch (error) {
        lastError = error;
        if (last) break;
        log.warn({ url: String(input), err: error, attempt }, 'Slack unreachable; retrying');
        await sleep(policy.baseDelayMs * 2 ** (attempt - 1));
      }
    }
    throw lastError;
  };
}
