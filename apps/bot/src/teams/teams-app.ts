import type { Database } from '@heard/db';
import type { Deps, SearchIndex } from '@heard/domain';
import type { Logger } from 'pino';
import type { TeamsConnector } from './connector';
import type { TeamsSettings } from './settings';

/** Everything the Teams handlers and jobs share, built once when the integration starts. */
export interface TeamsApp {
  settings: TeamsSettings;
  db: Database;
  deps: Deps;
  search: SearchIndex;
  hubUrl: string;
  log: Logger;
  connector: TeamsConnector;
}
