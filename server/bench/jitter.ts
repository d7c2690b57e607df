/**
 * Reconnect-jitter benchmark: subscribers over two instances keep dropping their connection for
 * 1–3 s and come back on either instance with `after:` their last cursor, while one writer runs at
 * a fixed rate. Prints how many of the expected deliveries arrived, duplicates and reorderings,
 * reconnects that failed (error, or not caught up within 10 s), clients still offline at the end,
 * catch-up time (reconnect → first event at or past the newest change written when it left) and
 * live latency (commit → receive, for events that arrive once caught up).
 *
 * `--baseline socketio` then runs the same storm, on the same database, writer and change channel,
 * against two Socket.IO instances with connection-state recovery (bench/support/socketio-recovery.ts):
 * a dropped client comes back on either instance with its session id and last offset, and the
 * figures are measured by the same code. Last, the project's catch-up p99 over Socket.IO's.
 *
 *   npm run bench:jitter -- --subscribers 10000 --rate 4 --seconds 60 --baseline socketio
 */
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import { ok, signUp } from '../test/support/clients.js';
import { startCluster } from '../test/support/cluster.js';
import { CREATE_RECIPE, UPDATE_RECIPE } from '../test/support/operations.js';
import type { ServerProcess } from '../test/support/servers.js';
import { DEPLOYED_ENV, spawnSocketIoInstance } from './support/processes.js';
import type { RecipeChange } from './support/recipe-change.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '200' },
    rate: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '40' },
    'drop-every': { type: 'string', default: '15' },
    baseline: { type: 'string', default: 'none' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const DROP_EVERY_S = Number(values['drop-every']);
if (values.baseline !== 'none' && values.baseline !== 'socketio') throw new Error('--baseline is none or socketio');
type Phase = 'project' | 'socketio';
const PHASES: Phase[] = values.baseline === 'socketio' ? ['project', 'socketio'] : ['project'];

const SUBSCRIPTION = `subscription ($after: String) { recipeChanged(after: $after) { cursor occurredAt recipe { version } } }`;
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
  /** Where the next connection resumes: the project's cursor, or Socket.IO's stream offset. */
  resumeFrom: string | undefined;
  /** Socket.IO's private session id, which recovery needs besides the offset. */
  session: string | undefined;
  drops: number;
  /** The current connection; events and errors from any other are stale. */
  connection: object | undefined;
  close: () => Promise<void>;
  /** When the current connection was opened, and the version it must reach to count as caught up. */
  since: number;
  target: number;
  caughtUp: boolean;
  live: boolean;
}

const CATCH_UP_LIMIT_MS = 10_000;
const progress = { written: 0, catchUps: [] as number[], live: [] as number[], failedReconnects: 0, notRecovered: 0 };

function opened(follower: Follower, connection: object, close: () => Promise<void>): void {
  follower.connection = connection;
  follower.close = close;
  follower.since = Date.now();
  follower.target = Math.max(progress.written, (follower.versions.at(-1) ?? 0) + 1);
  follower.caughtUp = false;
  follower.live = true;
}

function received(follower: Follower, version: number, occurredAt: string): void {
  follower.versions.push(version);
  if (follower.caughtUp) {
    progress.live.push(Date.now() - Date.parse(occurredAt));
  } else if (version >= follower.target) {
    follower.caughtUp = true;
    const took = Date.now() - follower.since;
    progress.catchUps.push(took);
    if (took > CATCH_UP_LIMIT_MS) progress.failedReconnects += 1;
  }
}

function failed(follower: Follower): void {
  follower.live = false;
  progress.failedReconnects += 1;
}

/** One graphql-ws client per connection, resuming with `after:`. */
function followProject(url: string, follower: Follower): void {
  const client = createClient({ url, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
  // Disposing a client whose connection was refused rejects; it is gone either way.
  opened(follower, client, () => Promise.resolve(client.dispose()).catch(() => {}));
  client.subscribe<{ recipeChanged: { cursor: string; occurredAt: string; recipe: { version: number } | null } }>(
    { query: SUBSCRIPTION, variables: { after: follower.resumeFrom ?? null } },
    {
      next: ({ data }) => {
        // A disposed client can still hand over messages that were already on its socket; the app has moved on.
        if (!data || follower.connection !== client) return;
        follower.resumeFrom = data.recipeChanged.cursor;
        received(follower, data.recipeChanged.recipe?.version ?? 0, data.recipeChanged.occurredAt);
      },
      error: () => {
        if (follower.connection === client) failed(follower);
      },
      complete: () => {
        if (follower.connection === client) follower.live = false;
      },
    },
  );
}

/** Socket.IO's client keeps the session id to itself and offers it only to the URL it came from. */
const sessionOf = (socket: Socket) => (socket as unknown as { _pid?: string })._pid;

/**
 * One socket.io-client per connection, so the next one may go to the other instance (as behind a
 * load balancer), offering the session id and last offset the way socket.io-client does itself.
 */
function followSocketIo(url: string, follower: Follower): void {
  const resuming = follower.session !== undefined && follower.resumeFrom !== undefined;
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    auth: resuming ? { pid: follower.session, offset: follower.resumeFrom } : {},
  });
  opened(follower, socket, async () => {
    // Closing the transport is a network drop to the server ("transport close"), which keeps the session.
    socket.io.engine.close();
    socket.disconnect();
  });
  socket.on('recipeChanged', (change: RecipeChange, offset: string) => {
    if (follower.connection !== socket) return;
    follower.resumeFrom = offset;
    received(follower, change.recipe?.version ?? 0, change.occurredAt);
  });
  socket.on('connect', () => {
    if (follower.connection !== socket) return;
    // `socket.recovered` is only set when the same client object reconnects; the session id says it here.
    const session = sessionOf(socket);
    if (resuming && session !== follower.session) {
      // The server started a new session: whatever was emitted while away is lost.
      progress.notRecovered += 1;
      progress.failedReconnects += 1;
    }
    follower.session = session;
  });
  socket.on('connect_error', () => {
    if (follower.connection === socket) failed(follower);
  });
  socket.on('disconnect', () => {
    if (follower.connection === socket) follower.live = false;
  });
}

interface Figures {
  phase: Phase;
  /** How long the writes took: the writer waits for each, so a loaded phase writes slower and drops more. */
  writeSeconds: number;
  reconnects: number;
  delivered: number;
  expected: number;
  duplicates: number;
  reordered: number;
  failedReconnects: number;
  notRecovered: number;
  offline: number;
  catchUps: number[];
  live: number[];
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

interface Instance {
  /** What a client connects to, and the origin that answers /health. */
  connectUrl: string;
  url: string;
  stop(): Promise<void>;
}

async function storm(phase: Phase, writers: ServerProcess[], env: Record<string, string>, write: (n: number) => Promise<void>) {
  const instances: Instance[] =
    phase === 'project'
      ? writers.map((s) => ({ connectUrl: s.wsUrl, url: s.url, stop: async () => {} }))
      : (await Promise.all([spawnSocketIoInstance(env, true), spawnSocketIoInstance(env, false)])).map((s) => ({
          ...s,
          connectUrl: s.url,
        }));
  const follow = (follower: Follower, pick: number) =>
    (phase === 'project' ? followProject : followSocketIo)((instances[pick % instances.length] as Instance).connectUrl, follower);
  const followers: Follower[] = Array.from({ length: SUBSCRIBERS }, () => ({
    versions: [],
    resumeFrom: undefined,
    session: undefined,
    drops: 0,
    connection: undefined,
    close: async () => {},
    since: 0,
    target: 0,
    caughtUp: false,
    live: false,
  }));
  try {
    for (const [i, follower] of followers.entries()) follow(follower, i);
    // Thousands connecting at once: whoever was refused (say, an init timeout) tries again.
    await waitUntil(async () => {
      for (const [i, follower] of followers.entries()) if (!follower.live) follow(follower, i);
      const counts = await Promise.all(
        instances.map(
          async ({ url }) => ((await (await fetch(`${url}/health`)).json()) as { activeSubscriptions: number }).activeSubscriptions,
        ),
      );
      return counts.reduce((a, b) => a + b, 0) >= SUBSCRIBERS;
    }, 180_000);
    // One change gives every follower a cursor (or offset) before anyone drops.
    const base = progress.written + 1;
    await write(base);
    await waitUntil(async () => followers.every((f) => (f.versions.at(-1) ?? 0) >= base), 120_000);
    // Setting up is not what is measured.
    progress.failedReconnects = 0;
    progress.notRecovered = 0;
    progress.catchUps = [];
    progress.live = [];

    let running = true;
    // Each follower drops at random moments, stays away 1–3 s, then resumes on a random instance.
    const droppers = followers.map(async (follower) => {
      while (running) {
        await sleep(Math.random() * DROP_EVERY_S * 2_000);
        if (!running) break;
        const close = follower.close;
        follower.connection = undefined;
        await close();
        follower.live = false;
        follower.drops += 1;
        await sleep(1_000 + Math.random() * 2_000);
        follow(follower, Math.floor(Math.random() * 2));
      }
    });

    const events = RATE * SECONDS;
    const started = Date.now();
    for (let sent = 1; sent <= events; sent++) {
      const due = started + (sent * 1_000) / RATE;
      await sleep(Math.max(0, due - Date.now()));
      await write(base + sent);
    }
    const writeSeconds = (Date.now() - started) / 1_000;
    running = false;
    // Followers still away come back and catch up.
    await sleep(5_000);
    const last = base + events;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline && followers.some((f) => (f.versions.at(-1) ?? 0) < last)) await sleep(200);
    await Promise.race([Promise.all(droppers), sleep(1_000)]);

    const figures: Figures = {
      phase,
      writeSeconds,
      reconnects: 0,
      delivered: 0,
      expected: SUBSCRIBERS * events,
      duplicates: 0,
      reordered: 0,
      failedReconnects: progress.failedReconnects,
      notRecovered: progress.notRecovered,
      offline: followers.filter((f) => !f.live || (f.versions.at(-1) ?? 0) < last).length,
      catchUps: [...progress.catchUps].sort((x, y) => x - y),
      live: [...progress.live].sort((x, y) => x - y),
    };
    figures.failedReconnects += followers.filter((f) => f.live && !f.caughtUp && Date.now() - f.since > CATCH_UP_LIMIT_MS).length;
    for (const follower of followers) {
      figures.reconnects += follower.drops;
      const seen = new Set<number>();
      let previous = 0;
      for (const version of follower.versions) {
        if (seen.has(version)) figures.duplicates += 1;
        else if (version > base) figures.delivered += 1;
        if (version < previous) figures.reordered += 1;
        seen.add(version);
        previous = Math.max(previous, version);
      }
    }
    return figures;
  } finally {
    await Promise.all(followers.map((f) => f.close()));
    await Promise.all(instances.map((s) => s.stop()));
  }
}

function print(f: Figures): void {
  console.log('');
  console.log(`${f.phase} (events written in ${f.writeSeconds.toFixed(1)} s)`);
  console.log(`reconnects            ${f.reconnects}`);
  // Rounded down, so one lost event in 40,000 does not read as 100.00%.
  const share = Math.floor((f.delivered / f.expected) * 10_000) / 100;
  console.log(`delivered             ${f.delivered} of ${f.expected} (${share.toFixed(2)}%)`);
  console.log(`duplicates ${f.duplicates}, reordered ${f.reordered}`);
  const lost = f.phase === 'socketio' ? ` (${f.notRecovered} of them sessions not recovered)` : '';
  console.log(`failed reconnects     ${f.failedReconnects}${lost}`);
  console.log(`offline at the end    ${f.offline}`);
  console.log(
    `catch-up              p50 ${percentile(f.catchUps, 50)} ms, p99 ${percentile(f.catchUps, 99)} ms (${f.catchUps.length} reconnects measured)`,
  );
  console.log(`live                  p50 ${percentile(f.live, 50)} ms, p99 ${percentile(f.live, 99)} ms`);
}

async function main() {
  console.log(`jitter: ${SUBSCRIBERS} subscribers dropping for 1–3 s about every ${DROP_EVERY_S} s, ${RATE} events/s for ${SECONDS} s`);
  // Both phases' servers run with the Docker image's settings (see fanout.ts).
  const cluster = await startCluster(2, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10', ...DEPLOYED_ENV });
  const servers = cluster.servers;
  try {
    const { token } = await signUp((servers[0] as ServerProcess).url, 'Jitter');
    const recipe = (
      await ok(
        (servers[0] as ServerProcess).url,
        CREATE_RECIPE,
        { input: { title: 'Jitter', ingredients: [], steps: [], tags: [] } },
        token,
      )
    ).createRecipe as { id: string };
    progress.written = 1;
    // Writes alternate over the project's instances in every phase; version n is the (n-1)th update.
    const write = async (version: number) => {
      await ok((servers[version % 2] as ServerProcess).url, UPDATE_RECIPE, { id: recipe.id, input: { servings: version } }, token);
      progress.written = version;
    };
    const results: Figures[] = [];
    for (const phase of PHASES) {
      const figures = await storm(phase, servers, cluster.env, write);
      print(figures);
      results.push(figures);
    }
    const [project, socketio] = results;
    if (project && socketio) {
      const ratio = percentile(project.catchUps, 99) / percentile(socketio.catchUps, 99);
      console.log('');
      console.log(`catch-up p99 project/socketio  ${ratio.toFixed(2)}×`);
    }
  } finally {
    await cluster.stop();
  }
}

await main();
