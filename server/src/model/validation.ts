/** The rules the model's input must meet, and how a failure is reported. */

import { z } from 'zod';
import { invalidInput } from './errors.js';

/** Postgres rejects NUL in text; refusing it here turns a driver error into a clear one. */
export const text = (min: number, max: number) =>
  z
    .string()
    .refine((value) => !value.includes('\u0000'), 'must not contain NUL characters')
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'must not be empty' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max.toLocaleString('en')} characters`),
    );

export const textList = (maxItems: number, maxItemLength: number) =>
  z.array(text(1, maxItemLength)).max(maxItems, `must have at most ${maxItems} items`);

export const positiveInt = (max: number) =>
  z.number().int('must be a whole number').min(0, 'must not be negative').max(max, `must be at most ${max}`);

/** Tags are compared case-insensitively; a repeat is dropped and the first spelling kept. */
const distinctTags = (tags: string[]) => {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** The rules of each field kind of the input the model takes: its length bounds and shape. */
export const fieldRules = {
  title: text(1, 200),
  description: text(0, 100_000),
  body: text(0, 100_000),
  items: textList(100, 1_000),
  tags: textList(100, 50).transform(distinctTags),
  minutes: positiveInt(100_000),
  servings: z.number().int('must be a whole number').min(1, 'must be at least 1').max(10_000, 'must be at most 10000'),
} as const;

/** Parses or throws `BAD_USER_INPUT` naming every failing field and its rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const message = fields.map((f) => `${f.field} ${f.message}`).join('; ');
  throw invalidInput(message, { fields });
}

/** Free-text arguments of reads (search, tag filters) follow the same NUL rule as writes. */
export function assertPlainText(value: string | null | undefined, field: string): void {
  if (value?.includes('\u0000')) throw invalidInput(`${field} must not contain NUL characters`);
}
