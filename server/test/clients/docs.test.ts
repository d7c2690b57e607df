import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';

const read = (path: string) => readFile(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('docs/clients.md', () => {
  it.each([
    'server/test/clients/snippets/apollo-client.ts',
    'server/test/clients/snippets/urql.ts',
    'server/test/clients/snippets/graphql-sse.ts',
    'examples/recipe-feed/codegen.ts',
  ])('shows %s exactly as the tests run it', async (file) => {
    const doc = await read('docs/clients.md');
    expect(doc).toContain(`\`\`\`ts\n${(await read(file)).trimEnd()}\n\`\`\``);
  });

  it('imports a copy of possible-types.json that matches the one npm run schema writes', async () => {
    expect(JSON.parse(await read('server/test/clients/snippets/possible-types.json'))).toEqual(
      JSON.parse(await read('possible-types.json')),
    );
  });
});
