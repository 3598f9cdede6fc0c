import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcProvider } from '../support/oidc-provider';
import { ORIGIN, useWebHub } from '../support/web-hub';
import { type Fixtures, setUpFixtures } from './fixtures';
import {
  ACTORS,
  type Actor,
  API_ROWS,
  expectedOutcome,
  type Outcome,
  PAGE_ROWS,
  type RouteRow,
} from './route-table';

const APP = join(import.meta.dirname, '../../apps/web/app');

/** Every route of routes.ts with the methods its module answers: GET for a loader or a page, POST for an action. */
function declaredRoutes(): { route: string; file: string; methods: ('GET' | 'POST')[] }[] {
  const source = readFileSync(join(APP, 'routes.ts'), 'utf8');
  const routes: { route: string; file: string }[] = [];
  for (const m of source.matchAll(/\b(index|route)\(\s*(?:'([^']*)'\s*,\s*)?'([^']+)'/g))
    routes.push({ route: m[1] === 'index' ? '' : m[2]!, file: m[3]! });
  return routes.map(({ route, file }) => {
    const module = readFileSync(join(APP, file), 'utf8');
    const has = (name: string) =>
      new RegExp(`export (async )?function ${name}\\b|export const ${name}\\b`).test(module);
    const methods: ('GET' | 'POST')[] = [];
    if (has('loader') || /export default/.test(module)) methods.push('GET');
    if (has('action')) methods.push('POST');
    return { route, file, methods };
  });
}

const provider = await startOidcProvider(`${ORIGIN}/sign-in/oidc/callback`);
afterAll(() => provider.stop());

const hub = useWebHub({
  app: {
    oidc: {
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: provider.clientSecret,
      redirectUrl: `${ORIGIN}/sign-in/oidc/callback`,
      providerName: 'Acme ID',
      allowInsecureRequests: true,
    },
  },
});
let f: Fixtures;
beforeAll(async () => {
  f = await setUpFixtures(hub);
});

function classifyPage(response: Response): Outcome | `unexpected ${number}` {
  const location = response.headers.get('location') ?? '';
  const signsOut = response.headers.getSetCookie().some((c) => c.startsWith('heard_session=;'));
  if (response.status >= 300 && response.status < 400)
    return location.startsWith('/sign-in') && !location.startsWith('/sign-in/oidc') && !signsOut
      ? 'sign-in'
      : 'allowed';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not-found';
  if (response.status < 300 || response.status === 400 || response.status === 422) return 'allowed';
  return `unexpected ${response.status}`;
}

function classifyApi(response: Response): Outcome | `unexpected ${number}` {
  if (response.status === 401) return 'unauthorized';
  if (response.status === 403) return 'forbidden';
  if (response.status === 404) return 'not-found';
  if (response.status < 300 || response.status === 400 || response.status === 422) return 'allowed';
  return `unexpected ${response.status}`;
}

async function askPage(row: RouteRow, actor: Actor): Promise<Response> {
  const cookie = await f.cookieFor(actor);
  if (row.method === 'GET') return hub.get(row.path(f), cookie);
  return hub.post(row.path(f), (row.body?.(f, actor) ?? {}) as Record<string, string | string[]>, cookie);
}

async function askApi(row: RouteRow, actor: Actor): Promise<Response> {
  const token = f.tokenFor(actor);
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (row.method === 'POST') headers['content-type'] = 'application/json';
  return hub.app.request(`${ORIGIN}/api/v1${row.path(f)}`, {
    method: row.method,
    headers,
    body: row.method === 'POST' ? JSON.stringify(row.body?.(f, actor) ?? {}) : undefined,
  });
}

const describeRow = (row: RouteRow) => `${row.method} ${row.route || '/'}${row.note ? ` (${row.note})` : ''}`;

describe('the route table covers everything', () => {
  it('has a row for every route and method in routes.ts, and none for routes that are gone', () => {
    const declared = declaredRoutes();
    expect(declared.length).toBeGreaterThan(20);
    const covered = new Set(PAGE_ROWS.map((r) => `${r.method} ${r.route}`));
    const missing = declared.flatMap((d) =>
      d.methods
        .filter((m) => !covered.has(`${m} ${d.route}`))
        .map((m) => `${m} ${d.route || '/'} (${d.file})`),
    );
    expect(missing, 'add rows for these to tests/authz/route-table.ts').toEqual([]);
    const known = new Set(declared.flatMap((d) => d.methods.map((m) => `${m} ${d.route}`)));
    const stale = PAGE_ROWS.filter((r) => !known.has(`${r.method} ${r.route}`)).map(describeRow);
    expect(stale, 'these rows name routes or methods that no longer exist').toEqual([]);
  });

  it('has a row for every endpoint of the OpenAPI document', async () => {
    const document = (await (await hub.app.request(`${ORIGIN}/api/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const endpoints = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(endpoints.length).toBeGreaterThan(5);
    const covered = new Set(API_ROWS.map((r) => `${r.method} ${r.route}`));
    expect(endpoints.filter((e) => !covered.has(e))).toEqual([]);
    expect(API_ROWS.filter((r) => !endpoints.includes(`${r.method} ${r.route}`)).map(describeRow)).toEqual(
      [],
    );
  });
});

describe('every route lets in exactly the people its row allows', () => {
  it.each([
    ['page', PAGE_ROWS, askPage, classifyPage, false],
    ['API', API_ROWS, askApi, classifyApi, true],
  ] as const)('%s routes', async (_kind, rows, ask, classify, api) => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const row of rows)
      for (const actor of ACTORS) {
        const response = await ask(row, actor);
        const got = classify(response);
        const expected = expectedOutcome(row, actor, api);
        checked++;
        if (got !== expected)
          mismatches.push(
            `${describeRow(row)} as ${actor}: expected ${expected}, got ${got} (${response.status})`,
          );
      }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(rows.length * ACTORS.length);
  });
});
