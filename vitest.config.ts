import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/**/src/**/*.test.ts', 'apps/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/build/**', '**/dist/**'],
    // One throw-away PostgreSQL + migrated template per run; files clone it.
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
    setupFiles: ['tests/setup/fail-on-console-error.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Child processes rather than worker threads: tests spawn servers and rely
    // on process-level signal/exit handlers, which threads do not get.
    pool: 'forks',
  },
});
