import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../../../server/test/support/database.js';
import { type ServerProcess, spawnServer } from '../../../server/test/support/servers.js';
import { activeSubscriptions, type FeedProcess, gql, readLines, signUp, sleep, spawnFeed, until } from './helpers.js';

interface Change {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  recipeId: string;
  cursor: string;
  recipe: { version: number } | null;
}
interface Write {
  kind: Change['kind'];
  recipeId: string;
  version: number | null;
}

const CHANGES = `subscription ($after: String) { recipeChanged(after: $after) { kind recipeId cursor recipe { version } } }`;

/** Collects every change a plain graphql-ws subscription receives. */
function subscribe(wsUrl: string, after?: string) {
  const events: Change[] = [];
  const errors: unknown[] = [];
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true });
  const dispose = client.subscribe<{ recipeChanged: Change }>(
    { query: CHANGES, variables: after ? { after } : {} },
    {
      next: (result) => (result.data ? events.push(result.data.recipeChanged) : errors.push(result.errors)),
      error: (error) => errors.push(error),
      complete: () => {},
    },
  );
  return {
    events,
    errors,
    async close() {
      dispose();
      await client.dispose();
    },
  };
}

/**
 * Two authors writing in the background: creates, updates and deletes, each recorded with the
 * version the server returned. Every one of them commits exactly one change.
 */
function startWriter(url: string, tokens: string[]) {
  const writes: Write[] = [];
  let running = true;
  let failure: unknown;
  let counter = 0;
  const author = async (token: string) => {
    const live = new Map<string, number>();
    while (running) {
      const ids = [...live.keys()];
      const roll = Math.random();
      if (ids.length < 3 || roll < 0.25) {
        const data = await gql<{ createRecipe: { id: string; version: number } }>(
          url,
          'mutation ($input: CreateRecipeInput!) { createRecipe(input: $input) { id version } }',
          { input: { title: `Dish ${++counter}`, ingredients: ['salt'], steps: ['stir'], tags: ['feed'] } },
          token,
        );
        live.set(data.createRecipe.id, data.createRecipe.version);
        writes.push({ kind: 'CREATED', recipeId: data.createRecipe.id, version: data.createRecipe.version });
      } else if (roll < 0.85) {
        const id = ids[Math.floor(Math.random() * ids.length)] as string;
        const data = await gql<{ updateRecipe: { version: number } }>(
          url,
          'mutation ($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { version } }',
          { id, input: { title: `Dish ${++counter}`, expectedVersion: live.get(id) } },
          token,
        );
        live.set(id, data.updateRecipe.version);
        writes.push({ kind: 'UPDATED', recipeId: id, version: data.updateRecipe.version });
      } else {
        const id = ids[Math.floor(Math.random() * ids.length)] as string;
        await gql(url, 'mutation ($id: ID!) { deleteRecipe(id: $id) }', { id }, token);
        live.delete(id);
        writes.push({ kind: 'DELETED', recipeId: id, version: null });
      }
      await sleep(Math.random() * 8);
    }
  };
  const done = Promise.all(tokens.map((token) => author(token))).catch((error) => {
    failure = error;
  });
  return {
    writes,
    async stop() {
      running = false;
      await done;
      if (failure) throw failure;
    },
  };
}

describe('recipe-feed against real servers, killed and restarted while changes stream', () => {
  let db: TestDatabase;
  let dir: string;
  let a: ServerProcess;
  let b: ServerProcess;
  let env: Record<string, string>;
  const feeds: FeedProcess[] = [];
  const email = `feed-${Date.now()}@example.com`;
  const password = 'feed password 123';

  beforeAll(async () => {
    db = await createTestDatabase('feed');
    dir = await mkdtemp(join(tmpdir(), 'recipe-feed-'));
    env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('feed'), RELAY_INTERVAL: '500ms' };
    [a, b] = await Promise.all([spawnServer({ ...env, INSTANCE_ID: 'feed-a' }), spawnServer({ ...env, INSTANCE_ID: 'feed-b' })]);
  });

  afterAll(async () => {
    for (const feed of feeds) feed.child.kill('SIGKILL');
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const outputFile = () => join(dir, 'changes.jsonl');
  const cursorFile = () => join(dir, 'cursor.json');

  function startFeed(extraEnv: Record<string, string> = {}): FeedProcess {
    const feed = spawnFeed({
      GRAPHQL_URL: a.url,
      RECIPE_FEED_EMAIL: email,
      RECIPE_FEED_PASSWORD: password,
      CURSOR_FILE: cursorFile(),
      OUTPUT_FILE: outputFile(),
      ...extraEnv,
    });
    feeds.push(feed);
    return feed;
  }

  const outputLines = () => readLines(outputFile());

  const savedCursor = async () => (JSON.parse(await readFile(cursorFile(), 'utf8')) as { cursor: string }).cursor;

  async function growBy(count: number, feed: FeedProcess, timeoutMs = 30_000): Promise<number> {
    const target = (await outputLines()).length + count;
    await until(`${target} output lines\n${feed.log()}`, async () => (await outputLines()).length >= target, timeoutMs);
    return target;
  }

  async function kill(feed: FeedProcess): Promise<void> {
    feed.child.kill('SIGKILL');
    expect((await feed.exited).signal).toBe('SIGKILL');
  }

  it('processes every change exactly once, in order per recipe', async () => {
    await signUp(a.url, email, password, 'Feed');
    const writers = await Promise.all([
      signUp(b.url, `w1-${Date.now()}@example.com`, 'writer password 1', 'Writer One'),
      signUp(b.url, `w2-${Date.now()}@example.com`, 'writer password 2', 'Writer Two'),
    ]);

    // The server's own account of the history: a subscriber that stays connected throughout.
    const reference = subscribe(b.wsUrl);
    await until('the reference subscription', async () => (await activeSubscriptions(b.url)) >= 1);

    // First start: no cursor yet, so the feed starts from live; write only once it listens.
    let feed = startFeed();
    await until(`the feed's subscription\n${feed.log()}`, async () => (await activeSubscriptions(a.url)) >= 1);
    const writer = startWriter(b.url, writers);

    // 1. Crash twice in the middle of the stream.
    await growBy(120, feed);
    await kill(feed);
    feed = startFeed();
    await growBy(120, feed);
    await kill(feed);

    // 2. Crash between writing a change and persisting its cursor: a slow checkpoint makes the
    //    window wide, and the kill lands right after a new line appeared.
    feed = startFeed({ RECIPE_FEED_TEST_CHECKPOINT_DELAY_MS: '2000' });
    await growBy(1, feed);
    await kill(feed);
    const lines = await outputLines();
    expect(await savedCursor()).not.toBe(lines.at(-1)?.cursor);

    // 3. The restart takes its cursor from the output, not the stale cursor file.
    feed = startFeed();
    const recovering = feed;
    await growBy(120, feed);

    // 4. The instance the feed is connected to shuts down (1001) and comes back on its port.
    await a.stop();
    await sleep(300);
    a = await spawnServer({ ...env, INSTANCE_ID: 'feed-a2' }, a.port);
    await growBy(120, feed);
    expect(feed.log()).toContain('"code":1001');
    expect(feed.log()).toContain('reconnected');

    // 5. A clean stop persists the cursor of the last change written.
    feed.child.kill('SIGTERM');
    expect(await feed.exited).toEqual({ code: 0, signal: null });
    expect(await savedCursor()).toBe((await outputLines()).at(-1)?.cursor);

    feed = startFeed();
    await growBy(100, feed);
    await writer.stop();
    const writes = writer.writes;

    // Everything written has reached the reference and the feed.
    await until(
      `the reference to see ${writes.length} changes (has ${reference.events.length})`,
      () => reference.events.length >= writes.length,
    );
    await until(
      `the feed to catch up to ${writes.length}\n${feed.log()}`,
      async () => (await outputLines()).length >= writes.length,
      60_000,
    );
    await sleep(1_000); // anything extra (a duplicate) would show up now
    feed.child.kill('SIGTERM');
    expect(await feed.exited).toEqual({ code: 0, signal: null });
    expect(reference.errors).toEqual([]);
    await reference.close();

    const output = await outputLines();
    expect(writes.length).toBeGreaterThan(500);
    expect(reference.events).toHaveLength(writes.length);
    expect(output).toHaveLength(writes.length);

    // No change twice, and exactly the server's changes.
    const cursors = output.map((line) => line.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(new Set(cursors)).toEqual(new Set(reference.events.map((e) => e.cursor)));

    // Per recipe, the same sequence as written, in order: CREATED v1, UPDATED v2, v3 …, DELETED.
    const perRecipe = <T>(items: T[], id: (t: T) => string, view: (t: T) => string) => {
      const map = new Map<string, string[]>();
      for (const item of items) map.set(id(item), [...(map.get(id(item)) ?? []), view(item)]);
      return map;
    };
    const written = perRecipe(
      writes,
      (w) => w.recipeId,
      (w) => `${w.kind}:${w.version}`,
    );
    const fed = perRecipe(
      output,
      (l) => l.recipeId,
      (l) => `${l.kind}:${l.version}`,
    );
    expect(fed).toEqual(written);
    for (const [id, sequence] of fed) {
      const versions = sequence.filter((s) => !s.startsWith('DELETED')).map((s) => Number(s.split(':')[1]));
      expect(versions, id).toEqual(versions.map((_, i) => i + 1));
      expect(
        sequence.slice(0, -1).some((s) => s.startsWith('DELETED')),
        id,
      ).toBe(false);
    }

    // The server's durable history agrees: replaying after the first change yields the rest.
    const replay = subscribe(b.wsUrl, reference.events[0]?.cursor);
    await until(`the replay (${replay.events.length}/${writes.length - 1})`, () => replay.events.length >= writes.length - 1);
    await sleep(300);
    await replay.close();
    expect(replay.errors).toEqual([]);
    expect(new Set(replay.events.map((e) => e.cursor))).toEqual(new Set(cursors.filter((c) => c !== reference.events[0]?.cursor)));
    expect(replay.events).toHaveLength(writes.length - 1);

    // And the crash in step 2 did land between the output and the cursor file.
    expect(recovering.log()).toContain('the output is ahead of the cursor file');
  });
});
