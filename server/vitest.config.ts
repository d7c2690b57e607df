import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Node loads `graphql` as CommonJS for the dependencies it runs itself; the project's own
    // imports must get that same copy, or graphql's instanceof checks fail across the two.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // Two cores: more files at once only adds contention to multi-process tests.
    maxWorkers: 2,
    minWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
