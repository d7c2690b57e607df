/** The write flow of every entity a user owns: who may write, version checks, and the changes appended. */

import { eq } from 'drizzle-orm';
import type { Viewer } from '../auth/tokens.js';
import type { ChangeDetails, EntityStates } from '../changes/change.js';
import { type AnyNewChange, appendChanges } from '../changes/log.js';
import type { Db, Tx } from '../db/client.js';
import { users } from '../db/schema.js';
import { conflict, forbidden, notFound, unauthenticated } from './errors.js';
import type { StatementOutcome } from './row-table.js';

/** Entities a user writes and owns: they have an author and a version. */
export type OwnedKind = 'recipe' | 'blog' | 'comment';
type State<K extends OwnedKind> = EntityStates[K];

/** A change written by the same transaction, appended to the log with the write's own change. */
export type PendingChange = AnyNewChange;

export interface Author {
  id: string;
  name: string;
}

export interface Committed<Result> {
  /** What the write returns to its caller. */
  result: Result;
  /** How many changes the transaction appended to the log; none when the write changed nothing. */
  appended: number;
}

/**
 * How one entity table is read and written, and what it adds; the flow around it is the same for
 * every entity. An update is one statement (the row and its change in one round trip); a table
 * whose rows are created and removed by flows of their own (comments) has only that.
 */
export type OwnedTable<K extends OwnedKind, Values> = OwnedRows<K> & { statements: UpdateStatement<K, Values> };

/** A table whose rows are created and updated by one statement each (row-table.ts) and removed in a transaction. */
export type StatementTable<K extends OwnedKind, Values> = OwnedRows<K> &
  RemovableRows<K> & {
    statements: UpdateStatement<K, Values> & CreateStatement<K, Values>;
  };

interface OwnedRows<K extends OwnedKind> {
  entity: K;
  label: string;
  /** Whether this viewer may know the row exists (someone else's draft: no). */
  visibleTo(row: State<K>, viewerId: string): boolean;
}

/** What removing a row in a transaction takes. */
interface RemovableRows<K extends OwnedKind> {
  /** Row locked for the rest of the transaction, or null if absent. */
  lockById(tx: Tx, id: string): Promise<State<K> | null>;
  remove(tx: Tx, row: State<K>): Promise<void>;
  /** What every subscriber may know about a change to the row. */
  detail(row: State<K>): ChangeDetails[K];
  /** Removes what cannot outlive the row (its comments and their notifications), in the same transaction. */
  beforeRemove?(tx: Tx, row: State<K>, author: Author): Promise<PendingChange[]>;
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

export async function authorOf(tx: Tx, viewer: Viewer): Promise<Author> {
  const [author] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, viewer.id));
  if (!author) throw accountGone();
  return author;
}

/**
 * Appends the changes of one transaction in order. Called once the rows they describe are written
 * (so locked by this transaction), which keeps any one entity's changes in commit order.
 */
export async function appendAll(tx: Tx, changes: readonly PendingChange[]): Promise<number> {
  await appendChanges(tx, changes);
  return changes.length;
}

function ownChange<K extends OwnedKind>(
  table: OwnedRows<K> & RemovableRows<K>,
  kind: PendingChange['kind'],
  author: Author,
  before: State<K> | null,
  after: State<K> | null,
): PendingChange {
  const row = (after ?? before) as State<K>;
  return { entity: table.entity, entityId: row.id, kind, author, before, after, detail: table.detail(row) } as PendingChange;
}

async function lockVisible<K extends OwnedKind>(tx: Tx, table: OwnedRows<K> & RemovableRows<K>, viewer: Viewer, id: string) {
  const row = await table.lockById(tx, id);
  // Someone else's draft is reported exactly like a missing row, so its existence stays private.
  if (!row || !table.visibleTo(row, viewer.id)) throw notFound(`No ${table.label} with this id exists.`);
  return row;
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

export function deleteOwned<K extends OwnedKind, Values>(
  db: Db,
  table: StatementTable<K, Values>,
  viewer: Viewer,
  id: string,
): Promise<Committed<State<K>>> {
  return db.transaction(async (tx) => {
    const [before, author] = await Promise.all([lockVisible(tx, table, viewer, id), authorOf(tx, viewer)]);
    if (before.authorId !== viewer.id) {
      throw forbidden(`You may not delete this ${table.label}.`);
    }
    const dependents = (await table.beforeRemove?.(tx, before, author)) ?? [];
    await table.remove(tx, before);
    const appended = await appendAll(tx, [...dependents, ownChange(table, 'DELETED', author, before, null)]);
    return { result: before, appended };
  });
}
