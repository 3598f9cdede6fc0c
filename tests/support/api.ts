import { createApiTokenStore } from '@heard/db';
import { ORIGIN, type TestHub } from './web-hub';

/** What an API call answered: status, headers, and the parsed JSON body. */
export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely and assert on them
  body: T & Record<string, any>;
}

/** Creates an API token for a demo person, as they would in Settings; returns the secret. */
export async function createApiToken(
  hub: TestHub,
  email: string,
  name = 'Test integration',
): Promise<string> {
  const [person] = await hub.db.sql`select id from people where email = ${email}`;
  if (!person) throw new Error(`No demo person has the email ${email}`);
  return (await createApiTokenStore(hub.db.sql).create(person.id as string, name)).secret;
}

/** Calls the REST API the way another system would: bearer token, JSON, no cookies, no Origin. */
export function apiClient(hub: TestHub, token: string | null) {
  async function call(method: string, path: string, body?: unknown, raw?: string): Promise<ApiAnswer> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    if (body !== undefined || raw !== undefined) headers['content-type'] = 'application/json';
    const response = await hub.app.request(`${ORIGIN}/api/v1${path}`, {
      method,
      headers,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown) => call('POST', path, body),
    /** Sends the text as it is, for malformed JSON. */
    postRaw: (path: string, raw: string) => call('POST', path, undefined, raw),
  };
}
