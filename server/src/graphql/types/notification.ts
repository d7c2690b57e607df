/** The Notification type and every field that reads, marks or follows the viewer's notifications. */

import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { ChangeDetails } from '../../changes/change.js';
import type { NotificationRow } from '../../db/schema.js';
import type { ViewerEvent } from '../../live/viewer-event.js';
import {
  listNotifications,
  markNotificationsRead,
  notificationsByIds,
  notificationVisibleTo,
  unreadNotificationCount,
} from '../../model/notifications.js';
import { encodeListCursor } from '../../model/pagination.js';
import { answerOnCommit } from '../answer-on-commit.js';
import { builder, type SignedInContext } from '../builder.js';
import { ChangeInterface, changedNode, changeField } from '../change-subscription.js';
import { parseGlobalId } from '../global-ids.js';
import { CommentRef, loadTarget } from './comment.js';
import { CommentableRef } from './commentable.js';
import { UserRef } from './user.js';

const NotificationKindEnum = builder.enumType('NotificationKind', {
  description: 'What happened that the recipient should know about.',
  values: ['COMMENT_ON_RECIPE', 'COMMENT_ON_BLOG'] as const,
});

export const NotificationRef = builder.loadableNode('Notification', {
  description: 'Something that happened to your content. Only its recipient ever sees it.',
  id: { resolve: (notification: NotificationRow) => notification.id },
  load: (ids: string[], ctx) => notificationsByIds(ctx.db, ctx.viewer, ids),
  sort: (notification) => notification.id,
  fields: (t) => ({
    kind: t.field({
      type: NotificationKindEnum,
      resolve: (notification) => (notification.targetKind === 'recipe' ? 'COMMENT_ON_RECIPE' : 'COMMENT_ON_BLOG'),
    }),
    read: t.exposeBoolean('read'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    actor: t.field({ type: UserRef, description: 'Who commented.', resolve: (notification) => notification.actorId }),
    comment: t.field({ type: CommentRef, resolve: (notification) => notification.commentId }),
    target: t.field({
      type: CommentableRef,
      description: 'The recipe or blog that was commented on.',
      resolve: (notification, _args, ctx) => loadTarget(ctx, notification.targetKind, notification.targetId),
    }),
  }),
});

/** Any id that is not a notification id stays in the list as one that matches nothing, so the call is NOT_FOUND. */
const notificationIds = (ids: readonly string[]) =>
  ids.map((value) => {
    const parsed = parseGlobalId(value);
    return parsed?.typename === 'Notification' ? parsed.id : '';
  });

builder.queryFields((t) => ({
  notifications: t.withAuth({ signedIn: true }).connection(
    {
      type: NotificationRef,
      description: "The viewer's notifications, newest first. UNAUTHENTICATED for an anonymous viewer.",
      args: { unreadOnly: t.arg.boolean({ description: 'Only those not yet read.' }) },
      resolve: (_root, args, ctx) =>
        resolveCursorConnection<Promise<NotificationRow[]>>({ args, toCursor: encodeListCursor, defaultSize: 20, maxSize: 100 }, (window) =>
          listNotifications(ctx.db, ctx.viewer, { unreadOnly: args.unreadOnly ?? false }, window),
        ),
    },
    { name: 'NotificationConnection' },
    { name: 'NotificationEdge' },
  ),
  unreadNotificationCount: t.withAuth({ signedIn: true }).int({
    description: "How many of the viewer's notifications are unread. UNAUTHENTICATED for an anonymous viewer.",
    resolve: (_root, _args, ctx) => unreadNotificationCount(ctx.db, ctx.viewer),
  }),
}));

builder.mutationField('markNotificationsRead', (t) =>
  t.withAuth({ signedIn: true }).int({
    description:
      "Marks the given notifications read, or all of the viewer's without `ids`. Returns how many went from unread to read. An id that is not one of the viewer's notifications is NOT_FOUND and marks nothing.",
    args: { ids: t.arg.idList() },
    resolve: (_root, { ids }, ctx) => answerOnCommit(ctx, markNotificationsRead(ctx.db, ctx.viewer, ids ? notificationIds(ids) : null)),
  }),
);

type NotificationDetail = ChangeDetails['notification'];

const NotificationChange = builder.objectRef<ViewerEvent<NotificationRow>>('NotificationChange').implement({
  interfaces: [ChangeInterface],
  fields: (t) => ({
    notificationId: t.globalID({ resolve: (event) => ({ type: 'Notification', id: event.entityId }) }),
    notification: t.field({
      type: NotificationRef,
      nullable: true,
      description: 'State after the change; null for DELETED, and once the notification is gone with its comment.',
      resolve: async (event, _args, ctx) => {
        const node = changedNode(event, ctx);
        // A notification goes with its comment. An event that goes out after both are gone (a
        // resume, or a delivery that lagged behind the deletion) names neither: its comment
        // cannot be loaded any more, and `comment` is never null.
        if (!node) return null;
        const [comment] = await CommentRef.getDataloader(ctx).loadMany([node.commentId]);
        return comment && !(comment instanceof Error) ? node : null;
      },
    }),
    unreadCount: t.int({
      description: "The recipient's unread count right after this change.",
      resolve: (event) => (event.detail as NotificationDetail).unreadCount,
    }),
  }),
});

builder.subscriptionField('notificationChanged', (t) =>
  t.withAuth({ signedIn: true }).field({
    type: NotificationChange,
    description:
      "The viewer's own notifications created, marked read and deleted, from `after` (exclusive) if given, then live. UNAUTHENTICATED for an anonymous viewer.",
    args: {
      after: t.arg.string({ description: 'A `cursor` from an earlier notification change: replay what came after it, then go live.' }),
    },
    ...changeField<NotificationRow, { after?: string | null }, SignedInContext>({
      entity: 'notification',
      audience: (event) => (event.detail as NotificationDetail).recipientId,
      rules: (_args, { viewer }) => ({ visible: (row) => notificationVisibleTo(row, viewer), matches: () => true }),
    }),
  }),
);
