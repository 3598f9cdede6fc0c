import { LogLevel, type Logger as SlackLogger, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import { DEFAULT_RETRY_POLICY, type RetryPolicy, retryingFetch } from './retrying-fetch';

export type SlackClient = webApi.WebClient;

/** Bolt and the Web API log through our pino logger, never to the console. */
export function slackLogger(log: Logger): SlackLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => log.debug(msg.map(String).join(' ')),
    info: (...msg) => log.debug(msg.map(String).join(' ')),
    warn: (...msg) => log.warn(msg.map(String).join(' ')),
    error: (...msg) => log.error(msg.map(String).join(' ')),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

/** Options shared by Bolt's own client (and its response_url calls) and ours. */
export function slackClientOptions(log: Logger, policy: RetryPolicy = DEFAULT_RETRY_POLICY) {
  return {
    logger: slackLogger(log),
    fetch: retryingFetch(log, policy),
    // Retries and 429 waits happen once, in retryingFetch; a 429 that outlasts them is an error.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  } satisfies webApi.WebClientOptions;
}

/** The one Slack Web API client: every call honours 429 Retry-After and retries transient failures. */
export function createSlackClient(token: string, log: Logger, policy?: RetryPolicy): SlackClient {
  return new webApi.WebClient(token, slackClientOptions(log, policy));
}
