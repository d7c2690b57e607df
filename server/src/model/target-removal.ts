/** Deleting a recipe or blog with its whole thread, and every change that makes, in one statement. */

import { getTableName, type InferSelectModel, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { preparedStatement } from '../db/client.js';
import { type blogs, comments, notifications, type recipes, type TargetKind } from '../db/schema.js';
import { lockInboxes } from './notifications.js';
import { type RemovalRow, removalBy } from './owned-writes.js';
import { detailJson, stateJson } from './state-json.js';

type TargetTable = typeof recipes | typeof blogs;

/**
 * The removal of a row of `table` by its author, in one statement, so no lock is held across a
 * round trip: the row locked first (every writer of a thread locks its target first, FOR SHARE),
 * then its comments, then the author's inbox, whose count is read under that lock; then the
 * thread's notifications, the comments and the row go, and the changes are appended in that order:
 * the notifications' first, each with the unread count right after it (oldest first), then the
 * comments' (oldest first), then the row's. `publicOf` says, as SQL on the row's alias, whether
 * everyone may see the row, which every comment's change carries.
 */
export function targetRemoval<T extends TargetTable>(table: T, kind: TargetKind, publicOf: (alias: string) => string) {
  type Row = InferSelectModel<T>;
  const name = getTableName(table as PgTable);
  const statement = preparedStatement<RemovalRow>(
    sql.join([
      sql`with viewer as (select u.id, u.name from users u where u.id = ${sql.placeholder('viewer')}::uuid),
    old as (select t.*, `,
      sql.raw(stateJson(table, 't')),
      sql` as state from ${sql.raw(name)} t where t.id = ${sql.placeholder('id')}::uuid for update),
    allowed as (select old.* from old, viewer where old.author_id = viewer.id),
    thread as (
      select c.id, c.created_at, `,
      sql.raw(stateJson(comments, 'c', { targetAuthorId: 'allowed.author_id', targetPublic: publicOf('allowed') })),
      sql` as state, allowed.author_id as target_author_id
      from comments c, allowed where c.target_kind = ${sql.raw(`'${kind}'`)} and c.target_id = allowed.id
      for update of c),
    inbox as (${lockInboxes(sql`select allowed.author_id from allowed where exists (select from thread)`)}),
    gone as (
      delete from notifications n using thread
      where n.comment_id = thread.id and n.recipient_id = thread.target_author_id
      returning n.id, n.recipient_id, n.read, n.created_at, `,
      sql.raw(stateJson(notifications, 'n')),
      sql` as state),
    counted as (
      select gone.*, inbox.unread - sum(case when gone.read then 0 else 1 end) over (order by gone.created_at, gone.id) as unread_after
      from gone, inbox),
    removed_thread as (delete from comments c using thread where c.id = thread.id),
    removed as (delete from ${sql.raw(name)} t using allowed where t.id = allowed.id returning t.id),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select entity, entity_id, 'DELETED', viewer.id, viewer.name, state, null, detail from (
        select 1 as step, counted.created_at as at, 'notification' as entity, counted.id as entity_id, counted.state,
          ${sql.raw(detailJson.notification({ recipientId: 'counted.recipient_id', unreadCount: 'counted.unread_after' }))} as detail
        from counted
        union all
        select 2, thread.created_at, 'comment', thread.id, thread.state,
          ${sql.raw(detailJson.comment({ targetKind: `'${kind}'::text`, targetId: 'allowed.id', targetAuthorId: 'allowed.author_id' }))}
        from thread, allowed
        union all
        select 3, allowed.created_at, ${sql.raw(`'${kind}'`)}::text, allowed.id, allowed.state, null
        from allowed join removed on removed.id = allowed.id
      ) as changes, viewer order by step, at, entity_id)
    select (select name from viewer) as author_name, (select state from old) as before,
      exists (select from removed) as removed,
      (select count(*)::int from gone) + (select count(*)::int from thread) + (select count(*)::int from removed) as appended`,
    ]),
  );
  return removalBy<Row>(statement);
}
