import { userError } from '../errors.js';

const prefix = 'chg1:';

/** Opaque to clients; the prefix lets us tell a change cursor from a list cursor or garbage. */
export function encodeCursor(position: number): string {
  return Buffer.from(`${prefix}${position}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = text.startsWith(prefix) ? Number(text.slice(prefix.length)) : Number.NaN;
  if (!Number.isSafeInteger(position) || position < 0 || encodeCursor(position) !== cursor) {
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
