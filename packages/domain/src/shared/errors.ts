/** How an edge (HTTP, Slack, Teams) should treat a domain error; mapped to a status in one place per app. */
export type ErrorKind = 'validation' | 'not_found' | 'forbidden' | 'conflict';

/** One problem with one field of a command, shown next to that field. */
export interface FieldIssue {
  code: string;
  field: string;
  message: string;
}

/** A refusal by the domain, with a stable code such as `GOAL.NOT_OWNER`. */
export class DomainError extends Error {
  readonly isDomainError = true;
  constructor(
    readonly code: string,
    message: string,
    readonly kind: ErrorKind,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A command that breaks one or more rules; nothing has been stored. */
export class ValidationError extends DomainError {
  constructor(readonly issues: FieldIssue[]) {
    super(issues[0]?.code ?? 'VALIDATION.FAILED', issues.map((i) => i.message).join(' '), 'validation');
    this.name = 'ValidationError';
  }
}

/** The thing asked for does not exist, or the actor may not know that it exists. */
export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'not_found');
  }
}

/** The actor is known but may not do this. */
export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super(code, message, 'forbidden');
  }
}

/**
 * Checks by shape rather than `instanceof`: bundlers may load the domain twice
 * (server build and server entry), and a class check would then miss.
 */
export function isDomainError(error: unknown): error is DomainError {
  return typeof error === 'object' && error !== null && (error as DomainError).isDomainError === true;
}

export function isValidationError(error: unknown): error is ValidationError {
  return isDomainError(error) && Array.isArray((error as ValidationError).issues);
}

/** Collects field issues and throws them together, so a form can show every problem at once. */
export class IssueCollector {
  readonly issues: FieldIssue[] = [];
  add(field: string, code: string, message: string): void {
    this.issues.push({ field, code, message });
  }
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ValidationError(this.issues);
  }
}
