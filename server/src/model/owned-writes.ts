import { eq } from 'drizzle-orm';
import type { Viewer } from '../auth/tokens.js';
import type { ChangeRecord } from '../changes/change.js';
import { appendChange } from '../changes/log.js';
import type { Db, Tx } from '../db/client.js';
import { type EntityKind, users } from '../db/schema.js';
import { userError } from '../errors.js';

interface Owned {
  id: string;
  authorId: string;
  version: number;
}

export interface WriteResult<Row> {
  row: Row;
  /** The committed change, or null when the write changed nothing. */
  change: ChangeRecord | null;
}

/** How one entity table is read and written; the flow around it is the same for every entity. */
export interface OwnedTable<Row extends Owned, Values> {
  entity: EntityKind;
  label: string;
  /** Row locked for the rest of the transaction, or null if absent. */
  lockById(tx: Tx, id: string): Promise<Row | null>;
  /** Whether a viewer who is not the author may know the row exists (drafts: no). */
  isPublic(row: Row): boolean;
  insert(tx: Tx, authorId: string, values: Values): Promise<Row>;
  update(tx: Tx, id: string, values: Partial<Values>, version: number): Promise<Row>;
  remove(tx: Tx, id: string): Promise<void>;
}

async function authorOf(tx: Tx, viewer: Viewer): Promise<{ id: string; name: string }> {
  const [author] = await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, viewer.id));
  if (!author) throw userError('UNAUTHENTICATED', 'Your account no longer exists; sign in again.');
  return author;
}

async function lockOwned<Row extends Owned, Values>(tx: Tx, table: OwnedTable<Row, Values>, viewer: Viewer, id: string) {
  const row = await table.lockById(tx, id);
  // Someone else's draft is reported exactly like a missing row, so its existence stays private.
  if (!row || (row.authorId !== viewer.id && !table.isPublic(row))) {
    throw userError('NOT_FOUND', `No ${table.label} with this id exists.`);
  }
  if (row.authorId !== viewer.id) throw userError('FORBIDDEN', `Only the author may change this ${table.label}.`);
  return row;
}

export function createOwned<Row extends Owned, Values>(
  db: Db,
  table: OwnedTable<Row, Values>,
  viewer: Viewer,
  values: Values,
): Promise<WriteResult<Row>> {
  return db.transaction(async (tx) => {
    const author = await authorOf(tx, viewer);
    const row = await table.insert(tx, author.id, values);
    const change = await appendChange(tx, { entity: table.entity, entityId: row.id, kind: 'CREATED', author, before: null, after: row });
    return { row, change };
  });
}

function changesSomething<Row>(row: Row, patch: Partial<Row>): boolean {
  return Object.entries(patch).some(
    ([key, value]) => value !== undefined && JSON.stringify(row[key as keyof Row]) !== JSON.stringify(value),
  );
}

export function updateOwned<Row extends Owned, Values>(
  db: Db,
  table: OwnedTable<Row, Values>,
  viewer: Viewer,
  id: string,
  patch: Partial<Values>,
  expectedVersion: number | null | undefined,
): Promise<WriteResult<Row>> {
  return db.transaction(async (tx) => {
    const before = await lockOwned(tx, table, viewer, id);
    if (expectedVersion !== null && expectedVersion !== undefined && expectedVersion !== before.version) {
      throw userError(
        'CONFLICT',
        `expectedVersion is ${expectedVersion}, but this ${table.label} is at version ${before.version}; reload it and try again.`,
        {
          currentVersion: before.version,
        },
      );
    }
    if (!changesSomething(before, patch as Partial<Row>)) return { row: before, change: null };
    const author = await authorOf(tx, viewer);
    const after = await table.update(tx, id, patch, before.version + 1);
    const change = await appendChange(tx, { entity: table.entity, entityId: id, kind: 'UPDATED', author, before, after });
    return { row: after, change };
  });
}

export function deleteOwned<Row extends Owned, Values>(
  db: Db,
  table: OwnedTable<Row, Values>,
  viewer: Viewer,
  id: string,
): Promise<WriteResult<Row>> {
  return db.transaction(async (tx) => {
    const before = await lockOwned(tx, table, viewer, id);
    const author = await authorOf(tx, viewer);
    await table.remove(tx, id);
    const change = await appendChange(tx, { entity: table.entity, entityId: id, kind: 'DELETED', author, before, after: null });
    return { row: before, change };
  });
}
