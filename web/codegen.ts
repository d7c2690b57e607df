import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * One schema feeds two outputs: the client preset types every `graphql()` document in src/,
 * and the graphcache plugin types the cache config (keys, updates, optimistic) against the
 * same schema. Both outputs are committed; `npm test` fails when they are stale.
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/graphql/generated/**'],
  ignoreNoDocuments: false,
  generates: {
    'src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
    'src/graphql/generated/graphcache.ts': {
      plugins: ['typescript', 'typescript-urql-graphcache'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
