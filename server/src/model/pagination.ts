/** Keyset pagination of lists: list cursors, and the page clauses they become. */

import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { invalidInput } from './errors.js';

/** Keyset position in a newest-first list: `createdAt` then `id`, both descending. */
export interface ListPosition {
  createdAt: Date;
  id: string;
}

/** What the Relay plugin's cursor helper asks for: a window next to a cursor, possibly read backwards. */
export interface PageWindow {
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
  inverted: boolean;
}

const prefix = 'lst1:';

export function encodeListCursor(row: ListPosition): string {
  return Buffer.from(`${prefix}${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeListCursor(cursor: string): ListPosition {
  const value = Buffer.from(cursor, 'base64url').toString('utf8');
  const [stamp, id] = value.startsWith(prefix) ? value.slice(prefix.length).split('|') : [];
  const createdAt = new Date(stamp ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalidInput('The list cursor is not one this list gave out.');
  }
  return { createdAt, id };
}

type KeyColumns = { createdAt: PgColumn; id: PgColumn };

/** WHERE and ORDER BY for one page window of a list, newest first unless `order` says otherwise. */
export function pageClauses(
  columns: KeyColumns,
  window: PageWindow,
  order: 'newest-first' | 'oldest-first' = 'newest-first',
): { where: SQL | undefined; orderBy: SQL[] } {
  const older = (p: ListPosition) => or(lt(columns.createdAt, p.createdAt), and(eq(columns.createdAt, p.createdAt), lt(columns.id, p.id)));
  const newer = (p: ListPosition) => or(gt(columns.createdAt, p.createdAt), and(eq(columns.createdAt, p.createdAt), gt(columns.id, p.id)));
  const [further, nearer] = order === 'newest-first' ? [older, newer] : [newer, older];
  const where = and(
    window.after ? further(decodeListCursor(window.after)) : undefined,
    window.before ? nearer(decodeListCursor(window.before)) : undefined,
  );
  const ascending = [asc(columns.createdAt), asc(columns.id)];
  const descending = [desc(columns.createdAt), desc(columns.id)];
  const forwards = order === 'newest-first' ? descending : ascending;
  const backwards = order === 'newest-first' ? ascending : descending;
  return { where, orderBy: window.inverted ? backwards : forwards };
}
