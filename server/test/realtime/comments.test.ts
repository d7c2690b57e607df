import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { type Collected, gql, ok, signUp, subscribeSse, subscribeWs, type TestUser } from '../support/clients.js';
import { health, settle, until, waitForSubscriptions } from '../support/cluster.js';
import { liveClusterForFile } from '../support/live-cluster.js';
import {
  ADD_COMMENT,
  COMMENT_CHANGED,
  CREATE_BLOG,
  CREATE_RECIPE,
  DELETE_BLOG,
  DELETE_COMMENT,
  DELETE_RECIPE,
  RECIPE_CHANGED,
  UPDATE_BLOG,
  UPDATE_COMMENT,
} from '../support/operations.js';
import type { ServerProcess } from '../support/servers.js';

type User = TestUser;

const errorCode = (stream: Collected<unknown>) => {
  const [first] = stream.errors as Array<Array<{ extensions?: { code?: string; reason?: string } }> | undefined>;
  return first?.[0]?.extensions;
};

describe('commentChanged across three instances', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  let alice: User;
  let bob: User;
  let carol: User;
  const live = liveClusterForFile(3);
  const { track, connect } = live;
  const overWs = (server: ServerProcess, targetId: string, user?: User, after?: string) =>
    track(subscribeWs(connect(server.wsUrl, user?.token), COMMENT_CHANGED, { targetId, after }));
  const overSse = (server: ServerProcess, targetId: string, user?: User) =>
    track(subscribeSse(server.url, COMMENT_CHANGED, { targetId }, user?.token));
  const add = async (user: User, targetId: string, body: string) =>
    (await ok(c.url, ADD_COMMENT, { input: { targetId, body } }, user.token)).addComment.id as string;

  beforeAll(async () => {
    [a, b, c] = live.cluster.servers as [ServerProcess, ServerProcess, ServerProcess];
    [alice, bob, carol] = await Promise.all([signUp(c.url, 'Alice'), signUp(c.url, 'Bob'), signUp(c.url, 'Carol')]);
  });

  it('delivers every add, edit and delete on the target, in order, over WebSocket and SSE on other instances, and nothing of other threads', async () => {
    const recipe = (await ok(c.url, CREATE_RECIPE, { input: { title: 'Soup' } }, alice.token)).createRecipe.id as string;
    const other = (await ok(c.url, CREATE_RECIPE, { input: { title: 'Other' } }, alice.token)).createRecipe.id as string;
    const ws = overWs(a, recipe);
    const sse = overSse(b, recipe, carol);
    await Promise.all([waitForSubscriptions(a.url, 1), waitForSubscriptions(b.url, 1)]);

    const first = await add(bob, recipe, 'Lovely');
    await add(bob, other, 'elsewhere');
    await ok(c.url, UPDATE_COMMENT, { id: first, input: { body: 'Lovely soup' } }, bob.token);
    const second = await add(carol, recipe, 'Too salty');
    await ok(c.url, DELETE_COMMENT, { id: second }, alice.token);

    for (const stream of [ws, sse]) {
      const events = await stream.waitFor(4);
      expect(events.map((e) => [e.kind, e.commentId, e.targetId, e.comment?.body ?? null])).toEqual([
        ['CREATED', first, recipe, 'Lovely'],
        ['UPDATED', first, recipe, 'Lovely soup'],
        ['CREATED', second, recipe, 'Too salty'],
        ['DELETED', second, recipe, null],
      ]);
      expect(events[0]?.comment).toMatchObject({ version: 1, author: { id: bob.id, name: 'Bob' } });
      expect(events[1]?.comment?.version).toBe(2);
    }
    await settle();
    expect([ws.events.length, sse.events.length]).toEqual([4, 4]);
  });

  it("refuses a thread the viewer cannot see with NOT_FOUND, and shows a draft's thread only to its author", async () => {
    const draft = (await ok(c.url, CREATE_BLOG, { input: { title: 'Secret', body: 'x', published: false } }, alice.token)).createBlog.id;
    for (const viewer of [bob, undefined]) {
      const refused = overWs(a, draft, viewer);
      await until(() => refused.errors.length > 0, 'the subscription is refused');
      expect(errorCode(refused)?.code).toBe('NOT_FOUND');
    }
    const missing = overWs(a, 'not-an-id', bob);
    await until(() => missing.errors.length > 0, 'the subscription is refused');
    expect(errorCode(missing)?.code).toBe('NOT_FOUND');

    // Streams of earlier tests may still be open on b: wait for this one in particular.
    const openOnB = (await health(b.url)).activeSubscriptions;
    const author = overWs(b, draft, alice);
    await waitForSubscriptions(b.url, openOnB + 1);
    const note = await add(alice, draft, 'note to self');
    const [event] = await author.waitFor(1);
    expect(event).toMatchObject({ kind: 'CREATED', commentId: note, comment: { body: 'note to self' } });

    await ok(c.url, UPDATE_BLOG, { id: draft, input: { published: true } }, alice.token);
    const openOnA = (await health(a.url)).activeSubscriptions;
    const reader = overSse(a, draft, bob);
    await waitForSubscriptions(a.url, openOnA + 1);
    const reply = await add(bob, draft, 'now I can see it');
    expect((await reader.waitFor(1)).map((e) => e.commentId)).toEqual([reply]);
    expect((await author.waitFor(2)).map((e) => e.commentId)).toEqual([note, reply]);
  });

  it("ends other viewers' streams when a blog is unpublished, over WebSocket and SSE, and keeps the author's", async () => {
    const blog = (await ok(c.url, CREATE_BLOG, { input: { title: 'Public', body: 'x', published: true } }, alice.token)).createBlog.id;
    const author = overWs(a, blog, alice);
    const readerWs = overWs(b, blog, bob);
    const readerSse = overSse(a, blog);
    await Promise.all([waitForSubscriptions(a.url, 2), waitForSubscriptions(b.url, 1)]);
    const before = await add(bob, blog, 'before');
    await Promise.all([author.waitFor(1), readerWs.waitFor(1), readerSse.waitFor(1)]);

    await ok(c.url, UPDATE_BLOG, { id: blog, input: { published: false } }, alice.token);
    await until(() => readerWs.completed && readerSse.completed, "the readers' streams complete");
    expect(readerWs.errors).toEqual([]);
    expect(readerSse.errors).toEqual([]);

    const after = await add(alice, blog, 'after, in private');
    expect((await author.waitFor(2)).map((e) => e.commentId)).toEqual([before, after]);
    expect(author.completed).toBe(false);
    expect(readerWs.events.map((e) => e.commentId)).toEqual([before]);
    expect(readerSse.events.map((e) => e.commentId)).toEqual([before]);
  });

  it('replays a thread across an unpublish and republish that happened while away, without ending the stream', async () => {
    const blog = (await ok(c.url, CREATE_BLOG, { input: { title: 'On and off', body: 'x', published: true } }, alice.token)).createBlog
      .id as string;
    const first = overWs(a, blog, bob);
    await waitForSubscriptions(a.url, 1);
    const seen = await add(bob, blog, 'seen');
    const [last] = await first.waitFor(1);
    first.stop();

    await ok(c.url, UPDATE_BLOG, { id: blog, input: { published: false } }, alice.token);
    await add(alice, blog, 'while it was a draft');
    await ok(c.url, UPDATE_BLOG, { id: blog, input: { published: true } }, alice.token);
    const after = await add(carol, blog, 'after republishing');

    const resumed = overWs(b, blog, bob, last?.cursor);
    expect((await resumed.waitFor(1)).map((e) => e.commentId)).toEqual([after]);
    const live = await add(bob, blog, 'live');
    expect((await resumed.waitFor(2)).map((e) => e.commentId)).toEqual([after, live]);
    expect(resumed.completed).toBe(false);
    expect(JSON.stringify(resumed.events)).not.toContain(seen);
  });

  it('completes every stream when the target is deleted, after the DELETED events of its comments', async () => {
    const recipe = (await ok(c.url, CREATE_RECIPE, { input: { title: 'Short-lived' } }, alice.token)).createRecipe.id as string;
    const blog = (await ok(c.url, CREATE_BLOG, { input: { title: 'Short-lived', body: 'x', published: true } }, alice.token)).createBlog
      .id as string;
    const onRecipe = [overWs(a, recipe, bob), overSse(b, recipe), overWs(b, recipe, alice)];
    const onBlog = [overWs(a, blog, alice), overSse(b, blog, carol)];
    await Promise.all([waitForSubscriptions(a.url, 2), waitForSubscriptions(b.url, 3)]);
    const r1 = await add(bob, recipe, 'r1');
    const r2 = await add(carol, recipe, 'r2');
    const b1 = await add(carol, blog, 'b1');

    await ok(c.url, DELETE_RECIPE, { id: recipe }, alice.token);
    await ok(c.url, DELETE_BLOG, { id: blog }, alice.token);
    await until(() => [...onRecipe, ...onBlog].every((s) => s.completed), 'every stream completes');
    for (const stream of onRecipe) {
      expect(stream.events.map((e) => [e.kind, e.commentId])).toEqual([
        ['CREATED', r1],
        ['CREATED', r2],
        ['DELETED', r1],
        ['DELETED', r2],
      ]);
    }
    for (const stream of onBlog) {
      expect(stream.events.map((e) => [e.kind, e.commentId])).toEqual([
        ['CREATED', b1],
        ['DELETED', b1],
      ]);
    }
    const late = overWs(c, recipe, alice);
    await until(() => late.errors.length > 0, 'a subscription to the deleted target is refused');
    expect(errorCode(late)?.code).toBe('NOT_FOUND');
  });

  it('resumes on another instance with `after`: exactly the comment changes missed, then live; other fields refuse its cursor', async () => {
    const recipe = (await ok(c.url, CREATE_RECIPE, { input: { title: 'Resumable' } }, alice.token)).createRecipe.id as string;
    const first = overWs(a, recipe, bob);
    await waitForSubscriptions(a.url, 1);
    const seed = await add(bob, recipe, 'seed');
    const [last] = await first.waitFor(1);
    first.stop();

    const missed = [await add(carol, recipe, 'm1'), await add(bob, recipe, 'm2')];
    await ok(c.url, UPDATE_COMMENT, { id: seed, input: { body: 'seed, edited' } }, bob.token);
    const resumed = overWs(b, recipe, bob, last?.cursor);
    const replayed = await resumed.waitFor(3);
    expect(replayed.map((e) => [e.kind, e.commentId])).toEqual([
      ['CREATED', missed[0]],
      ['CREATED', missed[1]],
      ['UPDATED', seed],
    ]);
    const live = await add(carol, recipe, 'live');
    expect((await resumed.waitFor(4)).at(-1)?.commentId).toBe(live);
    await settle();
    expect(resumed.events).toHaveLength(4);

    const wrongField = track(subscribeWs(connect(a.wsUrl), RECIPE_CHANGED, { after: last?.cursor }));
    await until(() => wrongField.errors.length > 0, 'recipeChanged refuses the cursor');
    expect(errorCode(wrongField)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' });
    const recipeCursor = await new Promise<string>((resolve, reject) => {
      const stream = subscribeWs(connect(a.wsUrl), RECIPE_CHANGED, { id: recipe });
      track(stream);
      void waitForSubscriptions(a.url, 1)
        .then(() =>
          ok(
            c.url,
            graphql(`mutation Comments_UpdateRecipe($id: ID!) { updateRecipe(id: $id, input: { title: "Renamed" }) { id } }`),
            { id: recipe },
            alice.token,
          ),
        )
        .then(() => stream.waitFor(1))
        .then(([event]) => resolve(event?.cursor ?? ''), reject);
    });
    const refused = overWs(a, recipe, bob, recipeCursor);
    await until(() => refused.errors.length > 0, 'commentChanged refuses a recipeChanged cursor');
    expect(errorCode(refused)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' });
    const viaHttp = await gql(c.url, graphql(`query Comments_RecipeCommentCount($id: ID!) { recipe(id: $id) { commentCount } }`), {
      id: recipe,
    });
    expect(viaHttp.data?.recipe).toEqual({ commentCount: 4 });
  });
});
