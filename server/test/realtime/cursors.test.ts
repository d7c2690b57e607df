import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Collected, ok, signUp, subscribeSse, subscribeWs, wsClient } from '../support/clients.js';
import { sleep } from '../support/cluster.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { BLOG_CHANGED, CREATE_BLOG, CREATE_RECIPE, RECIPE_CHANGED } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const recipe = (title: string) => ({ title, ingredients: ['rice'], steps: ['cook'], tags: [] });

describe('change cursors', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let token: string;
  let recipeCursor: string;
  let blogCursor: string;

  beforeAll(async () => {
    db = await createTestDatabase('cursor');
    server = await startInProcess({ DATABASE_URL: db.url, CHANGE_LOG_RETENTION: '1s' });
    ({ token } = await signUp(server.url, 'Cursor'));
    const client = wsClient(server.wsUrl);
    const recipes = subscribeWs(client, RECIPE_CHANGED);
    const blogs = subscribeWs(client, BLOG_CHANGED);
    await sleep(200);
    await ok(server.url, CREATE_RECIPE, { input: recipe('Rice') }, token);
    await ok(server.url, CREATE_BLOG, { input: { title: 'Rice notes', body: 'hm', tags: [], published: true } }, token);
    recipeCursor = (await recipes.waitFor(1))[0]?.cursor ?? '';
    blogCursor = (await blogs.waitFor(1))[0]?.cursor ?? '';
    await client.dispose();
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** Creates a recipe and returns its change's cursor, as a subscriber on `client` received it. */
  const cursorOfNewRecipe = async (client: ReturnType<typeof wsClient>, title: string) => {
    const live = subscribeWs(client, RECIPE_CHANGED);
    await sleep(200);
    await ok(server.url, CREATE_RECIPE, { input: recipe(title) }, token);
    const cursor = (await live.waitFor(1))[0]?.cursor ?? '';
    live.stop();
    return cursor;
  };

  const reasonFor = async (stream: Collected<unknown>) => {
    await expect(stream.waitFor(1, 5_000)).rejects.toThrow(/subscription failed/);
    const [errors] = stream.errors as Array<Array<{ extensions?: { code?: string; reason?: string } }>>;
    stream.stop();
    return errors?.[0]?.extensions;
  };

  it('refuses a cursor from the other field, a list cursor, garbage and a position past the log as CURSOR_INVALID', async () => {
    expect(await reasonFor(subscribeSse(server.url, BLOG_CHANGED, { after: recipeCursor }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CURSOR_INVALID',
    });
    expect(await reasonFor(subscribeSse(server.url, RECIPE_CHANGED, { after: blogCursor }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CURSOR_INVALID',
    });
    expect(await reasonFor(subscribeSse(server.url, RECIPE_CHANGED, { after: 'not-a-cursor' }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CURSOR_INVALID',
    });
    const future = Buffer.from('chg1:recipe:999999').toString('base64url');
    expect(await reasonFor(subscribeSse(server.url, RECIPE_CHANGED, { after: future }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'CURSOR_INVALID',
    });
  });

  it('says CURSOR_EXPIRED once a cursor is older than the retention, before any pruning, from the recent window and from the log alike', async () => {
    const client = wsClient(server.wsUrl);
    const cursor = await cursorOfNewRecipe(client, 'Fresh');
    const committed = Date.now();
    // Started after the change, so it knows it only from the log; its start-up prune is too early to remove it.
    const reader = await startInProcess({ DATABASE_URL: db.url, CHANGE_LOG_RETENTION: '3s' });
    try {
      const resumed = subscribeSse(reader.url, RECIPE_CHANGED, { after: cursor });
      await resumed.opened;
      await ok(server.url, CREATE_RECIPE, { input: recipe('Next') }, token);
      expect((await resumed.waitFor(1))[0]?.recipe?.title).toBe('Next');
      resumed.stop();

      await sleep(Math.max(0, committed + 3_300 - Date.now()));
      const expired = { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' };
      // This instance holds the change in its window (retention 1 s); the other reads the log (3 s).
      expect(await reasonFor(subscribeWs(client, RECIPE_CHANGED, { after: cursor }))).toEqual(expired);
      expect(await reasonFor(subscribeSse(reader.url, RECIPE_CHANGED, { after: cursor }))).toEqual(expired);
    } finally {
      await client.dispose();
      await reader.stop();
    }
  });

  it('says CURSOR_EXPIRED for a cursor older than the retention once the log was pruned, up to the newest change pruned', async () => {
    const client = wsClient(server.wsUrl);
    const newest = await cursorOfNewRecipe(client, 'Last pruned');
    await client.dispose();
    await sleep(1_200);
    // Pruning runs before an instance serves: this one empties the log, so its horizon is `newest`'s
    // position, and it has never held that change itself.
    const pruned = await startInProcess({ DATABASE_URL: db.url, CHANGE_LOG_RETENTION: '1s' });
    try {
      const expired = { code: 'BAD_USER_INPUT', reason: 'CURSOR_EXPIRED' };
      expect(await reasonFor(subscribeSse(pruned.url, RECIPE_CHANGED, { after: recipeCursor }))).toEqual(expired);
      expect(await reasonFor(subscribeSse(pruned.url, RECIPE_CHANGED, { after: newest }))).toEqual(expired);
    } finally {
      await pruned.stop();
    }
  });
});
