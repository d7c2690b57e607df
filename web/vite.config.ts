import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

// The server this dev setup talks to; `npm run dev -w server` listens on 4000 by default.
const apiTarget = process.env.API_URL ?? 'http://localhost:4000';

export default defineConfig({
  // No React plugin: esbuild's automatic JSX runtime is all the app needs; without Fast
  // Refresh a change reloads the page.
  esbuild: { jsx: 'automatic' },
  // `.br` and `.gz` beside each text file of the build; the server sends them to clients that
  // accept them, so nothing is compressed per request.
  plugins: [compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 512 })],
  resolve: {
    // urql and graphcache each bring their own copy of @urql/core; one copy keeps the bundle small
    // and the client's internals shared.
    dedupe: ['@urql/core', 'graphql', 'react', 'react-dom'],
  },
  server: {
    proxy: {
      // HTTP, SSE and the graphql-ws WebSocket all live on /graphql.
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
        },
      },
      {
        extends: true,
        resolve: {
          // The e2e test imports the server's test helpers; like the server's own tests, they must
          // see the CommonJS copy of graphql that the server's dependencies load.
          alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
        },
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
