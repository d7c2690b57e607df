/**
 * Reconnect-jitter benchmark: subscribers over two instances keep dropping their connection for
 * 1–3 s and come back on either instance with `after:` their last cursor, while one writer runs at
 * a fixed rate. Prints how many of the expected deliveries arrived, duplicates and reorderings,
 * reconnects that failed (error, or not caught up within 10 s), clients still offline at the end,
 * and catch-up time (reconnect → first event at or past the newest change written when it left).
 *
 *   npm run bench:jitter -- --subscribers 10000 --rate 4 --seconds 60
 */
import { parseArgs } from 'node:util';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ok, signUp } from '../test/support/clients.js';
import { startCluster } from '../test/support/cluster.js';
import { CREATE_RECIPE, UPDATE_RECIPE } from '../test/support/operations.js';
import type { ServerProcess } from '../test/support/servers.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '40' },
    'drop-every': { type: 'string', default: '15' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const DROP_EVERY_S = Number(values['drop-every']);

const SUBSCRIPTION = `subscription ($after: String) { recipeChanged(after: $after) { cursor recipe { version } } }`;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
async function waitUntil(done: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out while setting up');
    await sleep(100);
  }
}

interface Follower {
  versions: number[];
  lastCursor: string | undefined;
  drops: number;
  client: Client | undefined;
  /** When the current connection was opened, and the version it must reach to count as caught up. */
  since: number;
  target: number;
  caughtUp: boolean;
  live: boolean;
}

const CATCH_UP_LIMIT_MS = 10_000;
const progress = { written: 1, catchUps: [] as number[], failedReconnects: 0 };

function follow(servers: ServerProcess[], follower: Follower, pick: number): Promise<void> {
  const server = servers[pick % servers.length] as ServerProcess;
  const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  follower.client = client;
  follower.since = Date.now();
  follower.target = Math.max(progress.written, (follower.versions.at(-1) ?? 0) + 1);
  follower.caughtUp = false;
  follower.live = true;
  return new Promise<void>((resolve) => {
    client.subscribe<{ recipeChanged: { cursor: string; recipe: { version: number } | null } }>(
      { query: SUBSCRIPTION, variables: { after: follower.lastCursor ?? null } },
      {
        next: ({ data }) => {
          // A disposed client can still hand over messages that were already on its socket; the app has moved on.
          if (!data || follower.client !== client) return;
          const version = data.recipeChanged.recipe?.version ?? 0;
          follower.versions.push(version);
          follower.lastCursor = data.recipeChanged.cursor;
          if (!follower.caughtUp && version >= follower.target && follower.lastCursor) {
            follower.caughtUp = true;
            const took = Date.now() - follower.since;
            progress.catchUps.push(took);
            if (took > CATCH_UP_LIMIT_MS) progress.failedReconnects += 1;
          }
        },
        error: () => {
          follower.live = false;
          progress.failedReconnects += 1;
          resolve();
        },
        complete: () => {
          follower.live = false;
          resolve();
        },
      },
    );
  });
}

async function main() {
  console.log(`jitter: ${SUBSCRIBERS} subscribers dropping for 1–3 s about every ${DROP_EVERY_S} s, ${RATE} events/s for ${SECONDS} s`);
  const cluster = await startCluster(2, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10' });
  const servers = cluster.servers;
  try {
    const { token } = await signUp((servers[0] as ServerProcess).url, 'Jitter');
    const followers: Follower[] = Array.from({ length: SUBSCRIBERS }, () => ({
      versions: [],
      lastCursor: undefined,
      drops: 0,
      client: undefined,
      since: 0,
      target: 0,
      caughtUp: false,
      live: false,
    }));
    for (const [i, follower] of followers.entries()) void follow(servers, follower, i);
    // Thousands connecting at once: whoever was refused (say, an init timeout) tries again.
    await waitUntil(async () => {
      for (const [i, follower] of followers.entries()) if (!follower.live) void follow(servers, follower, i);
      const counts = await Promise.all(
        servers.map(async (s) => ((await (await fetch(`${s.url}/health`)).json()) as { activeSubscriptions: number }).activeSubscriptions),
      );
      return counts.reduce((a, b) => a + b, 0) >= SUBSCRIBERS;
    }, 180_000);
    // The creation gives every follower a cursor before anyone drops.
    const recipe = (
      await ok(
        (servers[0] as ServerProcess).url,
        CREATE_RECIPE,
        { input: { title: 'Jitter', ingredients: [], steps: [], tags: [] } },
        token,
      )
    ).createRecipe as { id: string };
    await waitUntil(async () => followers.every((f) => f.lastCursor !== undefined), 120_000);
    // Setting up is not what is measured.
    progress.failedReconnects = 0;
    progress.catchUps.length = 0;

    let running = true;
    // Each follower drops at random moments, stays away 1–3 s, then resumes on a random instance.
    const droppers = followers.map(async (follower) => {
      while (running) {
        await sleep(Math.random() * DROP_EVERY_S * 2_000);
        if (!running) break;
        // Disposing a client whose connection was refused rejects; it is gone either way.
        await Promise.resolve(follower.client?.dispose()).catch(() => {});
        follower.drops += 1;
        await sleep(1_000 + Math.random() * 2_000);
        void follow(servers, follower, Math.floor(Math.random() * 2));
      }
    });

    const events = RATE * SECONDS;
    const started = Date.now();
    for (let sent = 1; sent <= events; sent++) {
      const due = started + (sent * 1_000) / RATE;
      await sleep(Math.max(0, due - Date.now()));
      await ok((servers[sent % 2] as ServerProcess).url, UPDATE_RECIPE, { id: recipe.id, input: { servings: sent } }, token);
      progress.written = sent + 1;
    }
    running = false;
    // Followers still away come back and catch up.
    await sleep(5_000);
    const deadline = Date.now() + 20_000;
    const expectedVersions = events + 1;
    while (Date.now() < deadline && followers.some((f) => (f.versions.at(-1) ?? 0) < expectedVersions)) await sleep(200);
    await Promise.race([Promise.all(droppers), sleep(1_000)]);

    let delivered = 0;
    let duplicates = 0;
    let reordered = 0;
    let drops = 0;
    for (const follower of followers) {
      drops += follower.drops;
      const seen = new Set<number>();
      let previous = 0;
      for (const version of follower.versions) {
        if (seen.has(version)) duplicates += 1;
        else if (version >= 2) delivered += 1;
        if (version < previous) reordered += 1;
        seen.add(version);
        previous = Math.max(previous, version);
      }
    }
    const expected = SUBSCRIBERS * events;
    const offline = followers.filter((f) => !f.live || (f.versions.at(-1) ?? 0) < expectedVersions).length;
    const stillAway = followers.filter((f) => f.live && !f.caughtUp && Date.now() - f.since > CATCH_UP_LIMIT_MS).length;
    const catchUps = progress.catchUps.sort((x, y) => x - y);
    const at = (p: number) => catchUps[Math.min(catchUps.length - 1, Math.floor((p / 100) * catchUps.length))] ?? Number.NaN;
    console.log('');
    console.log(`reconnects            ${drops}`);
    console.log(`delivered             ${delivered} of ${expected} (${((delivered / expected) * 100).toFixed(2)}%)`);
    console.log(`duplicates ${duplicates}, reordered ${reordered}`);
    console.log(`failed reconnects     ${progress.failedReconnects + stillAway}`);
    console.log(`offline at the end    ${offline}`);
    console.log(`catch-up              p50 ${at(50)} ms, p99 ${at(99)} ms (${catchUps.length} reconnects measured)`);
    await Promise.all(followers.map((f) => Promise.resolve(f.client?.dispose()).catch(() => {})));
  } finally {
    await cluster.stop();
  }
}

await main();
