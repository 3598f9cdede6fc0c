import { useTestDatabase } from '@heard/db/testing';
import { readScopeFor } from '@heard/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, PEOPLE } from './conformance/corpus';
import { withFallback } from './fallback-search-index';
import { createMeilisearchSearchIndex } from './meilisearch';
import { createPostgresSearchIndex } from './postgres';

const database = useTestDatabase();
const logged: string[] = [];
let search: ReturnType<typeof withFallback>;

beforeAll(async () => {
  const postgres = createPostgresSearchIndex(database.sql());
  await postgres.prepare();
  await postgres.upsert(CORPUS);
  // Nothing listens on port 1: the real client fails at once, as it would with Meilisearch down.
  const unreachable = createMeilisearchSearchIndex({ url: 'http://127.0.0.1:1', timeoutMs: 2000 });
  search = withFallback(unreachable, postgres, (message) => logged.push(message));
});

describe('searching while Meilisearch is unreachable', () => {
  it('answers from PostgreSQL, with visibility, and says so once in the log', async () => {
    const scope = readScopeFor(PEOPLE.outsider);
    const first = await search.search({ text: 'invoice', scope });
    const second = await search.search({ text: 'invoice', scope });
    expect(first.hits.length).toBeGreaterThan(0);
    expect(second.hits.map((h) => h.id)).toEqual(first.hits.map((h) => h.id));
    expect(search.isFallingBack()).toBe(true);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/meilisearch failed .*answering from postgres/);
    const byId = new Map(CORPUS.map((d) => [d.id, d]));
    for (const hit of first.hits) expect(byId.get(hit.id)?.visibility.scope).toBe('everyone');
  });

  it('reports the engine as unhealthy for /healthz', async () => {
    const health = await search.health();
    expect(health.ok).toBe(false);
  });

  it('still finds similar insights for the post form', async () => {
    const similar = await search.similar('charged twice on the invoice', readScopeFor(PEOPLE.admin), 3);
    expect(similar.length).toBeGreaterThan(0);
  });
});
