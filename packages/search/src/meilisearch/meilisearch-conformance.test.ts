// The shared SearchIndex conformance suite against a real Meilisearch server
// (MEILI_URL, optionally MEILI_API_KEY), in a throw-away index per run. No
// server can be installed on the development machines, so without MEILI_URL
// the suite is skipped and says so.
import { randomBytes } from 'node:crypto';
import { Meilisearch } from 'meilisearch';
import { describe } from 'vitest';
import { describeSearchIndexConformance } from '../conformance/search-index.conformance';
import { createMeilisearchSearchIndex } from './meilisearch-search-index';

const url = process.env.MEILI_URL;
const apiKey = process.env.MEILI_API_KEY || undefined;

if (!url) {
  console.warn(
    'Meilisearch conformance skipped: MEILI_URL is not set (no Meilisearch server can be installed here).',
  );
}

describe.skipIf(!url)('Meilisearch at MEILI_URL', () => {
  describeSearchIndexConformance('meilisearch', async () => {
    const indexName = `heard_conformance_${Date.now()}_${randomBytes(4).toString('hex')}`;
    return {
      index: createMeilisearchSearchIndex({ url: url!, apiKey, indexName }),
      cleanup: async () => {
        const task = await new Meilisearch({ host: url!, apiKey }).deleteIndex(indexName).waitTask();
        if (task.status !== 'succeeded')
          throw new Error(`Could not delete ${indexName}: ${task.error?.message}`);
      },
    };
  });
});
