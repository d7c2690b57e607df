/**
 * The change log in PostgreSQL: sequencing, reading past a position, cursors' checks, pruning.
 * Appending is each write's own statement (`model/`), into `change_pending`.
 */

import { and, asc, eq, gt, inArray, max, sql } from 'drizzle-orm';
import { preparedStatement, type Queryable, rowsOf } from '../db/client.js';
import { changeLog, changeLogHorizon, type EntityKind } from '../db/schema.js';
import { type ChangeRecord, reviveChange } from './change.js';
import { type CursorSeal, expiredCursor, invalidCursor } from './cursor.js';

/** What one sequencer call gave positions to, as the bus carries it. */
export interface SequencedBatch {
  /** The changes in position order, as the JSON text of an array of the bus's change messages. */
  changesJson: string;
  count: number;
  /** The last position given, when any was. */
  last: number | undefined;
}

/**
 * Moves the next committed changes (at most `batch`) into the log with their positions, in commit order. Safe to
 * call from any number of instances at once: the database function serialises the calls, holding
 * its lock only for the duration of the call itself.
 */
export async function sequenceChanges(db: Queryable, batch: number): Promise<SequencedBatch> {
  const rows = await sequenceStatement(db, { batch });
  const last = rows.at(-1)?.position;
  return {
    changesJson: `[${rows.map(busMessageOf).join(',')}]`,
    count: rows.length,
    last: last === undefined ? undefined : Number(last),
  };
}

/** A sequenced change with every column as text, its JSON columns as the text PostgreSQL stored. */
interface SequencedRow {
  position: string;
  entity: string;
  entity_id: string;
  kind: string;
  author_id: string;
  author_name: string;
  before: string | null;
  after: string | null;
  detail: string | null;
  /** Already a JSON string, quotes included. */
  occurred_at: string;
}

// Every column comes back as text: the states are spliced into the bus message as PostgreSQL stored
// them, neither parsed nor built again. Building the message in the database (json_agg of
// json_build_object) cost about 5 µs a change on the one database every instance shares.
const sequenceStatement = preparedStatement<SequencedRow>(
  sql`select s.position::text as position, s.entity, s.entity_id::text as entity_id, s.kind, s.author_id::text as author_id,
      s.author_name, s.before::text as before, s.after::text as after, s.detail::text as detail,
      to_json(s.occurred_at)::text as occurred_at
    from sequence_changes(${sql.placeholder('batch')}) s
    order by s.position`,
);

/** The bus's form of one change (what `reviveChange` reads), with its states' JSON text as stored. */
function busMessageOf(row: SequencedRow): string {
  return `{"position":${row.position},"entity":${JSON.stringify(row.entity)},"entityId":${JSON.stringify(row.entity_id)},"kind":${JSON.stringify(row.kind)},"authorId":${JSON.stringify(row.author_id)},"authorName":${JSON.stringify(row.author_name)},"before":${row.before ?? 'null'},"after":${row.after ?? 'null'},"detail":${row.detail ?? 'null'},"occurredAt":${row.occurred_at}}`;
}

/**
 * Removes the rows the sequencer has moved out of change_pending. Its scans start at the oldest
 * entry of the queue's index, dead ones included, so what a call walks is what waits plus what was
 * moved since the last vacuum; with this every few seconds, that stays a few seconds of writes
 * whatever the size of the log. SKIP_LOCKED: an instance does not wait for another one's vacuum;
 * TRUNCATE false: cutting emptied pages off the table's end would take a lock every append waits for.
 */
export async function vacuumPendingChanges(db: Queryable): Promise<void> {
  await db.execute(sql`vacuum (skip_locked, truncate false) change_pending`);
}

/** The columns a change is read back with. */
const loggedChange = {
  position: changeLog.position,
  entity: changeLog.entity,
  entityId: changeLog.entityId,
  kind: changeLog.kind,
  authorId: changeLog.authorId,
  authorName: changeLog.authorName,
  before: changeLog.before,
  after: changeLog.after,
  detail: changeLog.detail,
  occurredAt: changeLog.occurredAt,
};

/** Changes after `position` in log order, optionally for some entity kinds only. */
export async function readChanges(
  db: Queryable,
  options: { after: number; limit: number; entity?: EntityKind; entities?: readonly EntityKind[] },
): Promise<ChangeRecord[]> {
  const kinds = options.entities ?? (options.entity ? [options.entity] : undefined);
  const rows = await db
    .select(loggedChange)
    .from(changeLog)
    .where(
      and(
        gt(changeLog.position, options.after),
        kinds ? (kinds.length === 1 && kinds[0] ? eq(changeLog.entity, kinds[0]) : inArray(changeLog.entity, [...kinds])) : undefined,
      ),
    )
    .orderBy(asc(changeLog.position))
    .limit(options.limit);
  return rows.map((row) => reviveChange(row));
}

export async function headPosition(db: Queryable): Promise<number> {
  const [row] = await db.select({ head: max(changeLog.position) }).from(changeLog);
  return Number(row?.head ?? 0);
}

/**
 * The last position given, or the horizon once pruning emptied the log: every change sequenced
 * by a call that committed before this read is at or below it.
 */
export async function sequencedHead(db: Queryable): Promise<number> {
  const [row] = await rowsOf<{ head: string | number }>(
    db,
    sql`select greatest(coalesce((select max(position) from change_log), 0), coalesce((select position from change_log_horizon where id = 1), 0)) as head`,
  );
  return Number(row?.head ?? 0);
}

export async function horizonPosition(db: Queryable): Promise<number> {
  const [row] = await db.select({ position: changeLogHorizon.position }).from(changeLogHorizon);
  return Number(row?.position ?? 0);
}

/** When the change at `position` was committed, or undefined once the log no longer holds it. */
async function committedAt(db: Queryable, position: number): Promise<Date | undefined> {
  const [row] = await db.select({ at: changeLog.occurredAt }).from(changeLog).where(eq(changeLog.position, position));
  return row?.at;
}

/**
 * Turns a client's cursor into a log position, or explains why it cannot be resumed from.
 * `recent` gives the change at a position when the instance still holds it; such a recent cursor
 * is known to be valid without reading the log.
 */
export async function resolveCursor(
  db: Queryable,
  cursors: CursorSeal,
  entity: EntityKind,
  cursor: string,
  retentionMs: number,
  recent: (position: number) => ChangeRecord | undefined = () => undefined,
): Promise<number> {
  const position = cursors.open(entity, cursor);
  // Past the retention a cursor is expired whether or not the log was pruned yet, so every
  // instance gives the same answer at any time.
  const cutoff = Date.now() - retentionMs;
  const known = recent(position);
  if (known) {
    if (known.occurredAt.getTime() < cutoff) throw expiredCursor();
    return position;
  }
  const [horizon, head, committed] = await Promise.all([horizonPosition(db), headPosition(db), committedAt(db, position)]);
  // Pruning may empty the log, so the horizon counts as a position the log has had.
  if (position > Math.max(head, horizon)) throw invalidCursor();
  // The change at the horizon was pruned for its age like those before it, so it is past the retention too.
  if (position <= horizon || (committed !== undefined && committed.getTime() < cutoff)) throw expiredCursor();
  return position;
}

/** Changes the pruner reads per query while it looks for the first one inside the retention. */
const PRUNE_PAGE = 1_000;

/**
 * Deletes changes older than the retention and records how far it went. Returns how many rows went.
 * Commit times rise with positions (both are given together by the sequencer), so the pruner walks
 * the position index from the horizon until it meets a change inside the retention; the log needs
 * no index on time, which every write would otherwise pay for twice.
 */
export async function pruneChanges(db: Queryable, retentionMs: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionMs);
  let upTo = 0;
  for (let from = await horizonPosition(db); ; ) {
    const page = await db
      .select({ position: changeLog.position, at: changeLog.occurredAt })
      .from(changeLog)
      .where(gt(changeLog.position, from))
      .orderBy(asc(changeLog.position))
      .limit(PRUNE_PAGE);
    const old = page.filter((row) => row.at < cutoff);
    const last = old.at(-1)?.position;
    if (last) upTo = last;
    if (old.length < page.length || page.length < PRUNE_PAGE || !last) break;
    from = last;
  }
  if (upTo === 0) return 0;
  const deleted = await db.delete(changeLog).where(sql`${changeLog.position} <= ${upTo}`).returning({ p: changeLog.position });
  await db
    .insert(changeLogHorizon)
    .values({ id: 1, position: upTo })
    .onConflictDoUpdate({ target: changeLogHorizon.id, set: { position: sql`greatest(${changeLogHorizon.position}, ${upTo})` } });
  return deleted.length;
}
