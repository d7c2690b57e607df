import { fileURLToPath } from 'node:url';
import type { CodegenConfig } from '@graphql-codegen/cli';

// Relative to this file, not to the directory codegen is started from.
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Types every operation in src/ against the server's schema; the output is committed. */
const config: CodegenConfig = {
  // Your copy of the API's schema.graphql (here: the one the server writes at the repo's root).
  schema: here('../../schema.graphql'),
  documents: [here('src/**/*.ts'), `!${here('src/generated/**')}`],
  ignoreNoDocuments: false,
  generates: {
    [here('src/generated/')]: {
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
