import type { EntityKind } from '../db/schema.js';
import { userError } from '../errors.js';

const version = 'chg1';

/**
 * Opaque to clients. The version tells a change cursor from a list cursor or garbage; the entity
 * makes a `recipeChanged` cursor useless to `blogChanged`, where it would silently skip changes.
 */
export function encodeCursor(entity: EntityKind, position: number): string {
  return Buffer.from(`${version}:${entity}:${position}`).toString('base64url');
}

export function decodeCursor(entity: EntityKind, cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const prefix = `${version}:${entity}:`;
  const position = text.startsWith(prefix) ? Number(text.slice(prefix.length)) : Number.NaN;
  if (!Number.isSafeInteger(position) || position < 0 || encodeCursor(entity, position) !== cursor) {
    throw invalidCursor();
  }
  return position;
}

export function invalidCursor() {
  return userError('BAD_USER_INPUT', 'The cursor is not a change cursor from this service; refetch and subscribe without it.', {
    reason: 'CURSOR_INVALID',
  });
}

export function expiredCursor() {
  return userError('BAD_USER_INPUT', 'The cursor is older than the change log keeps; refetch and subscribe without it.', {
    reason: 'CURSOR_EXPIRED',
  });
}
