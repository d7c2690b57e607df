/** The Comment type, the thread fields of Commentable, and every field that writes or follows comments. */

import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { ChangeDetails, ChangeRecord } from '../../changes/change.js';
import type { CommentRow, CommentState, TargetKind } from '../../db/schema.js';
import type { ViewerEvent } from '../../live/viewer-event.js';
import {
  addComment,
  commentCounts,
  commentsByIds,
  deleteComment,
  listComments,
  type TargetRef,
  targetAccess,
  targetVisibleTo,
  updateComment,
} from '../../model/comments.js';
import { notFound } from '../../model/errors.js';
import { encodeListCursor } from '../../model/pagination.js';
import { answerOnCommit } from '../answer-on-commit.js';
import { builder } from '../builder.js';
import { ChangeInterface, changedNode, changeField } from '../change-subscription.js';
import { parseGlobalId, toGlobalId } from '../global-ids.js';
import { BlogRef } from './blog.js';
import { CommentableRef } from './commentable.js';
import { RecipeRef } from './recipe.js';
import { UserRef } from './user.js';

const typenames: Record<TargetKind, 'Recipe' | 'Blog'> = { recipe: 'Recipe', blog: 'Blog' };
const kindsByTypename: Record<string, TargetKind> = { Recipe: 'recipe', Blog: 'blog' };

/** A target id as a client sent it; anything that is not a recipe or blog id is no target at all. */
export function targetFromGlobalId(value: string): TargetRef | null {
  const parsed = parseGlobalId(value);
  const kind = parsed ? kindsByTypename[parsed.typename] : undefined;
  return parsed && kind ? { kind, id: parsed.id } : null;
}

/** Loads a target through its type's loader, which also applies the target's own visibility. */
export function loadTarget(ctx: Parameters<typeof RecipeRef.getDataloader>[0], kind: TargetKind, id: string) {
  return kind === 'recipe' ? RecipeRef.getDataloader(ctx).load(id) : BlogRef.getDataloader(ctx).load(id);
}

export const CommentRef = builder.loadableNode('Comment', {
  description: 'A comment on a recipe or blog. Visible exactly when its target is.',
  id: { resolve: (comment: CommentRow) => comment.id },
  load: (ids: string[], ctx) => commentsByIds(ctx.db, ctx.viewer, ids),
  sort: (comment) => comment.id,
  fields: (t) => ({
    body: t.exposeString('body', { description: '1 to 5,000 characters, trimmed.' }),
    author: t.field({ type: UserRef, resolve: (comment) => comment.authorId }),
    target: t.field({
      type: CommentableRef,
      description: 'The recipe or blog this comment is on.',
      resolve: (comment, _args, ctx) => loadTarget(ctx, comment.targetKind, comment.targetId),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: '1 on create, +1 on every update that changes something.' }),
  }),
});

builder.interfaceFields(CommentableRef, (t) => ({
  comments: t.connection(
    {
      type: CommentRef,
      description: 'The thread, oldest first.',
      resolve: (parent, args, ctx) =>
        resolveCursorConnection<Promise<CommentRow[]>>({ args, toCursor: encodeListCursor, defaultSize: 50, maxSize: 100 }, (window) =>
          listComments(ctx.db, parent.id, window),
        ),
    },
    { name: 'CommentConnection' },
    { name: 'CommentEdge' },
  ),
  commentCount: t.loadable({
    type: 'Int',
    description: 'How many comments the thread has.',
    load: (ids: string[], ctx) => commentCounts(ctx.db, ids),
    resolve: (parent) => parent.id,
  }),
}));

const AddCommentInput = builder.inputType('AddCommentInput', {
  fields: (t) => ({
    targetId: t.id({ required: true, description: 'The recipe or blog to comment on.' }),
    body: t.string({ required: true, description: '1 to 5,000 characters after trimming.' }),
  }),
});

const UpdateCommentInput = builder.inputType('UpdateCommentInput', {
  description: '`expectedVersion` makes the update fail with CONFLICT if the comment moved on.',
  fields: (t) => ({
    body: t.string({ required: true, description: '1 to 5,000 characters after trimming.' }),
    expectedVersion: t.int(),
  }),
});

builder.mutationFields((t) => ({
  addComment: t.withAuth({ signedIn: true }).field({
    type: CommentRef,
    description:
      "Comments on a recipe or a blog the viewer can see. A missing target, an id that is not a recipe or blog, and someone else's draft are all NOT_FOUND.",
    args: { input: t.arg({ type: AddCommentInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const target = targetFromGlobalId(input.targetId);
      const comment = await answerOnCommit(ctx, addComment(ctx.db, ctx.viewer, target, { body: input.body }));
      // Posting is the end of typing it.
      if (target) await ctx.presence?.commentPosted(target, ctx.viewer.id);
      return comment;
    },
  }),
  updateComment: t.withAuth({ signedIn: true }).field({
    type: CommentRef,
    description: "Only the comment's author may edit it.",
    args: {
      id: t.arg.globalID({ required: true, for: CommentRef }),
      input: t.arg({ type: UpdateCommentInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) => answerOnCommit(ctx, updateComment(ctx.db, ctx.viewer, id.id, input)),
  }),
  deleteComment: t.withAuth({ signedIn: true }).field({
    type: 'ID',
    description: "The comment's author or the target's author may delete it. Returns the id of the deleted comment.",
    args: { id: t.arg.globalID({ required: true, for: CommentRef }) },
    resolve: async (_root, { id }, ctx) => {
      await answerOnCommit(ctx, deleteComment(ctx.db, ctx.viewer, id.id));
      return toGlobalId('Comment', id.id);
    },
  }),
}));

type CommentDetail = ChangeDetails['comment'];

const CommentChange = builder.objectRef<ViewerEvent<CommentState>>('CommentChange').implement({
  interfaces: [ChangeInterface],
  fields: (t) => ({
    commentId: t.globalID({ resolve: (event) => ({ type: 'Comment', id: event.entityId }) }),
    targetId: t.globalID({
      description: 'The recipe or blog the comment is on.',
      resolve: (event) => {
        const detail = event.detail as CommentDetail;
        return { type: typenames[detail.targetKind], id: detail.targetId };
      },
    }),
    comment: t.field({
      type: CommentRef,
      nullable: true,
      description: 'State after the change; null for DELETED.',
      resolve: (event, _args, ctx) => changedNode(event, ctx),
    }),
  }),
});

interface CommentChangedArgs {
  targetId: string;
  after?: string | null;
}

/** Whether a change to the target itself ends this viewer's thread: deleted, or hidden from the viewer. */
function endsThread(target: TargetRef, viewerId: string | undefined) {
  return (change: ChangeRecord): boolean => {
    if (change.entityId !== target.id || (change.entity !== 'recipe' && change.entity !== 'blog')) return false;
    if (change.after === null) return true;
    const access = change.entity === 'blog' ? { authorId: change.after.authorId, public: change.after.published } : null;
    return access !== null && !targetVisibleTo(access, viewerId);
  };
}

builder.subscriptionField('commentChanged', (t) =>
  t.field({
    type: CommentChange,
    description:
      'Every add, edit and delete of a comment on the target, from `after` (exclusive) if given, then live. NOT_FOUND when the viewer cannot see the target; the stream completes when the target is deleted or hidden from the viewer.',
    args: {
      targetId: t.arg.id({ required: true, description: 'The recipe or blog whose thread to follow.' }),
      after: t.arg.string({ description: 'A `cursor` from an earlier comment change: replay what came after it, then go live.' }),
    },
    ...changeField<CommentState, CommentChangedArgs>({
      entity: 'comment',
      // Who sees what depends only on whether the viewer is the target's author.
      audience: (event, viewer) => ((event.detail as CommentDetail).targetAuthorId === viewer?.id ? 'target-author' : 'others'),
      rules: (args, ctx) => {
        const target = targetFromGlobalId(args.targetId);
        const viewerId = ctx.viewer?.id;
        return {
          visible: (row) => targetVisibleTo({ authorId: row.targetAuthorId, public: row.targetPublic }, viewerId),
          matches: (row) => row.targetId === target?.id,
          watch: target ? [target.kind] : [],
          ends: target ? endsThread(target, viewerId) : () => true,
          admit: async () => {
            const access = target ? await targetAccess(ctx.db, target) : null;
            if (!access || !targetVisibleTo(access, viewerId)) throw notFound('There is no recipe or blog with this id.');
          },
        };
      },
    }),
  }),
);
