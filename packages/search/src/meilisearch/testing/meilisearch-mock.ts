// A small in-memory fake of the Meilisearch HTTP API surface the engine uses,
// as msw handlers: it records every request, answers writes with enqueued
// tasks that pass through enqueued → processing → succeeded (or failed) as
// they are polled, and can be told to fail the next request or task.
import { HttpResponse, http } from 'msw';
import { FakeApiError, type FakeDocument, fakeSearch } from './fake-search';
import { DEFAULT_SETTINGS, merge, sorted } from './fake-settings';

export interface RecordedRequest {
  method: string;
  /** Path without the leading slash, e.g. `indexes/insights/search`. */
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type InjectedResponse =
  | 'network-error'
  | { status: number; headers?: Record<string, string>; body?: unknown };

interface FakeIndex {
  uid: string;
  primaryKey: string | null;
  settings: Record<string, unknown>;
  documents: Map<string, FakeDocument>;
}

interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  enqueuedAt: string;
  polls: number;
  done: boolean;
  apply: () => void;
  failure: { message: string; code: string } | null;
}

export function createMeilisearchMock(url = 'http://meilisearch.test') {
  const requests: RecordedRequest[] = [];
  const indexes = new Map<string, FakeIndex>();
  const tasks = new Map<number, FakeTask>();
  const injected: { method: string; path: RegExp; response: InjectedResponse }[] = [];
  const taskFailures: { message: string; code: string }[] = [];
  let nextTaskUid = 0;

  const apiError = (status: number, code: string, message: string) =>
    HttpResponse.json(
      { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` },
      { status },
    );
  const indexOrThrow = (uid: string) => {
    const index = indexes.get(uid);
    if (!index) throw new FakeApiError(404, 'index_not_found', `Index \`${uid}\` not found.`);
    return index;
  };
  const ensureIndex = (uid: string, primaryKey: string | null = null) => {
    const index = indexes.get(uid) ?? { uid, primaryKey, settings: DEFAULT_SETTINGS(), documents: new Map() };
    indexes.set(uid, index);
    return index;
  };
  const enqueue = (indexUid: string | null, type: string, apply: () => void) => {
    const task: FakeTask = {
      uid: nextTaskUid++,
      indexUid,
      type,
      enqueuedAt: new Date().toISOString(),
      polls: 0,
      done: false,
      apply,
      failure: taskFailures.shift() ?? null,
    };
    tasks.set(task.uid, task);
    const summary = { taskUid: task.uid, indexUid, status: 'enqueued', type, enqueuedAt: task.enqueuedAt };
    return HttpResponse.json(summary, { status: 202 });
  };
  const taskView = (task: FakeTask) => {
    task.polls++;
    const status = task.polls <= mock.pollsBeforeDone ? (task.polls === 1 ? 'enqueued' : 'processing') : null;
    if (status === null && !task.done) {
      task.done = true;
      try {
        if (!task.failure) task.apply();
      } catch (error) {
        if (!(error instanceof FakeApiError)) throw error;
        task.failure = { message: error.message, code: error.code };
      }
    }
    const failure = task.failure;
    return {
      uid: task.uid,
      batchUid: null,
      indexUid: task.indexUid,
      status: status ?? (failure ? 'failed' : 'succeeded'),
      type: task.type,
      canceledBy: null,
      details: {},
      error: status === null && failure ? { ...failure, type: 'invalid_request', link: '' } : null,
      duration: status ? null : 'PT0.001S',
      enqueuedAt: task.enqueuedAt,
      startedAt: status === 'enqueued' ? null : task.enqueuedAt,
      finishedAt: status ? null : new Date().toISOString(),
    };
  };

  function search(uid: string, body: Record<string, unknown>) {
    const index = indexOrThrow(uid);
    const settings = {
      searchableAttributes: index.settings.searchableAttributes as string[],
      maxTotalHits: (index.settings.pagination as { maxTotalHits: number }).maxTotalHits,
    };
    return fakeSearch([...index.documents.values()], body, settings);
  }

  function route(method: string, path: string, query: URLSearchParams, body: unknown): Response {
    const b = (body ?? {}) as Record<string, unknown>;
    if (method === 'GET' && path === 'health') return HttpResponse.json({ status: 'available' });
    if (method === 'POST' && path === 'indexes') {
      const uid = String(b.uid);
      return enqueue(uid, 'indexCreation', () => {
        if (indexes.has(uid))
          throw new FakeApiError(409, 'index_already_exists', `Index \`${uid}\` already exists.`);
        ensureIndex(uid, (b.primaryKey as string | undefined) ?? null);
      });
    }
    if (method === 'POST' && path === 'multi-search') {
      const queries = (b.queries ?? []) as { indexUid: string }[];
      return HttpResponse.json({
        results: queries.map(({ indexUid, ...query }) => ({ indexUid, ...search(indexUid, query) })),
      });
    }
    const taskPath = /^tasks\/(\d+)$/.exec(path);
    if (taskPath && method === 'GET') {
      const task = tasks.get(Number(taskPath[1]));
      if (!task) throw new FakeApiError(404, 'task_not_found', `Task \`${taskPath[1]}\` not found.`);
      return HttpResponse.json(taskView(task));
    }
    const m = /^indexes\/([^/]+)(?:\/(.*))?$/.exec(path);
    if (!m) throw new FakeApiError(418, 'not_faked', `The Meilisearch mock does not fake ${method} /${path}`);
    const uid = decodeURIComponent(m[1]!);
    const rest = `${method} ${m[2] ?? ''}`;
    if (rest === 'GET ') {
      const index = indexOrThrow(uid);
      return HttpResponse.json({ uid, primaryKey: index.primaryKey, createdAt: '', updatedAt: '' });
    }
    if (rest === 'PATCH ') {
      return enqueue(uid, 'indexUpdate', () => {
        indexOrThrow(uid).primaryKey = (b.primaryKey as string | undefined) ?? null;
      });
    }
    if (rest === 'DELETE ') return enqueue(uid, 'indexDeletion', () => indexes.delete(uid));
    if (rest === 'GET settings') {
      const { settings } = indexOrThrow(uid);
      return HttpResponse.json({
        ...settings,
        filterableAttributes: sorted(settings.filterableAttributes),
        sortableAttributes: sorted(settings.sortableAttributes),
      });
    }
    if (rest === 'PATCH settings') {
      return enqueue(uid, 'settingsUpdate', () => {
        const index = ensureIndex(uid);
        index.settings = merge(index.settings, b);
      });
    }
    if (rest === 'POST documents') {
      const docs = body as FakeDocument[];
      return enqueue(uid, 'documentAdditionOrUpdate', () => {
        const index = ensureIndex(uid, query.get('primaryKey'));
        const key = index.primaryKey ?? 'id';
        for (const doc of docs) index.documents.set(String(doc[key]), doc);
      });
    }
    if (rest === 'POST documents/delete-batch') {
      const ids = (body as unknown[]).map(String);
      return enqueue(uid, 'documentDeletion', () => {
        for (const id of ids) indexOrThrow(uid).documents.delete(id);
      });
    }
    if (rest === 'GET documents') {
      const docs = [...indexOrThrow(uid).documents.values()];
      const offset = Number(query.get('offset') ?? 0);
      const limit = Number(query.get('limit') ?? 20);
      const fields = query.get('fields')?.split(',');
      const results = docs
        .slice(offset, offset + limit)
        .map((d) => (fields ? Object.fromEntries(fields.map((f) => [f, d[f]])) : d));
      return HttpResponse.json({ results, offset, limit, total: docs.length });
    }
    if (rest === 'POST search') return HttpResponse.json(search(uid, b));
    throw new FakeApiError(418, 'not_faked', `The Meilisearch mock does not fake ${method} /${path}`);
  }

  const handler = http.all(`${url}/*`, async ({ request }) => {
    const address = new URL(request.url);
    const path = address.pathname.replace(/^\//, '');
    const text = await request.text();
    const body = text === '' ? undefined : JSON.parse(text);
    requests.push({
      method: request.method,
      path,
      query: address.searchParams,
      headers: request.headers,
      body,
    });
    const i = injected.findIndex((x) => x.method === request.method && x.path.test(path));
    if (i >= 0) {
      const { response } = injected.splice(i, 1)[0]!;
      if (response === 'network-error') return HttpResponse.error();
      const init = { status: response.status, headers: response.headers };
      return response.body === undefined
        ? new HttpResponse(null, init)
        : HttpResponse.json(response.body, init);
    }
    try {
      return route(request.method, path, address.searchParams, body);
    } catch (error) {
      if (error instanceof FakeApiError) return apiError(error.status, error.code, error.message);
      throw error;
    }
  });

  const mock = {
    url,
    handlers: [handler],
    requests,
    indexes,
    /** Polls a task answers `enqueued`/`processing` before it ends. */
    pollsBeforeDone: 2,
    /** The next task enqueued ends `failed` with this error. */
    failNextTask(error: { message: string; code: string }) {
      taskFailures.push(error);
    },
    /** The next request with this method and a matching path gets `response` instead. */
    failNextRequest(method: string, path: RegExp, response: InjectedResponse) {
      injected.push({ method, path, response });
    },
    requestsTo(method: string, path: RegExp): RecordedRequest[] {
      return requests.filter((r) => r.method === method && path.test(r.path));
    },
    documents(uid: string): FakeDocument[] {
      return [...(indexes.get(uid)?.documents.values() ?? [])];
    },
  };
  return mock;
}

export type MeilisearchMock = ReturnType<typeof createMeilisearchMock>;
