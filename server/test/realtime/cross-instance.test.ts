import { beforeAll, describe, expect, it } from 'vitest';
import type { RecipeChangedSubscription } from '../generated/graphql.js';
import { type Collected, ok, signUp, subscribeSse, subscribeWs } from '../support/clients.js';
import { settle, waitForSubscriptions } from '../support/cluster.js';
import { liveClusterForFile } from '../support/live-cluster.js';
import {
  BLOG_CHANGED,
  CREATE_BLOG,
  CREATE_RECIPE,
  DELETE_BLOG,
  DELETE_RECIPE,
  RECIPE_CHANGED,
  UPDATE_BLOG,
  UPDATE_RECIPE,
} from '../support/operations.js';
import type { ServerProcess } from '../support/servers.js';

type RecipeChange = RecipeChangedSubscription['recipeChanged'];

const recipeInput = (title: string, tags: string[] = []) => ({
  title,
  description: 'A test recipe',
  ingredients: ['flour', 'water'],
  steps: ['mix', 'bake'],
  tags,
  cookingMinutes: 30,
  servings: 2,
});

describe('change events across three instances sharing PostgreSQL and Redis', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  const live = liveClusterForFile(3);
  const { track, connect } = live;

  beforeAll(async () => {
    [a, b, c] = live.cluster.servers as [ServerProcess, ServerProcess, ServerProcess];
    alice = await signUp(c.url, 'Alice');
    bob = await signUp(c.url, 'Bob');
  });

  it('delivers CREATED, UPDATED and DELETED exactly once, in order, over WebSocket on one instance and SSE on another', async () => {
    const client = connect(a.wsUrl);
    const overWs = track(subscribeWs(client, RECIPE_CHANGED));
    const overSse = track(subscribeSse(b.url, RECIPE_CHANGED));
    await Promise.all([waitForSubscriptions(a.url, 1), waitForSubscriptions(b.url, 1)]);

    const created = (await ok(c.url, CREATE_RECIPE, { input: recipeInput('Soda bread', ['bread']) }, alice.token)).createRecipe;
    await ok(c.url, UPDATE_RECIPE, { id: created.id, input: { title: 'Irish soda bread' } }, alice.token);
    await ok(c.url, UPDATE_RECIPE, { id: created.id, input: { servings: 4, expectedVersion: 2 } }, alice.token);
    await ok(c.url, DELETE_RECIPE, { id: created.id }, alice.token);

    for (const stream of [overWs, overSse]) {
      const events = await stream.waitFor(4);
      expect(events.map((e) => e.kind)).toEqual(['CREATED', 'UPDATED', 'UPDATED', 'DELETED']);
      expect(events.every((e) => e.recipeId === created.id)).toBe(true);
      expect(events.slice(0, 3).map((e) => e.recipe?.version)).toEqual([1, 2, 3]);
      expect(events[1]?.recipe?.title).toBe('Irish soda bread');
      expect(events[0]?.recipe).toMatchObject({
        ingredients: ['flour', 'water'],
        tags: ['bread'],
        author: { id: alice.id, name: 'Alice' },
      });
      expect(events[3]?.recipe).toBeNull();
      expect(new Set(events.map((e) => e.cursor)).size).toBe(4);
    }
    await settle();
    expect(overWs.events).toHaveLength(4);
    expect(overSse.events).toHaveLength(4);
  });

  it('delivers to a filtered subscriber only the changes whose state before or after matches', async () => {
    const client = connect(b.wsUrl);
    const byTag = track(subscribeWs(client, RECIPE_CHANGED, { tag: 'vegan' }));
    const byAuthor = track(subscribeSse(a.url, RECIPE_CHANGED, { authorId: bob.id }));
    await Promise.all([waitForSubscriptions(b.url, 1), waitForSubscriptions(a.url, 1)]);
    const soup = (await ok(c.url, CREATE_RECIPE, { input: recipeInput('Lentil soup', ['vegan']) }, alice.token)).createRecipe;
    // Subscribed once b has delivered the soup's creation, so that change is history to this subscriber.
    await byTag.waitFor(1);
    const byId = track(subscribeWs(client, RECIPE_CHANGED, { id: soup.id }));
    await waitForSubscriptions(b.url, 2);

    await ok(c.url, CREATE_RECIPE, { input: recipeInput('Steak', ['meat']) }, alice.token);
    const bobs = (await ok(c.url, CREATE_RECIPE, { input: recipeInput('Bob stew', ['meat']) }, bob.token)).createRecipe;
    await ok(c.url, UPDATE_RECIPE, { id: soup.id, input: { tags: ['soup'] } }, alice.token);
    await ok(c.url, UPDATE_RECIPE, { id: soup.id, input: { title: 'Red lentil soup' } }, alice.token);
    await ok(c.url, UPDATE_RECIPE, { id: bobs.id, input: { tags: ['vegan'] } }, bob.token);

    // Created with the tag, lost it (still delivered, so a client can drop it), then Bob's recipe gained it.
    const tagged = await byTag.waitFor(3);
    expect(tagged.map((e) => [e.kind, e.recipeId, e.recipe?.tags])).toEqual([
      ['CREATED', soup.id, ['vegan']],
      ['UPDATED', soup.id, ['soup']],
      ['UPDATED', bobs.id, ['vegan']],
    ]);
    const authored = await byAuthor.waitFor(2);
    expect(authored.map((e) => [e.kind, e.recipeId])).toEqual([
      ['CREATED', bobs.id],
      ['UPDATED', bobs.id],
    ]);
    const single = await byId.waitFor(2);
    expect(single.map((e) => e.recipe?.version)).toEqual([2, 3]);
    await settle();
    expect([byTag.events.length, byAuthor.events.length, byId.events.length]).toEqual([3, 2, 2]);
  });

  it('keeps drafts private on every instance: only the author hears of them, publishing is CREATED and unpublishing DELETED for others', async () => {
    const authorClient = connect(a.wsUrl, alice.token);
    const bobClient = connect(b.wsUrl, bob.token);
    const author = track(subscribeWs(authorClient, BLOG_CHANGED));
    const other = track(subscribeWs(bobClient, BLOG_CHANGED));
    const anonymous = track(subscribeSse(b.url, BLOG_CHANGED));
    // Same document and variables as the author, on the author's instance: only the audience differs.
    const besideAuthor = track(subscribeWs(connect(a.wsUrl), BLOG_CHANGED));
    await Promise.all([waitForSubscriptions(a.url, 2), waitForSubscriptions(b.url, 2)]);

    const draft = (await ok(c.url, CREATE_BLOG, { input: { title: 'Secret', body: 'not yet', tags: [], published: false } }, alice.token))
      .createBlog;
    await ok(c.url, UPDATE_BLOG, { id: draft.id, input: { body: 'still not yet' } }, alice.token);
    await ok(c.url, DELETE_BLOG, { id: draft.id }, alice.token);
    const post = (await ok(c.url, CREATE_BLOG, { input: { title: 'Soon', body: 'draft', tags: [], published: false } }, alice.token))
      .createBlog;
    await ok(c.url, UPDATE_BLOG, { id: post.id, input: { published: true } }, alice.token);
    await ok(c.url, UPDATE_BLOG, { id: post.id, input: { body: 'edited in public' } }, alice.token);
    await ok(c.url, UPDATE_BLOG, { id: post.id, input: { published: false } }, alice.token);
    await ok(c.url, UPDATE_BLOG, { id: post.id, input: { body: 'edited in private' } }, alice.token);

    const seenByAuthor = await author.waitFor(8);
    expect(seenByAuthor.map((e) => [e.kind, e.blogId])).toEqual([
      ['CREATED', draft.id],
      ['UPDATED', draft.id],
      ['DELETED', draft.id],
      ['CREATED', post.id],
      ['UPDATED', post.id],
      ['UPDATED', post.id],
      ['UPDATED', post.id],
      ['UPDATED', post.id],
    ]);
    for (const stream of [other, anonymous, besideAuthor]) {
      const seen = await stream.waitFor(3);
      expect(seen.map((e) => [e.kind, e.blogId, e.blog?.published ?? null])).toEqual([
        ['CREATED', post.id, true],
        ['UPDATED', post.id, true],
        ['DELETED', post.id, null],
      ]);
    }
    await settle();
    expect([author.events.length, other.events.length, anonymous.events.length, besideAuthor.events.length]).toEqual([8, 3, 3, 3]);
    expect(JSON.stringify(other.events)).not.toContain(draft.id);
  });

  it('resumes on another instance with `after`: exactly the changes missed, then live, without a duplicate', async () => {
    const first = connect(a.wsUrl);
    const before = track(subscribeWs(first, RECIPE_CHANGED));
    await waitForSubscriptions(a.url, 1);
    const seed = (await ok(c.url, CREATE_RECIPE, { input: recipeInput('Porridge') }, alice.token)).createRecipe;
    const [last] = await before.waitFor(1);
    before.stop();
    await first.dispose();

    for (let i = 1; i <= 5; i++) await ok(c.url, UPDATE_RECIPE, { id: seed.id, input: { servings: i } }, alice.token);

    const second = connect(b.wsUrl);
    const resumed = track(subscribeWs(second, RECIPE_CHANGED, { after: last?.cursor }));
    const missed = await resumed.waitFor(5);
    expect(missed.map((e) => e.recipe?.version)).toEqual([2, 3, 4, 5, 6]);
    await ok(c.url, UPDATE_RECIPE, { id: seed.id, input: { servings: 9 } }, alice.token);
    const all = await resumed.waitFor(6);
    expect(all[5]?.recipe?.version).toBe(7);
    await settle();
    expect(resumed.events.map((e) => e.recipe?.version)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('delivers 200 concurrent updates on 20 recipes once each, with versions strictly increasing per recipe', async () => {
    const recipes = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await ok(c.url, CREATE_RECIPE, { input: recipeInput(`Batch ${i}`, ['batch']) }, alice.token)).createRecipe,
      ),
    );
    const ids = new Set(recipes.map((r: { id: string }) => r.id));
    const client = connect(a.wsUrl);
    const streams: Array<Collected<RecipeChange>> = [
      track(subscribeWs(client, RECIPE_CHANGED, { tag: 'batch' })),
      track(subscribeSse(b.url, RECIPE_CHANGED, { tag: 'batch' })),
      track(subscribeSse(c.url, RECIPE_CHANGED, { tag: 'batch' })),
    ];
    await Promise.all([waitForSubscriptions(a.url, 1), waitForSubscriptions(b.url, 1), waitForSubscriptions(c.url, 1)]);

    // Writers on all three instances at once; each update races the others on the same rows.
    const writes = Array.from({ length: 200 }, (_, i) => {
      const recipe = recipes[i % 20] as { id: string };
      const via = live.cluster.servers[i % 3] as ServerProcess;
      return ok(via.url, UPDATE_RECIPE, { id: recipe.id, input: { description: `update ${i}` } }, alice.token);
    });
    await Promise.all(writes);

    for (const stream of streams) {
      const events = await stream.waitFor(200, 30_000);
      const versions = new Map<string, number>();
      for (const event of events) {
        expect(ids.has(event.recipeId)).toBe(true);
        const version = event.recipe?.version ?? 0;
        expect(version).toBeGreaterThan(versions.get(event.recipeId) ?? 1);
        versions.set(event.recipeId, version);
      }
      expect([...versions.values()].every((v) => v === 11)).toBe(true);
      expect(new Set(events.map((e) => e.cursor)).size).toBe(200);
    }
    await settle();
    expect(streams.map((s) => s.events.length)).toEqual([200, 200, 200]);
  });
});
