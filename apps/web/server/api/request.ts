import type { Person } from '@heard/domain';
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, fieldsFromIssues } from './errors';

/** What the API's handlers find on the context once the bearer token is checked. */
export interface ApiEnv {
  Variables: { actor: Person };
}

function parseWith<T extends z.ZodType>(schema: T, raw: unknown, where: string): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new ApiError(
    400,
    'REQUEST.INVALID',
    `The request ${where} does not match the schema in /api/v1/openapi.json; see fields.`,
    fieldsFromIssues(parsed.error.issues),
  );
}

/** The JSON body, checked against its schema; malformed JSON and a wrong shape are both 400. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new ApiError(400, 'REQUEST.MALFORMED_JSON', 'The request body is not valid JSON.');
  }
  return parseWith(schema, raw, 'body');
}

/** The query string, checked against its schema (the first value of a repeated parameter). */
export function readQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  return parseWith(schema, c.req.query(), 'query');
}
