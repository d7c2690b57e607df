/** One-statement writes for tables of owned rows: the row and its change in one round trip. */

import { getTableColumns, getTableName, type InferSelectModel, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { reviveRow } from '../changes/change.js';
import { preparedStatement, type Queryable } from '../db/client.js';
import type { EntityKind } from '../db/schema.js';
import { batchedWrite } from '../db/statement-batches.js';
import { isUuid } from './ids.js';
import { stateJson } from './state-json.js';

type VersionedTable = PgTable & { id: PgColumn; authorId: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** What one statement that writes a row and appends its change found and did. */
export interface StatementOutcome<Row> {
  /** The viewer's name, or null when the account no longer exists. */
  authorName: string | null;
  /** The row as it was, when the statement wrote nothing (to say why); otherwise null. */
  before: Row | null;
  /** The row as written, or null when the statement wrote nothing. */
  after: Row | null;
}

/**
 * Creation and update of a table whose rows have an id, an author, a version and an `updatedAt`,
 * which is what an `OwnedTable` needs from its storage; recipes and blogs differ only in their
 * columns and rules.
 *
 * `createAndAppend` and `updateAndAppend` do a whole write in one statement, so one round trip and
 * no transaction held open across the network: the row is written, the viewer's name read, and the
 * change appended to the log, all or nothing. The statement text is built once per table from its
 * drizzle columns (each field travels as a parameter of its column's type) and prepared once per database.
 */
export function rowTable<T extends VersionedTable>(
  table: T,
  entity: EntityKind & string,
  writable: readonly (keyof InferSelectModel<T> & string)[],
) {
  type Row = InferSelectModel<T>;
  const name = getTableName(table);
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const column = (key: string) => `"${(columns[key] as PgColumn).name}"`;
  const json = (alias: string) => stateJson(table, alias);
  // Each field travels as a parameter of its column's own type (and, for an update, one saying
  // whether it was given), named once in the statement's input row; nothing in the statement parses input.
  const inputRow = (withGiven: boolean) =>
    sql.join(
      writable.flatMap((key) => [
        ...(withGiven ? [sql`${sql.placeholder(`given_${key}`)}::boolean as ${sql.raw(`"given_${key}"`)}`] : []),
        sql`${sql.placeholder(`value_${key}`)}::${sql.raw((columns[key] as PgColumn).getSQLType())} as ${sql.raw(`"value_${key}"`)}`,
      ]),
      sql`, `,
    );
  const updated = (key: string) => `case when input."given_${key}" then input."value_${key}" else t.${column(key)} end`;

  type Outcome = { author_name: string | null; before: unknown; after: unknown };
  const create = preparedStatement<Outcome>(
    sql`with input as (select ${inputRow(false)}),
    viewer as (select u.id, u.name from users u where u.id = ${sql.placeholder('viewer')}::uuid),
    new as (
      insert into ${sql.raw(name)} as t (${sql.raw([column('authorId'), ...writable.map(column)].join(', '))})
      select viewer.id, ${sql.raw(writable.map((key) => `input."value_${key}"`).join(', '))} from viewer, input
      returning ${sql.raw(json('t'))} as state, t.id
    ),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select '${sql.raw(entity)}', new.id, 'CREATED', viewer.id, viewer.name, null, new.state, null from new, viewer
    )
    select (select name from viewer) as author_name, null::json as before, (select state from new) as after`,
  );

  // One update statement over an input of one or more writes, each numbered by `ord`. The rows are
  // locked first (old), in id order, so the update and its state before are of the newest version
  // even when another writer committed meanwhile; the update's own expressions read that version as
  // t. A batch skips a row another transaction holds (taken is false) rather than waiting for it.
  // The author's row is read only where the change needs the name: a row's author always exists.
  const updateOver = (input: SQL, lock: 'for update' | 'for update skip locked') =>
    preparedStatement<Outcome & { ord: number; taken: boolean }>(
      sql`with input as (${input}),
    old as (
      select t.id, ${sql.raw(json('t'))} as state from ${sql.raw(name)} t
      where t.id in (select id from input) order by t.id ${sql.raw(lock)}
    ),
    new as (
      update ${sql.raw(name)} as t
      set ${sql.raw(writable.map((key) => `${column(key)} = ${updated(key)}`).join(', '))},
          ${sql.raw(`${column('version')} = t.${column('version')} + 1, ${column('updatedAt')} = now()`)}
      from old, input
      where t.id = old.id and input.id = old.id and t.${sql.raw(column('authorId'))} = input.viewer
        and (input.version is null or t.${sql.raw(column('version'))} = input.version)
        and row(${sql.raw(writable.map(updated).join(', '))}) is distinct from row(${sql.raw(writable.map((key) => `t.${column(key)}`).join(', '))})
      returning ${sql.raw(json('t'))} as state, t.id, input.ord, input.viewer
    ),
    viewer as (select u.id, u.name from users u where u.id in (select viewer from input)),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select '${sql.raw(entity)}', new.id, 'UPDATED', viewer.id, viewer.name, old.state, new.state, null
      from new join old on old.id = new.id join viewer on viewer.id = new.viewer
      order by new.ord
    )
    select input.ord, old.id is not null as taken, viewer.name as author_name,
      -- The row as it was is only needed to say why nothing was written.
      case when new.ord is null then old.state end as before, new.state as after
    from input
      left join old on old.id = input.id
      left join viewer on viewer.id = input.viewer
      left join new on new.ord = input.ord
    order by input.ord`,
    );
  // A write alone: its values as parameters of their columns' types, waiting for its row's lock.
  const update = updateOver(
    sql`select 0 as ord, ${sql.placeholder('id')}::uuid as id, ${sql.placeholder('viewer')}::uuid as viewer,
      ${sql.placeholder('version')}::int as version, ${inputRow(true)}`,
    'for update',
  );
  // Writes that arrive together (see db/statement-batches.ts): each one's values a record of the JSON `input`.
  const batchInput = [
    'ord int, id uuid, viewer uuid, version int',
    ...writable.map((key) => `"given_${key}" boolean, "value_${key}" ${(columns[key] as PgColumn).getSQLType()}`),
  ].join(', ');
  const updateMany = updateOver(
    sql`select * from json_to_recordset(${sql.placeholder('input')}::text::json) as input(${sql.raw(batchInput)})`,
    'for update skip locked',
  );

  const outcomeOf = (row: Outcome | undefined): StatementOutcome<Row> => ({
    authorName: row?.author_name ?? null,
    before: reviveRow(row?.before) as Row | null,
    after: reviveRow(row?.after) as Row | null,
  });
  const outcome = ([row]: Outcome[]) => outcomeOf(row);
  const fieldNames = writable.map((key) => ({ key, given: `given_${key}`, value: `value_${key}` }));
  /** The statement's values for the fields: each field's value and, for an update, whether it was given. */
  const fieldValues = (values: object, withGiven: boolean) => {
    const out: Record<string, unknown> = {};
    for (const field of fieldNames) {
      const value = (values as Record<string, unknown>)[field.key];
      if (withGiven) out[field.given] = value !== undefined;
      out[field.value] = value === undefined ? null : value;
    }
    return out;
  };

  /** One update: its row, and its values as the statements take them. */
  interface UpdateItem {
    id: string;
    values: Record<string, unknown>;
    /** The values as the members of a JSON object, for the batch's input. */
    members: string;
  }
  const updateBatched = batchedWrite<UpdateItem, StatementOutcome<Row>>({
    key: (item) => item.id,
    bytes: (item) => item.members.length,
    many: async (db, items) => {
      const input = `[${items.map((item, ord) => `{"ord":${ord},${item.members}}`).join(',')}]`;
      const rows = new Map((await updateMany(db, { input })).map((row) => [Number(row.ord), row]));
      return items.map((_item, ord) => {
        const row = rows.get(ord);
        return row?.taken ? outcomeOf(row) : undefined;
      });
    },
    one: async (db, item) => outcome(await update(db, item.values)),
  });

  return {
    /** Inserts the row by `authorId` and appends its CREATED change; writes nothing when the author does not exist. */
    async createAndAppend(db: Queryable, authorId: string, values: object): Promise<StatementOutcome<Row>> {
      return outcome(await create(db, { ...fieldValues(values, false), viewer: authorId }));
    },
    /**
     * Applies the fields present in `patch` and appends the UPDATED change, only when the viewer is
     * the author, `expectedVersion` (if any) is the row's version and something changes; otherwise
     * writes nothing and returns the row as it is, for the caller to say why.
     */
    async updateAndAppend(
      db: Queryable,
      viewerId: string,
      id: string,
      patch: object,
      expectedVersion: number | null,
    ): Promise<StatementOutcome<Row>> {
      if (!isUuid(id)) return { authorName: null, before: null, after: null };
      const values = { ...fieldValues(patch, true), id, viewer: viewerId, version: expectedVersion };
      return updateBatched(db, { id, values, members: JSON.stringify(values).slice(1, -1) });
    },
  };
}
