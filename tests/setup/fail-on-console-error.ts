// A console.error during a test is almost always a swallowed failure (React
// warnings, unhandled errors logged by libraries); make it fail the test.
import { afterEach, beforeEach, type MockInstance, vi } from 'vitest';

let spy: MockInstance<typeof console.error> | undefined;

beforeEach(() => {
  // Calls through, so the message is still printed where it happened.
  spy = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = spy?.mock.calls ?? [];
  spy?.mockRestore();
  spy = undefined;
  if (calls.length > 0) {
    const lines = calls.map((args) =>
      args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' '),
    );
    throw new Error(`console.error was called during this test:\n${lines.join('\n')}`);
  }
});
