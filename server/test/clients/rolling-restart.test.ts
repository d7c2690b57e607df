import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LiveState } from '@live-recipes/client';
import type { Browser, Page, WebSocket as PageSocket } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type FeedProcess, readLines, spawnFeed } from '../../../examples/recipe-feed/test/helpers.js';
import { webDist } from '../../../web/test/e2e/support/browser.js';
import { launchChromium } from '../support/chromium.js';
import { eventually, ok, SIGN_UP, signUp } from '../support/clients.js';
import { type Cluster, health, sleep, startCluster, until } from '../support/cluster.js';
import { findNginx, type Nginx, startNginx } from '../support/nginx.js';
import { CREATE_RECIPE } from '../support/operations.js';
import { spawnServer } from '../support/servers.js';
import { createApolloClient, followRecipes } from './snippets/apollo-client.js';
import { createSseClient, recipeChanges } from './snippets/graphql-sse.js';
import { createUrqlClient, RECIPE_CHANGED } from './snippets/urql.js';

const nginxBinary = findNginx();
if (!nginxBinary) console.warn('SKIPPED rolling-restart client tests: nginx is not installed (apt-get install -y nginx)');

/** Writes past this many, and until every instance has been restarted once. */
const MIN_WRITES = 240;

/**
 * The web app is served by the instances themselves, as in production. `npm test` runs the server's
 * tests before the web workspace builds it, so a checkout without web/dist builds it here once.
 */
function ensureWebBuilt(): void {
  if (existsSync(join(webDist, 'index.html'))) return;
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const build = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`building the web app failed:\n${build.stdout}\n${build.stderr}`);
}

/** The operation the web app follows recipes with (web/src/features/live/live-updates.tsx). */
const WEB_RECIPE_OPERATION = 'LiveUpdates_RecipeChanged';

/**
 * What the page's own WebSockets carried: the recipe ids of every `recipeChanged` event, in the
 * order they arrived, over every socket the page opened. graphql-ws frames are JSON; a
 * `subscribe` names its operation, and each `next` carries that subscription's id.
 */
function watchWebSockets(page: Page) {
  const received: string[] = [];
  let sockets = 0;
  page.on('websocket', (socket: PageSocket) => {
    sockets += 1;
    const recipeSubscriptions = new Set<string>();
    const parse = (payload: string | Buffer) => {
      try {
        return JSON.parse(payload.toString()) as { type?: string; id?: string; payload?: Record<string, unknown> };
      } catch {
        return null;
      }
    };
    socket.on('framesent', ({ payload }) => {
      const message = parse(payload);
      if (message?.type === 'subscribe' && message.id && message.payload?.operationName === WEB_RECIPE_OPERATION)
        recipeSubscriptions.add(message.id);
    });
    socket.on('framereceived', ({ payload }) => {
      const message = parse(payload);
      if (message?.type !== 'next' || !message.id || !recipeSubscriptions.has(message.id)) return;
      const data = message.payload?.data as { recipeChanged?: { recipeId?: string } | null } | undefined;
      if (data?.recipeChanged?.recipeId) received.push(data.recipeChanged.recipeId);
    });
  });
  return { received, sockets: () => sockets };
}

describe.skipIf(!nginxBinary)('clients on @live-recipes/client through nginx while three instances restart one after another', () => {
  let cluster: Cluster;
  let lb: Nginx;
  let dir: string;
  let feed: FeedProcess | undefined;
  let browser: Browser | undefined;
  const cleanups: Array<() => unknown> = [];

  beforeAll(async () => {
    ensureWebBuilt();
    cluster = await startCluster(3, { WEB_DIST: webDist });
    lb = await startNginx(cluster.servers.map((server) => server.port));
    dir = await mkdtemp(join(tmpdir(), 'rolling-clients-'));
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await browser?.close();
    feed?.child.kill('SIGKILL');
    await lb?.stop();
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('delivers every write exactly once, in order, to the web app in Chromium, Apollo, urql, graphql-sse and recipe-feed', async () => {
    const httpUrl = `${lb.url}/graphql`;
    const author = await signUp(lb.url, 'Writer');
    const feedAccount = { email: `feed-${Date.now()}@example.com`, password: 'a long feed password' };
    await ok(lb.url, SIGN_UP, { input: { ...feedAccount, name: 'Feed' } });

    const seen: Record<'apollo' | 'urql' | 'sse', string[]> = { apollo: [], urql: [], sse: [] };

    const reconnects = { apollo: 0, urql: 0, sse: 0 };
    const count = (client: keyof typeof reconnects) => (state: LiveState) => {
      if (state.status === 'reconnecting') reconnects[client] += 1;
    };

    const apollo = createApolloClient({ httpUrl, webSocketImpl: WebSocket, onState: count('apollo') });
    const apolloSubscription = followRecipes(apollo.client, null, (change) => seen.apollo.push(change.recipeId));
    cleanups.push(
      () => apolloSubscription.unsubscribe(),
      () => apollo.client.stop(),
      () => apollo.live.dispose(),
    );

    const urql = createUrqlClient({ url: httpUrl, webSocketImpl: WebSocket, onState: count('urql') });
    const urqlSubscription = urql.client.subscription(RECIPE_CHANGED, { after: null }).subscribe((result) => {
      if (result.data?.recipeChanged) seen.urql.push(result.data.recipeChanged.recipeId);
    });
    cleanups.push(
      () => urqlSubscription.unsubscribe(),
      () => urql.live.dispose(),
    );

    const sse = createSseClient(httpUrl);
    sse.onState(count('sse'));
    const sseChanges = recipeChanges(sse, null);
    const sseLoop = (async () => {
      for await (const change of sseChanges) seen.sse.push(change.recipeId);
    })();
    cleanups.push(
      // Disposed first: `return` on an iterator waiting for its next event waits for that event.
      () => sse.dispose(),
      () => sseChanges.return(undefined),
    );

    const output = join(dir, 'feed.jsonl');
    feed = spawnFeed({
      GRAPHQL_URL: lb.url,
      RECIPE_FEED_EMAIL: feedAccount.email,
      RECIPE_FEED_PASSWORD: feedAccount.password,
      CURSOR_FILE: join(dir, 'cursor.json'),
      OUTPUT_FILE: output,
      FEED_FSYNC: 'false',
    });
    const readFeed = async () => (await readLines(output)).map((line) => line.recipeId);

    // The web app as a reader sees it, through nginx like everyone else: signed out, on the
    // recipe list, where others' new recipes wait behind the "N new recipes" bar.
    browser = await launchChromium();
    const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    const web = watchWebSockets(page);
    await page.goto(`${lb.url}/#/`);
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 20_000 });

    const subscriptions = async () =>
      (await Promise.all(cluster.servers.map((server) => health(server.url)))).reduce((n, h) => n + h.activeSubscriptions, 0);
    const deadline = Date.now() + 20_000;
    // Apollo, urql, graphql-sse, recipe-feed, and the page's recipe and blog subscriptions.
    while ((await subscriptions()) < 6) {
      if (Date.now() > deadline) throw new Error(`the six subscriptions did not start\n${feed.log()}`);
      await sleep(50);
    }

    // The writer goes to an instance that is not restarting, so every write it sees answered is
    // committed, and nothing it did not see answered is: the ids it gets back are the truth.
    const written: string[] = [];
    let restarting = -1;
    let restartsDone = false;
    let inFlight: Promise<unknown> = Promise.resolve();
    const writer = (async () => {
      for (let i = 0; written.length < MIN_WRITES || !restartsDone; i++) {
        const target = cluster.servers.find((_, index) => index !== restarting && index === i % 3) ?? cluster.servers[(restarting + 1) % 3];
        if (!target) throw new Error('no instance to write to');
        const write = ok(target.url, CREATE_RECIPE, { input: { title: `Rolling ${i}` } }, author.token);
        inFlight = write;
        written.push((await write).createRecipe.id);
        // Spread the writes over the restarts instead of finishing before the first.
        await sleep(15);
      }
    })();

    // Every client holds a cursor before the first restart, so each can resume from it.
    await until(
      () => seen.apollo.length > 0 && seen.urql.length > 0 && seen.sse.length > 0 && web.received.length > 0,
      'every client saw a write',
    );
    await eventually(readFeed, (lines) => lines.length > 0, 20_000);

    for (let index = 0; index < 3; index++) {
      restarting = index;
      await inFlight.catch(() => {});
      const old = cluster.servers[index];
      if (!old) throw new Error('missing instance');
      await old.stop();
      cluster.servers[index] = await spawnServer({ ...cluster.env, INSTANCE_ID: `restarted-${index + 1}` }, old.port);
      restarting = -1;
      // Let clients settle onto the new set before the next instance goes.
      await sleep(500);
    }
    restartsDone = true;
    await writer;

    const complete = () =>
      seen.apollo.length >= written.length &&
      seen.urql.length >= written.length &&
      seen.sse.length >= written.length &&
      web.received.length >= written.length;
    // A client that lost writes never catches up: the comparisons below then say which one and what it missed.
    await until(complete, `every client caught up to ${written.length} writes`, 30_000).catch(() => {});
    await eventually(readFeed, (lines) => lines.length >= written.length, 30_000).catch(() => {});
    // Anything late or repeated would show up now.
    await sleep(700);
    const feedLines = await readFeed();

    expect(written.length).toBeGreaterThanOrEqual(MIN_WRITES);
    expect(seen.apollo).toEqual(written);
    expect(seen.urql).toEqual(written);
    expect(seen.sse).toEqual(written);
    expect(feedLines).toEqual(written);
    expect(web.received).toEqual(written);
    // What the page shows agrees: every write waits behind the bar, counted once (the count is of
    // distinct recipes its cache holds, so it shows a loss, and the frames above show a repeat);
    // shown, the list is the newest page of them, newest first, fetched right after the restarts.
    const bar = page.getByTestId('new-recipes-bar');
    await bar.getByRole('button', { name: `${written.length} new recipes — show`, exact: true }).waitFor();
    await bar.getByRole('button').click();
    await bar.waitFor({ state: 'detached' });
    const newestFirst = written.map((_, i) => `Rolling ${i}`).reverse();
    const cards = page.getByTestId('recipe-card');
    await cards.getByRole('heading', { name: newestFirst[0], exact: true }).waitFor();
    expect(await cards.getByRole('heading').allTextContents()).toEqual(newestFirst.slice(0, 12));
    // The page stayed on WebSockets (the frames above are all it received) and reconnected.
    expect(await page.getByTestId('connection-status').textContent()).toBe('Live');
    expect(web.sockets()).toBeGreaterThan(1);
    // Every client was on an instance when it restarted, so every one of them resumed at least once.
    expect(reconnects.apollo).toBeGreaterThan(0);
    expect(reconnects.urql).toBeGreaterThan(0);
    expect(reconnects.sse).toBeGreaterThan(0);
    sse.dispose();
    await sseLoop;
  }, 180_000);
});
