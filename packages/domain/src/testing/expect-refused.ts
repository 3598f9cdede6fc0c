import { expect } from 'vitest';
import type { ErrorKind, FieldIssue } from '../shared/errors';
import { clone } from './clone';
import type { InMemoryState } from './state';

/**
 * Asserts that a command is refused with the given error, and that the refusal
 * left every store exactly as it was: no row, no audit event, no outbox event.
 * Kept out of `./index` so the fakes can be used outside vitest.
 */
export async function expectRefused(
  state: InMemoryState,
  command: () => Promise<unknown>,
  error: { code: string; kind?: ErrorKind; issues?: Partial<FieldIssue>[] },
): Promise<void> {
  const before = clone(state);
  const { issues, ...rest } = error;
  const expected = issues ? { ...rest, issues: issues.map((i) => expect.objectContaining(i)) } : rest;
  await expect(command()).rejects.toMatchObject(expected);
  expect(state).toEqual(before);
}
