import { isDomainError, isValidationError } from '@heard/domain';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { STATUS } from '../../app/lib/errors.server';
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from '../database-errors';
import type { ErrorResponse } from './schemas';

type Fields = Record<string, string>;

/** A refusal decided at the edge (authentication, request shape), answered as the error object. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 404 | 413,
    readonly code: string,
    message: string,
    readonly fields?: Fields,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one error object every refusal of the API is written as. */
export function errorBody(code: string, message: string, fields?: Fields): ErrorResponse {
  return { error: { code, message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } };
}

const json = (status: number, body: ErrorResponse, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers });

/** Turns zod's issues into one message per field, keyed by dotted path (`source.url`, `tags.3`). */
export function fieldsFromIssues(issues: readonly z.core.$ZodIssue[]): Fields {
  const fields: Fields = {};
  for (const issue of issues) {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[at ? `${at}.${key}` : key] ??= 'Not a field of this request.';
    } else {
      fields[at || 'request'] ??= issue.message;
    }
  }
  return fields;
}

/**
 * Maps anything a handler throws to a response: domain refusals by their kind, edge refusals by
 * their status, a lost database to 503; the rest is logged and answered without its details.
 */
export function toErrorResponse(error: unknown, log: Logger, path: string): Response {
  if (error instanceof ApiError) {
    const headers: Record<string, string> =
      error.status === 401 ? { 'WWW-Authenticate': 'Bearer realm="heard"' } : {};
    return json(error.status, errorBody(error.code, error.message, error.fields), headers);
  }
  if (isValidationError(error)) {
    const fields: Fields = {};
    for (const issue of error.issues) fields[issue.field] ??= issue.message;
    return json(STATUS.validation, errorBody(error.code, error.message, fields));
  }
  if (isDomainError(error)) return json(STATUS[error.kind], errorBody(error.code, error.message));
  if (isDatabaseUnavailable(error)) {
    log.warn({ err: error }, 'database unavailable');
    return json(
      503,
      errorBody('SERVICE.UNAVAILABLE', 'Heard is reconnecting to its database; retry in a few seconds.'),
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    );
  }
  log.error({ err: error, path }, 'API request failed');
  return json(
    500,
    errorBody('INTERNAL', 'Heard hit an unexpected problem. It has been logged; try again in a moment.'),
  );
}
