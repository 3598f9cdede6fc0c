import type { Db } from '../repositories/db';

/**
 * Counts attempts (failed sign-ins, password-reset requests) per key over a sliding window.
 *
 * A small PostgreSQL table rather than a library: every web process shares the count without
 * another service, and `rate-limiter-flexible` (the well-kept option) speaks `pg`, not the
 * postgres.js pool the rest of Heard uses. Timestamps come from the database's clock, so
 * processes on machines whose clocks drift still agree.
 */
export function createAttemptLimiter(db: Db) {
  return {
    /**
     * Whether any key has reached its limit within the window; if so, the seconds until the
     * oldest attempt that keeps it there leaves the window.
     */
    async check(
      limits: { key: string; max: number }[],
      windowSeconds: number,
    ): Promise<{ limited: false } | { limited: true; retryAfterSeconds: number }> {
      let wait = 0;
      for (const { key, max } of limits) {
        // The max-th newest attempt: once it leaves the window, fewer than `max` remain.
        const [row] = await db`
          select extract(epoch from (at + make_interval(secs => ${windowSeconds}) - now()))::float8 as wait
          from auth_attempts
          where key = ${key} and at > now() - make_interval(secs => ${windowSeconds})
          order by at desc offset ${max - 1} limit 1`;
        if (row) wait = Math.max(wait, Math.ceil(Number(row.wait)));
      }
      return wait > 0 ? { limited: true, retryAfterSeconds: wait } : { limited: false };
    },
    /** Records one attempt under each key, and prunes what has left the window. */
    async record(keys: string[], windowSeconds: number): Promise<void> {
      if (keys.length === 0) return;
      await db`insert into auth_attempts (key) select unnest(${keys}::text[])`;
      await db`delete from auth_attempts where at < now() - make_interval(secs => ${windowSeconds})`;
    },
    /** Forgets a key's attempts (a successful sign-in clears its email's counter). */
    async clear(key: string): Promise<void> {
      await db`delete from auth_attempts where key = ${key}`;
    },
  };
}

export type AttemptLimiter = ReturnType<typeof createAttemptLimiter>;
