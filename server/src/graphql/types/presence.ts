/** Presence as the API exposes it: the Presence type, its subscription and setTyping. */

import type { Context } from '../../context.js';
import { type AudienceRule, everyone } from '../../live/audience.js';
import type { ViewerEvent } from '../../live/viewer-event.js';
import { targetAccess, targetVisibleTo } from '../../model/comments.js';
import { invalidInput, notFound } from '../../model/errors.js';
import { isUuid } from '../../model/ids.js';
import { usersByIds } from '../../model/users.js';
import type { Presence, PresenceTarget } from '../../presence/presence.js';
import type { PresenceMemberView, PresenceSnapshot } from '../../presence/snapshot.js';
import { builder } from '../builder.js';
import { toGlobalId } from '../global-ids.js';
import { targetFromGlobalId } from './comment.js';
import { UserRef } from './user.js';

const PresenceMemberRef = builder.objectRef<PresenceMemberView>('PresenceMember').implement({
  description: 'A signed-in user present on a recipe or blog.',
  fields: (t) => ({
    user: t.field({ type: UserRef, resolve: (member) => member.user }),
    typing: t.exposeBoolean('typing', {
      description: 'Typing a comment: set with setTyping, lapses 6 s after the last setTyping(true), ends when the comment is posted.',
    }),
  }),
});

const PresenceRef = builder.objectRef<PresenceSnapshot>('Presence').implement({
  description: 'Who is on a recipe or blog right now. Live state only: not in the change log, no cursor.',
  fields: (t) => ({
    targetId: t.exposeID('targetId', { description: 'The recipe or blog.' }),
    count: t.exposeInt('count', {
      description: 'Everyone present: signed-in users (each once, however many tabs and instances) plus anonymous connections.',
    }),
    members: t.field({
      type: [PresenceMemberRef],
      description: 'Signed-in users present, at most 20: those typing first, then the most recent arrivals.',
      resolve: (snapshot) => snapshot.members,
    }),
  }),
});

const typenames = { recipe: 'Recipe', blog: 'Blog' } as const;

function presenceOf(ctx: Context): Presence {
  if (!ctx.presence) throw new Error('presence is not configured on this instance');
  return ctx.presence;
}

/** A recipe or blog id as the client sent it; NOT_FOUND for anything else, as for comments. */
function presenceTarget(targetId: string): PresenceTarget {
  const target = targetFromGlobalId(targetId);
  if (!target || !isUuid(target.id)) throw notFound('There is no recipe or blog with this id.');
  return { ...target, globalId: toGlobalId(typenames[target.kind], target.id) };
}

async function assertVisible(ctx: Context, target: PresenceTarget): Promise<void> {
  const access = await targetAccess(ctx.db, target);
  if (!access || !targetVisibleTo(access, ctx.viewer?.id)) throw notFound('There is no recipe or blog with this id.');
}

builder.subscriptionField('presence', (t) =>
  t.field({
    type: PresenceRef,
    description:
      'Who is on the target now; while subscribed, the viewer is present on it. The current state first, then a result after each change, at most 4 a second. NOT_FOUND for a target the viewer cannot see; the stream completes when the target is deleted or hidden from the viewer.',
    args: { targetId: t.arg.id({ required: true, description: 'The recipe or blog.' }) },
    subscribe: async (_root, args, ctx): Promise<AsyncIterable<ViewerEvent<PresenceSnapshot>>> => {
      const presence = presenceOf(ctx);
      const target = presenceTarget(args.targetId);
      const viewer = ctx.viewer;
      const [user] = viewer ? await usersByIds(ctx.db, [viewer.id]) : [];
      const { transport } = ctx;
      return presence.join(
        target,
        {
          user: user ?? null,
          // A socket's subscriptions share its connection; an SSE stream is a connection of its own.
          connection: transport.sink?.connection ?? {},
          onOverflow: transport.onOverflow.bind(transport),
          release: transport.release,
        },
        () => assertVisible(ctx, target),
      );
    },
    resolve: (event) => event.node as PresenceSnapshot,
    // Everyone allowed on a target sees the same members.
    extensions: { audience: everyone as AudienceRule<never> },
  }),
);

builder.mutationField('setTyping', (t) =>
  t.withAuth({ signedIn: true }).boolean({
    description:
      'Says whether the viewer is typing a comment on the target, where it is present (BAD_USER_INPUT otherwise). `true` lapses after 6 s unless renewed. Returns the typing state set.',
    args: {
      targetId: t.arg.id({ required: true, description: 'The recipe or blog.' }),
      typing: t.arg.boolean({ required: true }),
    },
    resolve: async (_root, args, ctx) => {
      const { viewer } = ctx;
      const presence = presenceOf(ctx);
      const target = presenceTarget(args.targetId);
      await assertVisible(ctx, target);
      if (!(await presence.isPresent(target, viewer.id))) {
        throw invalidInput('Subscribe to presence on this recipe or blog before setting typing on it.');
      }
      await presence.setTyping(target, viewer.id, args.typing);
      return args.typing;
    },
  }),
);
