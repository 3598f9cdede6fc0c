import { isDomainError, isValidationError } from '@heard/domain';
import { data } from 'react-router';

/** Problems to show next to form fields, keyed by field name; `form` holds the rest. */
export type FieldErrors = Record<string, string>;

/** HTTP status for each kind of domain refusal; the REST API uses it too. */
export const STATUS = { validation: 422, not_found: 404, forbidden: 403, conflict: 409 } as const;

/** Refusals about who is asking rather than what they entered (e.g. assigning to someone outside the mandate). */
const REFUSES_THE_ASKER = new Set(['GOAL.NOT_OWNER', 'EVALUATION.NOT_OWNER', 'ACTION.NOT_ALLOWED']);

/**
 * Turns a domain refusal into something a form can show; anything else is
 * rethrown for the error boundary. The one place the web maps domain errors.
 */
export function toFieldErrors(error: unknown): FieldErrors {
  if (isValidationError(error)) {
    const errors: FieldErrors = {};
    for (const issue of error.issues) errors[issue.field.split('.')[0]!] ??= issue.message;
    return errors;
  }
  if (isDomainError(error)) {
    if (error.kind === 'not_found') throw data(error.message, { status: STATUS.not_found });
    // Not a problem with what was typed: this person may not do it at all, so the 403 page says so.
    if (REFUSES_THE_ASKER.has(error.code)) throw data(error.message, { status: STATUS.forbidden });
    return { form: error.message };
  }
  throw error;
}

/** Maps a domain error to a thrown HTTP response for loaders that have no form to show it in. */
export function rethrowAsResponse(error: unknown): never {
  if (isDomainError(error)) throw data(error.message, { status: STATUS[error.kind] });
  throw error;
}
