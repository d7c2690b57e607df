/** Bounds on a request's query text and variables, checked before anything reads them. */

import { userError } from '../errors.js';

/**
 * No input type of the schema nests deeper than a handful of levels; anything much deeper is
 * refused before graphql-js (whose variable coercion recurses) or anything else walks it.
 */
export const MAX_VARIABLES_DEPTH = 32;

// The character itself, or its escape inside a GraphQL string literal.
const NUL_IN_QUERY = new RegExp(`${String.fromCharCode(0)}|\\\\u0000`);
const NUL = String.fromCharCode(0);

/**
 * Checks a request's query text and variables before anything else reads them: no NUL
 * characters (Postgres cannot store them, so no resolver should ever meet one) and variables
 * nested at most {@link MAX_VARIABLES_DEPTH} deep. The walk uses its own stack, so no input can
 * exhaust the call stack here.
 */
export function assertAcceptableInput(query: string | undefined, variables: unknown): void {
  if (query && NUL_IN_QUERY.test(query)) throw nulError();
  const pending: Array<{ value: unknown; depth: number }> = [{ value: variables, depth: 0 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const { value, depth } = next;
    if (typeof value === 'string') {
      if (value.includes(NUL)) throw nulError();
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_VARIABLES_DEPTH) {
      throw userError('BAD_USER_INPUT', `Variables are nested more than ${MAX_VARIABLES_DEPTH} levels deep.`);
    }
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(NUL)) throw nulError();
      pending.push({ value: item, depth: depth + 1 });
    }
  }
}

function nulError() {
  return userError('BAD_USER_INPUT', 'Text must not contain NUL characters.');
}
