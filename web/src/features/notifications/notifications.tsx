import { useMutation, useQuery } from 'urql';
import { EmptyState, Notice } from '../../components/notices';
import { NotificationEntry, NotificationsBadgeLink } from '../../components/notification-entry';
import { PagedList } from '../../components/paged-list';
import { graphql } from '../../graphql/generated';
import { usePagedConnection } from '../../graphql/use-paged-connection';
import { readError } from '../../lib/graphql-errors';
import { useSession } from '../../lib/session';

export const UnreadCountQuery = graphql(`
  query NotificationsLink_UnreadCount {
    unreadNotificationCount
  }
`);

export const NotificationsQuery = graphql(`
  query NotificationsPage_List($first: Int!, $after: String) {
    notifications(first: $first, after: $after) {
      edges {
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const MarkReadMutation = graphql(`
  mutation NotificationsPage_MarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);

/** The header's bell; the count follows `notificationChanged` (see LiveUpdates), never a refetch. */
export function NotificationsLink({ active }: { active: boolean }) {
  const session = useSession();
  const [{ data }] = useQuery({ query: UnreadCountQuery, pause: !session });
  if (!session) return null;
  return <NotificationsBadgeLink unread={data?.unreadNotificationCount ?? 0} active={active} />;
}

/** `#/notifications`: the viewer's own, newest first. */
export function NotificationsPage() {
  const session = useSession();
  const list = usePagedConnection(NotificationsQuery, { first: 20 }, (data) => data.notifications, !session);
  // The server's count, kept current by notificationChanged: unread items may sit beyond the loaded page.
  const [{ data: counted }] = useQuery({ query: UnreadCountQuery, pause: !session });
  const [marking, mark] = useMutation(MarkReadMutation);
  if (!session) return <Notice tone="info" title="Sign in to see your notifications." />;

  const markRead = async (ids: string[] | null) => {
    const result = await mark({ ids });
    if (result.error) window.alert(readError(result.error)?.summary ?? 'The notifications were not marked read.');
  };
  const unread = counted?.unreadNotificationCount ?? list.items.filter((notification) => !notification.read).length;
  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>Notifications</h1>
          <p className="muted">Comments on your recipes and posts, newest first.</p>
        </div>
        {unread > 0 && (
          <button type="button" className="button" onClick={() => void markRead(null)} disabled={marking.fetching}>
            Mark all read
          </button>
        )}
      </div>
      <PagedList
        list={list}
        failureTitle="Your notifications could not be loaded."
        empty={<EmptyState title="Nothing yet. Comments on your recipes and posts show up here." />}
        className="notifications"
        as="ul"
        testId="notification-list"
      >
        {list.items.map((notification) => (
          <NotificationEntry
            key={notification.id}
            notification={notification}
            busy={marking.fetching}
            onOpen={() => {
              if (!notification.read) void markRead([notification.id]);
            }}
            onMarkRead={() => void markRead([notification.id])}
          />
        ))}
      </PagedList>
    </section>
  );
}
