/** A row as the change log stores it, built by PostgreSQL inside the statement that writes the row. */

import { getTableColumns } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ChangeDetails } from '../changes/change.js';

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

/**
 * SQL for what every subscriber may know about a change beyond the row (`ChangeDetails` in
 * changes/change.ts), from a SQL expression per field: one spelling of each kind's detail for
 * every statement that appends its changes.
 */
export const detailJson = {
  comment: (fields: Record<keyof ChangeDetails['comment'], string>) =>
    `json_build_object('targetKind', ${fields.targetKind}, 'targetId', ${fields.targetId}, 'targetAuthorId', ${fields.targetAuthorId})`,
  notification: (fields: Record<keyof ChangeDetails['notification'], string>) =>
    `json_build_object('recipientId', ${fields.recipientId}, 'unreadCount', ${fields.unreadCount})`,
};
