/** Notifications: made by comments, read and marked by their recipient, every change with its exact unread count. */

import { and, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/tokens.js';
import { type Db, preparedStatement, type Queryable } from '../db/client.js';
import { inboxes, type NotificationRow, notifications } from '../db/schema.js';
import { notFound } from './errors.js';
import { isUuid } from './ids.js';
import { accountGone, type Committed } from './owned-writes.js';
import { type PageWindow, pageClauses } from './pagination.js';
import { detailJson, stateJson } from './state-json.js';

/**
 * Locks the inbox rows of the users `recipients` selects (each made on first use), which
 * serialises every change to their notifications across instances, and returns each one's unread
 * count as it stands under the lock: the count a change reports is then exactly the count right
 * after it. The database keeps the count itself (a trigger on notifications, migration 0004),
 * whichever writer changes them. A statement that writes notifications takes it before anything else.
 */
export const lockInboxes = (recipients: SQL): SQL =>
  sql`insert into inboxes (user_id) ${recipients} on conflict (user_id) do update set unread = inboxes.unread returning unread`;

/**
 * Marks the viewer's notifications read, each with its change, in one statement, so the inbox lock
 * every writer of these notifications takes is never held across a round trip. The inbox row is
 * locked, and its count read, before any notification row: the rows to mark join it, so no row is
 * locked first (two markings at once would otherwise each hold what the other waits for). A
 * notification that commits meanwhile is in the count and stays unread, so each change's count is
 * still the count right after it. Any id that is not one of the viewer's notifications marks nothing.
 */
const markRead = preparedStatement<{ author_found: boolean; allowed: boolean; marked: number }>(
  sql.join([
    sql`with author as (select u.id, u.name from users u where u.id = ${sql.placeholder('viewer')}::uuid),
    inbox as (${lockInboxes(sql`select author.id from author`)}),
    allowed as (
      select ${sql.placeholder('ids')}::uuid[] is null or (
        select count(*) from notifications n
        where n.recipient_id = ${sql.placeholder('viewer')}::uuid and n.id = any(${sql.placeholder('ids')}::uuid[])
      ) = cardinality(${sql.placeholder('ids')}::uuid[]) as ok),
    locked as (
      select n.* from notifications n, inbox, allowed
      where allowed.ok and n.recipient_id = ${sql.placeholder('viewer')}::uuid and not n.read
        and (${sql.placeholder('ids')}::uuid[] is null or n.id = any(${sql.placeholder('ids')}::uuid[]))
      for update of n),
    unread as (
      select n.id, n.recipient_id, `,
    sql.raw(stateJson(notifications, 'n')),
    sql` as state, row_number() over (order by n.created_at, n.id) as k from locked n),
    marked as (
      update notifications n set read = true from unread where n.id = unread.id
      returning n.id, `,
    sql.raw(stateJson(notifications, 'n')),
    sql` as state),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select 'notification', unread.id, 'UPDATED', author.id, author.name, unread.state, marked.state,
        ${sql.raw(detailJson.notification({ recipientId: 'unread.recipient_id', unreadCount: 'inbox.unread - unread.k' }))}
      from unread join marked on marked.id = unread.id, author, inbox
      order by unread.k)
    select exists (select from author) as author_found, (select ok from allowed) as allowed,
      (select count(*)::int from marked) as marked`,
  ]),
);

/** Marks the viewer's notifications read: the given ones, or all. Returns how many went from unread to read. */
export async function markNotificationsRead(db: Db, viewer: Viewer, ids: readonly string[] | null): Promise<Committed<number>> {
  const wanted = ids ? [...new Set(ids)] : null;
  const notYours = () => notFound('One of these ids is not a notification of yours.');
  if (wanted?.some((id) => !isUuid(id))) throw notYours();
  if (wanted?.length === 0) return { result: 0, appended: 0 };
  const [row] = await markRead(db, { viewer: viewer.id, ids: wanted });
  if (!row?.author_found) throw accountGone();
  if (!row.allowed) throw notYours();
  return { result: row.marked, appended: row.marked };
}

export async function unreadNotificationCount(db: Queryable, viewer: Viewer): Promise<number> {
  const [row] = await db.select({ unread: inboxes.unread }).from(inboxes).where(eq(inboxes.userId, viewer.id));
  return row?.unread ?? 0;
}

export async function listNotifications(
  db: Queryable,
  viewer: Viewer,
  options: { unreadOnly: boolean },
  window: PageWindow,
): Promise<NotificationRow[]> {
  const page = pageClauses(notifications, window);
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, viewer.id), options.unreadOnly ? not(notifications.read) : undefined, page.where))
    .orderBy(...page.orderBy)
    .limit(window.limit);
}

/** Only the viewer's own: anyone else's notification reads as absent. */
export async function notificationsByIds(db: Queryable, viewer: Viewer | null, ids: readonly string[]): Promise<NotificationRow[]> {
  const valid = ids.filter(isUuid);
  if (!viewer || valid.length === 0) return [];
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipientId, viewer.id), inArray(notifications.id, valid)));
}

export function notificationVisibleTo(row: NotificationRow, viewer: Viewer | null): boolean {
  return row.recipientId === viewer?.id;
}
