import type { NotificationFieldsFragment } from '../graphql/generated/graphql';
import { formatDate } from '../lib/format';
import { hrefTo } from '../lib/router';

/** Where a notification leads: the recipe or post that was commented on. */
export function targetHref(target: NotificationFieldsFragment['target']): string {
  const section = target.__typename === 'Blog' ? 'blogs' : 'recipes';
  return hrefTo(`/${section}/${encodeURIComponent(target.id)}`);
}

function targetTitle(target: NotificationFieldsFragment['target']): string {
  return 'title' in target && typeof target.title === 'string' ? target.title : 'your post';
}

/** One notification in the list: unread ones are marked, and opening one marks it read. */
export function NotificationEntry({
  notification,
  busy,
  onOpen,
  onMarkRead,
}: {
  notification: NotificationFieldsFragment;
  busy: boolean;
  onOpen(): void;
  onMarkRead(): void;
}) {
  const { actor, comment, target, read } = notification;
  const what = notification.kind === 'COMMENT_ON_BLOG' ? 'post' : 'recipe';
  return (
    <li
      className={read ? 'notification' : 'notification notification--unread'}
      data-testid="notification"
      data-read={read ? 'true' : 'false'}
    >
      <a className="notification__link" href={targetHref(target)} onClick={onOpen}>
        {!read && <span className="notification__dot" aria-label="Unread" role="img" />}
        <span>
          <strong>{actor.name}</strong> commented on your {what} <strong>“{targetTitle(target)}”</strong>
        </span>
        <span className="notification__quote">{comment.body}</span>
        <span className="notification__time muted">{formatDate(notification.createdAt)}</span>
      </a>
      {!read && (
        <button type="button" className="button button--quiet" onClick={onMarkRead} disabled={busy}>
          Mark read
        </button>
      )}
    </li>
  );
}

/** The header's control: its accessible name carries the count ("Notifications, 2 unread"). */
export function NotificationsBadgeLink({ unread, active }: { unread: number; active: boolean }) {
  return (
    <a
      href="#/notifications"
      className={active ? 'bell bell--active' : 'bell'}
      aria-label={`Notifications, ${unread} unread`}
      aria-current={active ? 'page' : undefined}
      data-testid="notifications-link"
      data-unread={unread}
    >
      <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {unread > 0 && (
        <span className="bell__badge" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </a>
  );
}
