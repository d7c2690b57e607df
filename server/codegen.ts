import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every `graphql()` document of the tests against `schema.graphql`, so a test that reads a
 * field its operation does not select fails to compile. The output is committed; `npm test`
 * fails when it is stale. Only `graphql()` counts: the Apollo and urql tests' own `gql` documents
 * belong to those clients, as do the snippets of `docs/clients.md`.
 */
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['test/**/*.ts', '!test/generated/**', '!test/clients/snippets/**'],
  ignoreNoDocuments: false,
  pluckConfig: { modules: [], globalGqlIdentifierName: ['graphql'] },
  generates: {
    'test/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        importExtension: '.js',
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
