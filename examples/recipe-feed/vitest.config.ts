import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // As in server/: the server's test helpers import its source, whose dependencies Node loads
    // as CommonJS; our imports of `graphql` must get that same copy.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Two cores shared with other suites: one file at a time.
    maxWorkers: 1,
    minWorkers: 1,
    testTimeout: 240_000,
    hookTimeout: 120_000,
  },
});
