/** The write flow of every entity a user owns: who may write, version checks, and the changes appended. */

import type { Viewer } from '../auth/tokens.js';
import { type EntityStates, reviveRow } from '../changes/change.js';
import type { Db } from '../db/client.js';
import { conflict, forbidden, notFound, unauthenticated } from './errors.js';
import { isUuid } from './ids.js';
import type { StatementOutcome } from './row-table.js';

/** Entities a user writes and owns: they have an author and a version. */
export type OwnedKind = 'recipe' | 'blog' | 'comment';
type State<K extends OwnedKind> = EntityStates[K];

/** What a removal statement found and did. */
export interface RemovalOutcome<Row> {
  /** The viewer's name, or null when the account no longer exists. */
  authorName: string | null;
  /** The row as it was, whether or not it went (to say why not), or null when there is none. */
  before: Row | null;
  removed: boolean;
  /** How many changes the statement appended: the row's and those of what went with it. */
  appended: number;
}

/** The one row a removal statement answers with. */
export interface RemovalRow {
  author_name: string | null;
  before: unknown;
  removed: boolean;
  appended: number;
}

/**
 * An owned table's `removeAndAppend` from its removal statement, which takes the viewer and the
 * row's id; an id that cannot exist is not sent to the database.
 */
export function removalBy<Row>(statement: (db: Db, values: { viewer: string; id: string }) => Promise<RemovalRow[]>) {
  return async (db: Db, viewerId: string, id: string): Promise<RemovalOutcome<Row>> => {
    if (!isUuid(id)) return { authorName: null, before: null, removed: false, appended: 0 };
    const [row] = await statement(db, { viewer: viewerId, id });
    return {
      authorName: row?.author_name ?? null,
      before: reviveRow(row?.before) as Row | null,
      removed: row?.removed ?? false,
      appended: Number(row?.appended ?? 0),
    };
  };
}

export interface Committed<Result> {
  /** What the write returns to its caller. */
  result: Result;
  /** How many changes the transaction appended to the log; none when the write changed nothing. */
  appended: number;
}

/**
 * How one entity table is read and written, and what it adds; the flow around it is the same for
 * every entity. An update and a removal are one statement each (the rows and their changes in one
 * round trip); a table whose rows are created by a flow of their own (comments) has only those.
 */
export type OwnedTable<K extends OwnedKind, Values> = OwnedRows<K> & {
  statements: UpdateStatement<K, Values> & RemoveStatement<K>;
};

/** A table whose rows are created, updated and removed by one statement each. */
export type StatementTable<K extends OwnedKind, Values> = OwnedTable<K, Values> & {
  statements: CreateStatement<K, Values>;
};

interface OwnedRows<K extends OwnedKind> {
  entity: K;
  label: string;
  /** Whether this viewer may know the row exists (someone else's draft: no). */
  visibleTo(row: State<K>, viewerId: string): boolean;
}

/**
 * Removes the row with what cannot outlive it and appends every change that makes, only when the
 * viewer may remove it; otherwise removes nothing and returns the row as it is, for the caller to
 * say why.
 */
interface RemoveStatement<K extends OwnedKind> {
  removeAndAppend(db: Db, viewerId: string, id: string): Promise<RemovalOutcome<State<K>>>;
}

interface CreateStatement<K extends OwnedKind, Values> {
  createAndAppend(db: Db, authorId: string, values: Values): Promise<StatementOutcome<State<K>>>;
}

/**
 * Applies the fields present in `patch` and appends the UPDATED change, only when the viewer may
 * see the row and is its author, `expectedVersion` (if any) is the row's version and something
 * changes; otherwise writes nothing and returns the row as it is, for the caller to say why.
 */
interface UpdateStatement<K extends OwnedKind, Values> {
  updateAndAppend(
    db: Db,
    viewerId: string,
    id: string,
    patch: Partial<Values>,
    expectedVersion: number | null,
  ): Promise<StatementOutcome<State<K>>>;
}

export const accountGone = () => unauthenticated('Your account no longer exists; sign in again.');

function staleVersion(label: string, expectedVersion: number, version: number) {
  return conflict(`expectedVersion is ${expectedVersion}, but this ${label} is at version ${version}; reload it and try again.`, {
    currentVersion: version,
  });
}

export async function createOwned<K extends OwnedKind, Values>(
  db: Db,
  table: StatementTable<K, Values>,
  viewer: Viewer,
  values: Values,
): Promise<Committed<State<K>>> {
  const { authorName, after } = await table.statements.createAndAppend(db, viewer.id, values);
  if (authorName === null || !after) throw accountGone();
  return { result: after, appended: 1 };
}

export async function updateOwned<K extends OwnedKind, Values>(
  db: Db,
  table: OwnedTable<K, Values>,
  viewer: Viewer,
  id: string,
  patch: Partial<Values>,
  expectedVersion: number | null | undefined,
): Promise<Committed<State<K>>> {
  const { authorName, before, after } = await table.statements.updateAndAppend(db, viewer.id, id, patch, expectedVersion ?? null);
  if (after) return { result: after, appended: 1 };
  // The statement wrote nothing unless every rule below held; these say which did not.
  if (!before || !table.visibleTo(before, viewer.id)) throw notFound(`No ${table.label} with this id exists.`);
  if (authorName === null) throw accountGone();
  if (before.authorId !== viewer.id) throw forbidden(`Only the author may change this ${table.label}.`);
  if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== before.version) {
    throw staleVersion(table.label, expectedVersion, before.version);
  }
  return { result: before, appended: 0 };
}

export async function deleteOwned<K extends OwnedKind, Values>(
  db: Db,
  table: OwnedTable<K, Values>,
  viewer: Viewer,
  id: string,
): Promise<Committed<State<K>>> {
  const { authorName, before, removed, appended } = await table.statements.removeAndAppend(db, viewer.id, id);
  // The statement removed nothing unless every rule below held; these say which did not.
  // Someone else's draft is reported exactly like a missing row, so its existence stays private.
  if (!before || !table.visibleTo(before, viewer.id)) throw notFound(`No ${table.label} with this id exists.`);
  if (authorName === null) throw accountGone();
  if (!removed) throw forbidden(`You may not delete this ${table.label}.`);
  return { result: before, appended };
}
