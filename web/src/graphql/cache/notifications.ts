import type { Cache } from '@urql/exchange-graphcache';
import type { ChangeKind } from '../generated/graphql';
import { NotificationEdgeFragment, NotificationReadFragment, UnreadCountQuery } from './cache-documents';
import { type ConnectionSpec, invalidateAllLists, listedNodes, removeFromAllLists, syncListMembership } from './list-membership';

/** `notifications(unreadOnly)`: newest first; a read one leaves the unread-only lists. */
export const notificationLists: ConnectionSpec = {
  field: 'notifications',
  nodeTypename: 'Notification',
  edgeTypename: 'NotificationEdge',
  edgeFragment: NotificationEdgeFragment,
  order: 'newest-first',
  belongs: (cache, nodeKey, listArgs) => {
    const read = cache.resolve(nodeKey, 'read');
    if (typeof read !== 'boolean') return null;
    return !(read && listArgs.unreadOnly === true);
  },
};

function readCount(cache: Cache): number | null {
  return cache.readQuery({ query: UnreadCountQuery })?.unreadNotificationCount ?? null;
}

function writeCount(cache: Cache, unreadNotificationCount: number): void {
  cache.updateQuery({ query: UnreadCountQuery }, () => ({ unreadNotificationCount: Math.max(0, unreadNotificationCount) }));
}

/**
 * One `notificationChanged` event. Its `unreadCount` is the server's count right after the
 * change, so the badge takes it as it is; the lists gain, update or lose the notification. Null
 * is the live transport's gap signal: lists and count are fetched again.
 */
export function applyNotificationChange(
  cache: Cache,
  change: { kind: ChangeKind; notificationId: string; unreadCount: number } | null,
): void {
  if (change === null) {
    invalidateAllLists(cache, notificationLists);
    cache.invalidate('Query', 'unreadNotificationCount');
    return;
  }
  writeCount(cache, change.unreadCount);
  const key = cache.keyOfEntity({ __typename: 'Notification', id: change.notificationId });
  if (!key) return;
  if (change.kind === 'DELETED') removeFromAllLists(cache, notificationLists, key);
  else syncListMembership(cache, notificationLists, key);
}

/**
 * The viewer marked notifications read (`ids`, or all when absent). The count drops by the ones
 * the cache still holds as unread, so it moves once whether this answer or the live events come
 * first; the events then bring the server's own count.
 */
export function markRead(cache: Cache, ids: readonly string[] | null | undefined): void {
  const keys = ids
    ? ids.map((id) => cache.keyOfEntity({ __typename: 'Notification', id })).filter((key): key is string => key !== null)
    : listedNodes(cache, notificationLists);
  let turned = 0;
  for (const key of keys) {
    if (cache.resolve(key, 'read') !== false) continue;
    const id = cache.resolve(key, 'id');
    if (typeof id !== 'string') continue;
    const data = { __typename: 'Notification', id, read: true };
    cache.writeFragment(NotificationReadFragment, data);
    turned += 1;
    syncListMembership(cache, notificationLists, key);
  }
  const count = readCount(cache);
  if (!ids) writeCount(cache, 0);
  else if (count !== null) writeCount(cache, count - turned);
}
