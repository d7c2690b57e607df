/** The Blog type and every field that reads, writes or follows blogs. */

import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { BlogRow } from '../../db/schema.js';
import { authorOrPublic } from '../../live/audience.js';
import type { ViewerEvent } from '../../live/viewer-event.js';
import { blogMatches, blogsByIds, blogVisibleTo, createBlog, deleteBlog, listBlogs, updateBlog } from '../../model/blogs.js';
import { encodeListCursor } from '../../model/pagination.js';
import { answerOnCommit } from '../answer-on-commit.js';
import { builder } from '../builder.js';
import { ChangeInterface, changedNode, changeField } from '../change-subscription.js';
import { toGlobalId } from '../global-ids.js';
import { CommentableRef } from './commentable.js';
import { UserRef } from './user.js';

export const BlogRef = builder.loadableNode('Blog', {
  description: 'A blog post. A draft (`published: false`) exists only for its author.',
  interfaces: [CommentableRef],
  id: { resolve: (blog: BlogRow) => blog.id },
  load: (ids: string[], ctx) => blogsByIds(ctx.db, ctx.viewer, ids),
  sort: (blog) => blog.id,
  fields: (t) => ({
    title: t.exposeString('title'),
    body: t.exposeString('body'),
    tags: t.exposeStringList('tags'),
    published: t.exposeBoolean('published', { description: 'False for a draft.' }),
    author: t.field({ type: UserRef, resolve: (blog) => blog.authorId }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: '1 on create, +1 on every update that changes something.' }),
  }),
});

const BlogFilter = builder.inputType('BlogFilter', {
  fields: (t) => ({
    authorId: t.globalID({ for: UserRef, description: 'Only blogs by this user.' }),
    tag: t.string({ description: 'Only blogs carrying this tag.' }),
    published: t.boolean({ description: 'false lists only your own drafts.' }),
  }),
});

const CreateBlogInput = builder.inputType('CreateBlogInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    body: t.string({ required: true, description: 'Up to 100,000 characters.' }),
    tags: t.stringList({ description: 'At most 100 tags of 1 to 50 characters.' }),
    published: t.boolean({ description: 'Defaults to false: a draft.' }),
  }),
});

const UpdateBlogInput = builder.inputType('UpdateBlogInput', {
  description: 'Only the fields given change. `expectedVersion` makes the update fail with CONFLICT if the blog moved on.',
  fields: (t) => ({
    title: t.string(),
    body: t.string(),
    tags: t.stringList(),
    published: t.boolean(),
    expectedVersion: t.int(),
  }),
});

builder.queryFields((t) => ({
  blog: t.field({
    type: BlogRef,
    nullable: true,
    description: 'Null when absent or a draft of someone else.',
    args: { id: t.arg.globalID({ required: true, for: BlogRef }) },
    resolve: (_root, { id }) => id.id,
  }),
  blogs: t.connection(
    {
      type: BlogRef,
      description: 'Newest first. Drafts appear only to their author.',
      args: { filter: t.arg({ type: BlogFilter }) },
      resolve: (_root, args, ctx) =>
        resolveCursorConnection<Promise<BlogRow[]>>({ args, toCursor: encodeListCursor, defaultSize: 20, maxSize: 100 }, (window) =>
          listBlogs(
            ctx.db,
            ctx.viewer,
            { authorId: args.filter?.authorId?.id, tag: args.filter?.tag, published: args.filter?.published },
            window,
          ),
        ),
    },
    { name: 'BlogConnection' },
    { name: 'BlogEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createBlog: t.withAuth({ signedIn: true }).field({
    type: BlogRef,
    args: { input: t.arg({ type: CreateBlogInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return answerOnCommit(ctx, createBlog(ctx.db, ctx.viewer, input));
    },
  }),
  updateBlog: t.withAuth({ signedIn: true }).field({
    type: BlogRef,
    args: {
      id: t.arg.globalID({ required: true, for: BlogRef }),
      input: t.arg({ type: UpdateBlogInput, required: true }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      return answerOnCommit(ctx, updateBlog(ctx.db, ctx.viewer, id.id, input));
    },
  }),
  deleteBlog: t.withAuth({ signedIn: true }).field({
    type: 'ID',
    description: 'Returns the id of the deleted blog.',
    args: { id: t.arg.globalID({ required: true, for: BlogRef }) },
    resolve: async (_root, { id }, ctx) => {
      await answerOnCommit(ctx, deleteBlog(ctx.db, ctx.viewer, id.id));
      return toGlobalId('Blog', id.id);
    },
  }),
}));

interface BlogChangedArgs {
  id?: { id: string } | null;
  authorId?: { id: string } | null;
  after?: string | null;
}

const BlogChange = builder.objectRef<ViewerEvent<BlogRow>>('BlogChange').implement({
  interfaces: [ChangeInterface],
  fields: (t) => ({
    blogId: t.globalID({ resolve: (event) => ({ type: 'Blog', id: event.entityId }) }),
    blog: t.field({
      type: BlogRef,
      nullable: true,
      description: 'State after the change; null for DELETED.',
      resolve: (event, _args, ctx) => changedNode(event, ctx),
    }),
  }),
});

builder.subscriptionField('blogChanged', (t) =>
  t.field({
    type: BlogChange,
    description:
      'Every change to blogs matching the arguments that the viewer may see. A draft being published arrives as CREATED, a blog unpublished as DELETED.',
    args: {
      id: t.arg.globalID({ for: BlogRef, description: 'Only this blog.' }),
      authorId: t.arg.globalID({ for: UserRef, description: 'Only blogs by this user.' }),
      after: t.arg.string({ description: 'A `cursor` from an earlier change: replay what came after it, then go live.' }),
    },
    ...changeField<BlogRow, BlogChangedArgs>({
      entity: 'blog',
      // A draft's events reach only its author, so the author and everyone else see different results.
      audience: authorOrPublic,
      rules: (args, ctx) => ({
        entityId: args.id?.id,
        visible: (row) => blogVisibleTo(row, ctx.viewer),
        matches: (row) => blogMatches(row, { authorId: args.authorId?.id }),
      }),
    }),
  }),
);
