import { eq, type InferInsertModel, type InferSelectModel, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { isUuid } from './ids.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Lock, insert, update and remove of a table whose rows have an id, a version and an
 * `updatedAt`, which is what an `OwnedTable` needs from its storage; recipes and blogs differ
 * only in their columns and rules.
 */
export function rowTable<T extends VersionedTable>(table: T, label: string) {
  type Row = InferSelectModel<T>;
  const byId = (id: string) => eq(table.id, id);
  return {
    async lockById(tx: Tx, id: string): Promise<Row | null> {
      if (!isUuid(id)) return null;
      const [row] = (await tx
        .select()
        .from(table as PgTable)
        .where(byId(id))
        .for('update')) as Row[];
      return row ?? null;
    },
    async insert(tx: Tx, values: InferInsertModel<T>): Promise<Row> {
      const [row] = (await tx.insert(table).values(values).returning()) as Row[];
      if (!row) throw new Error(`${label} insert returned nothing`);
      return row;
    },
    async update(tx: Tx, id: string, values: Partial<InferInsertModel<T>>, version: number): Promise<Row> {
      const set = { ...values, version, updatedAt: sql`now()` } as Partial<InferInsertModel<T>>;
      const [row] = (await tx.update(table).set(set).where(byId(id)).returning()) as Row[];
      if (!row) throw new Error(`${label} update returned nothing`);
      return row;
    },
    async remove(tx: Tx, id: string): Promise<void> {
      await tx.delete(table).where(byId(id));
    },
  };
}
