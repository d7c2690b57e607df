/** Notifications: made by comments, read and marked by their recipient, every change with its exact unread count. */

import { and, asc, eq, inArray, not, type SQL, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/tokens.js';
import type { Db, Queryable, Tx } from '../db/client.js';
import { inboxes, type NotificationRow, notifications } from '../db/schema.js';
import { notFound } from './errors.js';
import { isUuid } from './ids.js';
import { type Author, appendAll, authorOf, type Committed, type PendingChange } from './owned-writes.js';
import { type PageWindow, pageClauses } from './pagination.js';

/**
 * Locks a user's inbox row (made on first use), which serialises every change to their
 * notifications across instances, and returns their unread count as it stands under the lock: the
 * count a change reports is then exactly the count right after it. The database keeps the count
 * itself (a trigger on notifications, migration 0004), whichever writer changes them.
 */
async function lockInbox(tx: Tx, recipientId: string): Promise<number> {
  const [row] = await tx
    .insert(inboxes)
    .values({ userId: recipientId })
    .onConflictDoUpdate({ target: inboxes.userId, set: { unread: sql`${inboxes.unread}` } })
    .returning({ unread: inboxes.unread });
  return row?.unread ?? 0;
}

const change = (
  kind: PendingChange['kind'],
  author: Author,
  before: NotificationRow | null,
  after: NotificationRow | null,
  unreadCount: number,
): PendingChange => {
  const row = (after ?? before) as NotificationRow;
  return { entity: 'notification', entityId: row.id, kind, author, before, after, detail: { recipientId: row.recipientId, unreadCount } };
};

/**
 * Comments going away take their notifications with them. All of them notified one recipient
 * (the target's author), whose inbox is locked before anything is read, so each change's count is
 * exact: the deletions are applied in one statement and their counts worked out in order.
 */
export async function removeNotificationsOfComments(
  tx: Tx,
  recipientId: string,
  commentIds: readonly string[],
  actor: Author,
): Promise<PendingChange[]> {
  if (commentIds.length === 0) return [];
  let unread = await lockInbox(tx, recipientId);
  const gone = await tx
    .delete(notifications)
    .where(and(eq(notifications.recipientId, recipientId), inArray(notifications.commentId, [...commentIds])))
    .returning();
  if (gone.length === 0) return [];
  gone.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id));
  return gone.map((row) => {
    if (!row.read) unread -= 1;
    return change('DELETED', actor, row, null, unread);
  });
}

/**
 * Marks the viewer's notifications read: the given ones, or all. An id that is not one of the
 * viewer's notifications refuses the whole call. Returns how many went from unread to read.
 */
export function markNotificationsRead(db: Db, viewer: Viewer, ids: readonly string[] | null): Promise<Committed<number>> {
  return db.transaction(async (tx) => {
    const author = await authorOf(tx, viewer);
    let remaining = await lockInbox(tx, viewer.id);
    const mine = eq(notifications.recipientId, viewer.id);
    let scope: SQL | undefined = mine;
    if (ids) {
      const wanted = [...new Set(ids)];
      if (wanted.some((id) => !isUuid(id))) throw notFound('One of these ids is not a notification of yours.');
      if (wanted.length === 0) return { result: 0, appended: 0 };
      const owned = await tx.$count(notifications, and(mine, inArray(notifications.id, wanted)));
      if (owned !== wanted.length) throw notFound('One of these ids is not a notification of yours.');
      scope = and(mine, inArray(notifications.id, wanted));
    }
    const unread = await tx
      .select()
      .from(notifications)
      .where(and(scope, not(notifications.read)))
      .orderBy(asc(notifications.createdAt), asc(notifications.id));
    if (unread.length === 0) return { result: 0, appended: 0 };
    await tx
      .update(notifications)
      .set({ read: true })
      .where(
        inArray(
          notifications.id,
          unread.map((row) => row.id),
        ),
      );
    const pending = unread.map((row) => {
      remaining -= 1;
      return change('UPDATED', author, row, { ...row, read: true }, remaining);
    });
    return { result: unread.length, appended: await appendAll(tx, pending) };
  });
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
