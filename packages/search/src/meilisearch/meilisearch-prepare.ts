import { type IndexObject, type Meilisearch, MeilisearchApiError } from 'meilisearch';
import { INDEX_SETTINGS, settingsToUpdate } from './meilisearch-documents';
import { MeilisearchTaskError, runTask, WRITE_RETRY, withRetry } from './meilisearch-retry';

/** Creates the index when missing (primary key `id`), or gives it that primary key when it has none. */
async function ensureIndex(client: Meilisearch, uid: string, log: (message: string) => void): Promise<void> {
  let info: IndexObject | null = null;
  try {
    info = await withRetry(`reading index ${uid}`, WRITE_RETRY, log, () => client.getRawIndex(uid));
  } catch (error) {
    if (!(error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found')) throw error;
  }
  if (info === null) {
    log(`Meilisearch: creating index ${uid}.`);
    try {
      await runTask(client, `creating index ${uid}`, log, () =>
        client.createIndex(uid, { primaryKey: 'id' }),
      );
    } catch (error) {
      // Another instance created it first: fine.
      if (!(error instanceof MeilisearchTaskError && error.code === 'index_already_exists')) throw error;
    }
  } else if (info.primaryKey == null) {
    await runTask(client, `setting the primary key of ${uid}`, log, () =>
      client.updateIndex(uid, { primaryKey: 'id' }),
    );
  } else if (info.primaryKey !== 'id') {
    throw new Error(`Meilisearch index ${uid} has primary key "${info.primaryKey}", expected "id".`);
  }
}

/**
 * Idempotent: the index is created only when missing, and settings are
 * compared with the server's first, only what differs being sent (a settings
 * update makes Meilisearch reindex, so an unchanged start must not send one).
 */
export async function prepareIndex(
  client: Meilisearch,
  uid: string,
  log: (message: string) => void,
): Promise<void> {
  await ensureIndex(client, uid, log);
  const index = client.index(uid);
  const current = await withRetry(`reading settings of ${uid}`, WRITE_RETRY, log, () => index.getSettings());
  const update = settingsToUpdate(INDEX_SETTINGS, current);
  const changed = Object.keys(update);
  if (changed.length === 0) return;
  log(`Meilisearch: updating settings of ${uid} (${changed.join(', ')}).`);
  await runTask(client, `updating settings of ${uid}`, log, () => index.updateSettings(update));
}
