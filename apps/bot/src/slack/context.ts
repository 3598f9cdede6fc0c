import type { Db } from '@heard/db';
import type { Deps, Person, SearchIndex } from '@heard/domain';
import type { Logger } from 'pino';
import type { SlackClient } from './api/slack-client';
import { resolvePerson } from './people';

/** What every Slack listener and job works with. */
export interface SlackContext {
  db: Db;
  deps: Deps;
  client: SlackClient;
  log: Logger;
  search: SearchIndex;
  hubUrl: string;
  /** Emoji names whose reaction captures a message. */
  captureEmoji: string[];
}

export const personFor = (ctx: SlackContext, slackUserId: string): Promise<Person | null> =>
  resolvePerson(ctx.db, ctx.client, slackUserId);
