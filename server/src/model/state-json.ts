/** A row as the change log stores it, built by PostgreSQL inside the statement that writes the row. */

import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * SQL for the row `alias` of `table` as JSON under the keys drizzle reads it with, so the log holds
 * what the row reads as, plus `extra` keys given as SQL expressions (a comment's target access).
 */
export function stateJson(table: PgTable, alias: string, extra: Record<string, string> = {}): string {
  const columns = Object.entries(getTableColumns(table) as Record<string, PgColumn>).map(
    ([key, col]) => `'${key}', ${alias}."${col.name}"`,
  );
  const more = Object.entries(extra).map(([key, expression]) => `'${key}', ${expression}`);
  return `json_build_object(${[...columns, ...more].join(', ')})`;
}
