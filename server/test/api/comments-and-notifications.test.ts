import { encodeGlobalID } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommentFieldsFragment, NotificationFieldsFragment } from '../generated/graphql.js';
import { graphql } from '../generated/index.js';
import { gql, ok, signUp } from '../support/clients.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  ADD_COMMENT,
  CREATE_BLOG,
  CREATE_RECIPE,
  DELETE_BLOG,
  DELETE_COMMENT,
  DELETE_RECIPE,
  MARK_READ,
  NOTIFICATIONS,
  THREAD,
  UPDATE_BLOG,
  UPDATE_COMMENT,
} from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

interface User {
  token: string;
  id: string;
  name: string;
}
const backends = [
  { name: 'embedded PGlite', env: async () => ({ env: { PGLITE_DIR: 'memory://' }, drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    env: async () => {
      const db: TestDatabase = await createTestDatabase('comments');
      return { env: { DATABASE_URL: db.url }, drop: () => db.drop() };
    },
  },
];

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.code;
const globalId = (typename: string, id: string) => encodeGlobalID(typename, id);

describe.each(backends)('comments and notifications on $name', (backend) => {
  let server: RunningServer;
  let drop: () => Promise<void>;
  let ann: User;
  let ben: User;
  let cat: User;

  beforeAll(async () => {
    const { env, drop: dropDb } = await backend.env();
    drop = dropDb;
    server = await startInProcess(env);
    [ann, ben, cat] = await Promise.all([signUp(server.url, 'Ann'), signUp(server.url, 'Ben'), signUp(server.url, 'Cat')]);
  });
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  const recipeBy = async (user: User, title = 'Bread') =>
    (await ok(server.url, CREATE_RECIPE, { input: { title } }, user.token)).createRecipe.id as string;
  const blogBy = async (user: User, published: boolean, title = 'Post') =>
    (await ok(server.url, CREATE_BLOG, { input: { title, body: 'text', published } }, user.token)).createBlog.id as string;
  const comment = async (user: User, targetId: string, body = 'Nice') =>
    (await ok(server.url, ADD_COMMENT, { input: { targetId, body } }, user.token)).addComment;
  const thread = async (targetId: string, user?: User, first = 100) => {
    const data = await ok(server.url, THREAD, { id: targetId, first }, user?.token);
    const node = data.node as { commentCount: number; comments: { edges: Array<{ node: CommentFieldsFragment }> } } | null;
    return node ? { count: node.commentCount, bodies: node.comments.edges.map((edge) => edge.node.body) } : null;
  };
  const commentNode = async (id: string, user?: User) =>
    (
      await ok(
        server.url,
        graphql(`query CommentsAndNotifications_Node($id: ID!) { node(id: $id) { ... on Comment { id body version } } }`),
        { id },
        user?.token,
      )
    ).node as {
      id: string;
      body: string;
      version: number;
    } | null;
  const inbox = async (user: User, variables: Record<string, unknown> = {}) => {
    const data = await ok(server.url, NOTIFICATIONS, { first: 100, ...variables }, user.token);
    return {
      items: data.notifications.edges.map((edge) => edge.node),
      unread: data.unreadNotificationCount,
    };
  };

  it('adds comments to recipes and blogs and lists each thread oldest first, with its count', async () => {
    const recipe = await recipeBy(ann);
    const blog = await blogBy(ann, true);
    const first = await comment(ben, recipe, '  First!  ');
    await comment(cat, recipe, 'Second');
    await comment(ann, recipe, 'Third, by the author');
    await comment(ben, blog, 'On the blog');

    expect(first).toMatchObject({ body: 'First!', version: 1, author: { id: ben.id, name: 'Ben' }, target: { id: recipe } });
    expect(await thread(recipe)).toEqual({ count: 3, bodies: ['First!', 'Second', 'Third, by the author'] });
    expect(await thread(blog)).toEqual({ count: 1, bodies: ['On the blog'] });
    expect(await commentNode(first.id)).toMatchObject({ id: first.id, body: 'First!' });

    const page1 = await ok(server.url, THREAD, { id: recipe, first: 2 });
    expect(page1.node?.comments.edges.map((e) => e.node.body)).toEqual(['First!', 'Second']);
    expect(page1.node?.comments.pageInfo.hasNextPage).toBe(true);
    const page2 = await ok(server.url, THREAD, { id: recipe, first: 2, after: page1.node?.comments.pageInfo.endCursor });
    expect(page2.node?.comments.edges.map((e) => e.node.body)).toEqual(['Third, by the author']);

    const listed = await ok(
      server.url,
      graphql(`query CommentsAndNotifications_Recipes { recipes(first: 100) { edges { node { id commentCount } } } }`),
    );
    const counts = Object.fromEntries(listed.recipes.edges.map((e) => [e.node.id, e.node.commentCount]));
    expect(counts[recipe]).toBe(3);
  });

  it('refuses a body that is empty, blank, longer than 5,000 characters or contains NUL, and writes nothing', async () => {
    const recipe = await recipeBy(ann);
    for (const body of ['', '   \n ', 'x'.repeat(5_001), 'bad\u0000text']) {
      const result = await gql(server.url, ADD_COMMENT, { input: { targetId: recipe, body } }, ben.token);
      expect(codeOf(result), JSON.stringify(body.slice(0, 20))).toBe('BAD_USER_INPUT');
    }
    expect(await thread(recipe)).toEqual({ count: 0, bodies: [] });
    expect((await inbox(ann)).items.filter((n) => n.target.id === recipe)).toEqual([]);
    const longest = await comment(ben, recipe, `  ${'y'.repeat(5_000)}  `);
    expect(longest.body).toHaveLength(5_000);
  });

  it("answers NOT_FOUND alike for a missing target, an id that is not a recipe or blog, and someone else's draft, writing nothing", async () => {
    const draft = await blogBy(ann, false);
    const recipe = await recipeBy(ann);
    const someComment = await comment(ben, recipe, 'a comment');
    const targets = [
      globalId('Recipe', '00000000-0000-4000-8000-000000000000'),
      globalId('Blog', '00000000-0000-4000-8000-000000000000'),
      globalId('User', ann.id),
      someComment.id,
      'not an id at all',
      draft,
    ];
    const answers = [];
    for (const targetId of targets) {
      const result = await gql(server.url, ADD_COMMENT, { input: { targetId, body: 'hello' } }, ben.token);
      answers.push({ code: codeOf(result), message: result.errors?.[0]?.message });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.code).toBe('NOT_FOUND');
    expect(await thread(draft, ann)).toEqual({ count: 0, bodies: [] });
    expect(await thread(recipe)).toEqual({ count: 1, bodies: ['a comment'] });
    // The author sees the draft, so may comment on it.
    await comment(ann, draft, 'note to self');
    expect(await thread(draft, ann)).toEqual({ count: 1, bodies: ['note to self'] });
  });

  it('refuses anonymous comment writes with UNAUTHENTICATED', async () => {
    const recipe = await recipeBy(ann);
    const mine = await comment(ben, recipe, 'keep me');
    expect(codeOf(await gql(server.url, ADD_COMMENT, { input: { targetId: recipe, body: 'anon' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server.url, UPDATE_COMMENT, { id: mine.id, input: { body: 'changed' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await gql(server.url, DELETE_COMMENT, { id: mine.id }))).toBe('UNAUTHENTICATED');
    expect(await thread(recipe)).toEqual({ count: 1, bodies: ['keep me'] });
  });

  it('lets only the comment author edit it, with versions and CONFLICT on a stale expectedVersion', async () => {
    const recipe = await recipeBy(ann);
    const mine = await comment(ben, recipe, 'original');
    for (const other of [ann, cat]) {
      const refused = await gql(server.url, UPDATE_COMMENT, { id: mine.id, input: { body: 'hijacked' } }, other.token);
      expect(codeOf(refused)).toBe('FORBIDDEN');
    }
    const edited = await ok(server.url, UPDATE_COMMENT, { id: mine.id, input: { body: 'edited', expectedVersion: 1 } }, ben.token);
    expect(edited.updateComment).toMatchObject({ body: 'edited', version: 2 });
    const stale = await gql(server.url, UPDATE_COMMENT, { id: mine.id, input: { body: 'stale', expectedVersion: 1 } }, ben.token);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors?.[0]?.extensions?.currentVersion).toBe(2);
    const blank = await gql(server.url, UPDATE_COMMENT, { id: mine.id, input: { body: ' ' } }, ben.token);
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    const same = await ok(server.url, UPDATE_COMMENT, { id: mine.id, input: { body: 'edited' } }, ben.token);
    expect(same.updateComment.version).toBe(2);
    expect(await commentNode(mine.id)).toMatchObject({ body: 'edited', version: 2 });
    const missing = await gql(
      server.url,
      UPDATE_COMMENT,
      { id: globalId('Comment', '00000000-0000-4000-8000-000000000000'), input: { body: 'x' } },
      ben.token,
    );
    expect(codeOf(missing)).toBe('NOT_FOUND');
  });

  it("lets the comment's author and the target's author delete it, and nobody else", async () => {
    const recipe = await recipeBy(ann);
    const byBen = await comment(ben, recipe, 'by Ben');
    const byCat = await comment(cat, recipe, 'by Cat');
    const other = await comment(cat, recipe, 'also by Cat');
    expect(codeOf(await gql(server.url, DELETE_COMMENT, { id: byBen.id }, cat.token))).toBe('FORBIDDEN');
    expect(await thread(recipe)).toEqual({ count: 3, bodies: ['by Ben', 'by Cat', 'also by Cat'] });

    expect((await ok(server.url, DELETE_COMMENT, { id: byBen.id }, ben.token)).deleteComment).toBe(byBen.id);
    expect((await ok(server.url, DELETE_COMMENT, { id: byCat.id }, ann.token)).deleteComment).toBe(byCat.id);
    expect(await thread(recipe)).toEqual({ count: 1, bodies: ['also by Cat'] });
    expect(await commentNode(byBen.id)).toBeNull();
    expect(codeOf(await gql(server.url, DELETE_COMMENT, { id: byBen.id }, ben.token))).toBe('NOT_FOUND');
    expect(await commentNode(other.id)).not.toBeNull();
  });

  it('shows comments exactly when their target is visible: a draft thread only to its author', async () => {
    const blog = await blogBy(ann, true);
    const onIt = await comment(ben, blog, 'seen while published');
    expect(await commentNode(onIt.id, cat)).not.toBeNull();
    await ok(server.url, UPDATE_BLOG, { id: blog, input: { published: false } }, ann.token);

    for (const viewer of [undefined, ben, cat]) {
      expect(await commentNode(onIt.id, viewer)).toBeNull();
      expect(await thread(blog, viewer)).toBeNull();
    }
    expect(await commentNode(onIt.id, ann)).not.toBeNull();
    expect(await thread(blog, ann)).toEqual({ count: 1, bodies: ['seen while published'] });
    // Even its own author cannot touch the comment while the target is hidden from them.
    expect(codeOf(await gql(server.url, UPDATE_COMMENT, { id: onIt.id, input: { body: 'x' } }, ben.token))).toBe('NOT_FOUND');
    expect(codeOf(await gql(server.url, DELETE_COMMENT, { id: onIt.id }, ben.token))).toBe('NOT_FOUND');
    expect(await commentNode(onIt.id, ann)).toMatchObject({ body: 'seen while published' });
  });

  it('deletes the comments of a deleted recipe or blog, and their notifications', async () => {
    const recipe = await recipeBy(ann);
    const blog = await blogBy(ann, true);
    const onRecipe = [await comment(ben, recipe, 'r1'), await comment(cat, recipe, 'r2')];
    const onBlog = await comment(ben, blog, 'b1');
    const before = await inbox(ann);
    expect(before.items.filter((n) => [recipe, blog].includes(n.target.id))).toHaveLength(3);

    await ok(server.url, DELETE_RECIPE, { id: recipe }, ann.token);
    await ok(server.url, DELETE_BLOG, { id: blog }, ann.token);
    for (const gone of [...onRecipe, onBlog]) expect(await commentNode(gone.id, ann)).toBeNull();
    const after = await inbox(ann);
    expect(after.items.filter((n) => [recipe, blog].includes(n.target?.id))).toEqual([]);
    expect(after.unread).toBe(before.unread - 3);
  });

  it("gives the target's author one unread notification per comment by someone else, none for their own or for edits", async () => {
    const dan = await signUp(server.url, 'Dan');
    const recipe = await recipeBy(dan);
    const blog = await blogBy(dan, true);
    await comment(dan, recipe, 'my own');
    const onRecipe = await comment(ben, recipe, 'from Ben');
    const onBlog = await comment(cat, blog, 'from Cat');
    await ok(server.url, UPDATE_COMMENT, { id: onRecipe.id, input: { body: 'from Ben, edited' } }, ben.token);

    const { items, unread } = await inbox(dan);
    expect(unread).toBe(2);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'COMMENT_ON_BLOG',
        read: false,
        actor: { id: cat.id, name: 'Cat' },
        comment: { id: onBlog.id, body: 'from Cat' },
        target: { id: blog },
      }),
      expect.objectContaining({
        kind: 'COMMENT_ON_RECIPE',
        read: false,
        actor: { id: ben.id, name: 'Ben' },
        comment: { id: onRecipe.id, body: 'from Ben, edited' },
        target: { id: recipe },
      }),
    ]);
    // A comment on someone else's content notifies only that content's author.
    expect((await inbox(ben)).items.filter((n) => n.comment.id === onRecipe.id)).toEqual([]);

    await ok(server.url, DELETE_COMMENT, { id: onRecipe.id }, ben.token);
    const afterDelete = await inbox(dan);
    expect(afterDelete.items.map((n) => n.comment.id)).toEqual([onBlog.id]);
    expect(afterDelete.unread).toBe(1);
  });

  it('lists only the viewer’s notifications, newest first, paged and filtered to unread', async () => {
    const eve = await signUp(server.url, 'Eve');
    const recipe = await recipeBy(eve);
    const made = [];
    for (const body of ['one', 'two', 'three']) made.push(await comment(ben, recipe, body));
    const page1 = await ok(server.url, NOTIFICATIONS, { first: 2 }, eve.token);
    expect(page1.notifications.edges.map((e) => e.node.comment.body)).toEqual(['three', 'two']);
    const page2 = await ok(server.url, NOTIFICATIONS, { first: 2, after: page1.notifications.pageInfo.endCursor }, eve.token);
    expect(page2.notifications.edges.map((e) => e.node.comment.body)).toEqual(['one']);

    const mine = (await inbox(eve)).items;
    const first = mine.at(-1) as NotificationFieldsFragment;
    for (const viewer of [undefined, ben]) {
      const peek = await ok(
        server.url,
        graphql(`query CommentsAndNotifications_Node2($id: ID!) { node(id: $id) { id } }`),
        { id: first.id },
        viewer?.token,
      );
      expect(peek.node).toBeNull();
    }
    expect((await inbox(ben)).items.some((n) => n.target.id === recipe)).toBe(false);

    expect(await ok(server.url, MARK_READ, { ids: [first.id] }, eve.token)).toEqual({ markNotificationsRead: 1 });
    expect((await inbox(eve, { unreadOnly: true })).items.map((n) => n.comment.body)).toEqual(['three', 'two']);
  });

  it('marks read what is named or everything, counting only notifications that were unread', async () => {
    const fay = await signUp(server.url, 'Fay');
    const recipe = await recipeBy(fay);
    for (const body of ['a', 'b', 'c']) await comment(ben, recipe, body);
    const [c, b] = (await inbox(fay)).items as [NotificationFieldsFragment, NotificationFieldsFragment, NotificationFieldsFragment];
    expect((await ok(server.url, MARK_READ, { ids: [c.id, b.id, c.id] }, fay.token)).markNotificationsRead).toBe(2);
    expect((await inbox(fay)).unread).toBe(1);
    expect((await ok(server.url, MARK_READ, { ids: [c.id] }, fay.token)).markNotificationsRead).toBe(0);
    expect((await ok(server.url, MARK_READ, { ids: [] }, fay.token)).markNotificationsRead).toBe(0);
    expect((await ok(server.url, MARK_READ, {}, fay.token)).markNotificationsRead).toBe(1);
    const after = await inbox(fay);
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.read)).toBe(true);
    expect((await ok(server.url, MARK_READ, {}, fay.token)).markNotificationsRead).toBe(0);
  });

  it("refuses markNotificationsRead with anyone else's or a foreign id as NOT_FOUND and marks nothing", async () => {
    const gus = await signUp(server.url, 'Gus');
    const hal = await signUp(server.url, 'Hal');
    await comment(ben, await recipeBy(gus), 'to Gus');
    await comment(ben, await recipeBy(hal), 'to Hal');
    const [gusNote] = (await inbox(gus)).items as [NotificationFieldsFragment];
    const [halNote] = (await inbox(hal)).items as [NotificationFieldsFragment];
    for (const foreign of [
      halNote.id,
      globalId('Notification', '00000000-0000-4000-8000-000000000000'),
      globalId('Recipe', gusNote.id),
      'garbage',
    ]) {
      const refused = await gql(server.url, MARK_READ, { ids: [gusNote.id, foreign] }, gus.token);
      expect(codeOf(refused), foreign).toBe('NOT_FOUND');
    }
    expect((await inbox(gus)).unread).toBe(1);
    expect((await inbox(hal)).unread).toBe(1);
  });

  it('refuses notifications, unreadNotificationCount and markNotificationsRead to anonymous viewers with UNAUTHENTICATED', async () => {
    const anonymous = {
      notifications: await gql(
        server.url,
        graphql(`query CommentsAndNotifications_AnonymousNotifications { notifications { edges { node { id } } } }`),
      ),
      unreadNotificationCount: await gql(server.url, graphql(`query CommentsAndNotifications_AnonymousUnread { unreadNotificationCount }`)),
      markNotificationsRead: await gql(
        server.url,
        graphql(`mutation CommentsAndNotifications_AnonymousMarkRead { markNotificationsRead }`),
      ),
    };
    for (const [field, result] of Object.entries(anonymous)) expect(codeOf(result), field).toBe('UNAUTHENTICATED');
  });
});
