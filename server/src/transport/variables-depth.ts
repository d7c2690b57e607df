import { userError } from '../errors.js';

/** Deeper than any input type of the schema nests; far below what recursive code can walk. */
export const MAX_VARIABLES_DEPTH = 32;

/**
 * Refuses variables nested deeper than `max` levels. Walks without recursion, so input nested
 * thousands of levels deep is refused instead of overflowing the stack of whatever reads it next.
 */
export function assertVariablesDepth(variables: unknown, max = MAX_VARIABLES_DEPTH): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: variables, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= max) throw userError('BAD_USER_INPUT', `Variables must not be nested more than ${max} levels deep.`);
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}
