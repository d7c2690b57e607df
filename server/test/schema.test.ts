import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printPublicSchema } from '../src/graphql/schema.js';

describe('schema.graphql', () => {
  it('matches what the code prints, so clients never generate from a stale schema (run `npm run schema`)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printPublicSchema());
  });
});
