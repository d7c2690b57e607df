import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printPublicSchema, schema } from '../src/graphql/schema.js';

describe('schema.graphql', () => {
  it('matches what the code prints, so clients never generate from a stale schema (run `npm run schema`)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(printPublicSchema());
  });

  it('gives every subscription field an audience rule, so shared execution never hands one viewer another viewer’s result', () => {
    const fields = Object.values(schema.getSubscriptionType()?.getFields() ?? {});
    expect(fields.length).toBeGreaterThanOrEqual(4);
    for (const field of fields) expect(typeof field.extensions.audience, field.name).toBe('function');
  });
});
