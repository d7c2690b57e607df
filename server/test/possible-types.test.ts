import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printPossibleTypes } from '../src/graphql/possible-types.js';

describe('possible-types.json', () => {
  it('matches the interfaces and their implementations in the code (run `npm run schema`)', async () => {
    const committed = await readFile(new URL('../../possible-types.json', import.meta.url), 'utf8');
    expect(committed).toBe(printPossibleTypes());
    expect(JSON.parse(committed)).toMatchObject({ Change: expect.arrayContaining(['RecipeChange', 'BlogChange']) });
  });
});
