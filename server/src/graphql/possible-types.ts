/** The possible types clients' normalising caches need (possible-types.json). */

import { isAbstractType } from 'graphql';
import { schema } from './schema.js';

/**
 * For every interface and union, the object types that implement it: what a normalising cache
 * (Apollo Client's `possibleTypes`, urql graphcache's schema awareness) needs to match fragments
 * on `Node` and `Change` instead of silently dropping their fields.
 */
export function printPossibleTypes(): string {
  const possibleTypes: Record<string, string[]> = {};
  const abstract = Object.values(schema.getTypeMap())
    .filter(isAbstractType)
    .filter((type) => !type.name.startsWith('__'))
    .sort((a, b) => a.name.localeCompare(b.name));
  for (const type of abstract) {
    possibleTypes[type.name] = schema
      .getPossibleTypes(type)
      .map((object) => object.name)
      .sort();
  }
  return `${JSON.stringify(possibleTypes, null, 2)}\n`;
}
