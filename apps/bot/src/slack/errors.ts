import { isDomainError, isValidationError } from '@heard/domain';

/** Where each field of the share form sits in the modal, so an error shows under it. */
const BLOCK_FOR_FIELD: Record<string, string> = {
  body: 'body',
  title: 'body',
  kind: 'kind',
  sentiment: 'sentiment',
  customerIds: 'customer',
  customerId: 'customer',
  customers: 'new_customer',
  goalIds: 'goals',
  tags: 'tags',
  visibility: 'visibility',
  note: 'note',
};

/**
 * A domain refusal as `response_action: errors` (a message under each field), or null when
 * the error is not one a person can fix (it is then logged and reported as a failure).
 */
export function viewErrors(error: unknown, present: string[]): Record<string, string> | null {
  if (!isDomainError(error)) return null;
  const fallback = present.includes('body') ? 'body' : present[0]!;
  const errors: Record<string, string> = {};
  const issues = isValidationError(error) ? error.issues : [{ field: 'body', message: error.message }];
  for (const issue of issues) {
    const block = BLOCK_FOR_FIELD[issue.field];
    const target = block && present.includes(block) ? block : fallback;
    errors[target] = errors[target] ? `${errors[target]} ${issue.message}` : issue.message;
  }
  return errors;
}

/** A sentence for an ephemeral reply: the domain's words, or a generic apology for the unexpected. */
export function describeError(error: unknown): string {
  return isDomainError(error)
    ? error.message
    : 'Something went wrong on our side; please try again in a moment.';
}
