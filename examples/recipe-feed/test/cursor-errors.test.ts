import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../server/test/support/database.js';
import { type ServerProcess, spawnServer } from '../../../server/test/support/servers.js';
import { activeSubscriptions, createRecipe, type FeedProcess, readLines, signUp, sleep, spawnFeed, until } from './helpers.js';

describe('recipe-feed when its cursor cannot be resumed from', () => {
  let db: TestDatabase;
  let dir: string;
  let server: ServerProcess;
  let token: string;
  const feeds: FeedProcess[] = [];
  const email = `feed-${Date.now()}@example.com`;
  const password = 'feed password 123';
  const env = () => ({ DATABASE_URL: db.url, CHANGE_LOG_RETENTION: '1s' });
  const files = () => ({ CURSOR_FILE: join(dir, 'cursor.json'), OUTPUT_FILE: join(dir, 'changes.jsonl') });

  const startFeed = (extra: Record<string, string> = {}) => {
    const feed = spawnFeed({ GRAPHQL_URL: server.wsUrl, RECIPE_FEED_EMAIL: email, RECIPE_FEED_PASSWORD: password, ...files(), ...extra });
    feeds.push(feed);
    return feed;
  };

  beforeAll(async () => {
    db = await createTestDatabase('feedcursor');
    dir = await mkdtemp(join(tmpdir(), 'recipe-feed-cursor-'));
    server = await spawnServer(env());
    await signUp(server.url, email, password, 'Feed');
    token = await signUp(server.url, `w-${Date.now()}@example.com`, 'writer password', 'Writer');
  });

  afterAll(async () => {
    for (const feed of feeds) feed.child.kill('SIGKILL');
    await server?.stop();
    await db?.drop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says CURSOR_EXPIRED loudly and goes on from live', async () => {
    let feed = startFeed();
    await until('the feed to subscribe', async () => (await activeSubscriptions(server.url)) >= 1);
    await createRecipe(server.url, token, 'Old soup');
    await until('one line', async () => (await readLines(files().OUTPUT_FILE)).length === 1);
    feed.child.kill('SIGTERM');
    expect(await feed.exited).toEqual({ code: 0, signal: null });

    // Let both changes age past the retention, then restart: pruning runs at start.
    await sleep(1_200);
    await createRecipe(server.url, token, 'Missed soup');
    await sleep(1_200);
    await server.stop();
    server = await spawnServer(env(), server.port);

    feed = startFeed();
    await until('the feed to resubscribe from live', async () => (await activeSubscriptions(server.url)) >= 1);
    expect(feed.log()).toContain('CURSOR_EXPIRED');
    await createRecipe(server.url, token, 'New soup');
    await until('the live change', async () => (await readLines(files().OUTPUT_FILE)).length === 2);
    // "Missed soup" was pruned from the log before the feed saw it: it is the documented loss.
    expect((await readLines(files().OUTPUT_FILE)).map((line) => line.title)).toEqual(['Old soup', 'New soup']);
    feed.child.kill('SIGTERM');
    expect(await feed.exited).toEqual({ code: 0, signal: null });
  });

  it('stops with exit code 2 on a cursor that is not from this service (CURSOR_INVALID)', async () => {
    await rm(files().OUTPUT_FILE, { force: true });
    await writeFile(files().CURSOR_FILE, JSON.stringify({ cursor: 'not-a-cursor' }));
    const feed = startFeed();
    expect(await feed.exited).toEqual({ code: 2, signal: null });
    expect(feed.log()).toContain('CURSOR_INVALID');
  });

  it('stops with exit code 1 on wrong credentials, and on a bad configuration', async () => {
    const wrong = startFeed({ RECIPE_FEED_PASSWORD: 'not the password' });
    expect(await wrong.exited).toEqual({ code: 1, signal: null });
    const broken = startFeed({ GRAPHQL_URL: 'ftp://nowhere' });
    expect(await broken.exited).toEqual({ code: 1, signal: null });
    expect(broken.log()).toContain('GRAPHQL_URL');
  });
});
