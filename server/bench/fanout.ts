/**
 * Fan-out benchmark against its ceiling, in one run. For every subscriber count and audience it
 * runs two phases on the same PostgreSQL, Redis prefix and writer instance:
 *   raw      two minimal `ws` servers (bench/support/raw-broadcast.ts) that broadcast one
 *            prepared frame per event: the most a WebSocket server can do per CPU-second;
 *   project  two instances of this server;
 *   socketio two Socket.IO instances with the Redis Streams adapter (bench/support/socketio-recovery.ts),
 *            one emitting each change once to a room, which the adapter encodes once per instance
 *            (only with `--phases raw,project,socketio`).
 * N subscribers (graphql-ws; socket.io-client for socketio) are split over the two servers of the phase; a third project instance,
 * with no subscribers, takes the writes, so both phases spend their CPU on fan-out only. Printed
 * per phase: deliveries per server CPU-second, commit→receive p50/p99, RSS and V8 heap per idle
 * subscribed socket (after a forced GC, against a reading taken after one warm-up subscriber per
 * server) and how much of that RSS is V8's young generation, missing and duplicates, and the
 * project's ratio to raw. Every measured server runs with the Docker image's NODE_ENV,
 * MALLOC_ARENA_MAX and NODE_OPTIONS (`--node-env`, `--malloc-arena-max`, `--node-options` set
 * others; an empty value leaves the variable unset).
 *
 *   npm run bench:fanout -- --subscribers 1000,4000 --viewers shared,distinct,anonymous --rate 5000 --seconds 15
 *
 * --rate is deliveries per second (events per second = rate / subscribers). --viewers: `shared`
 * one token for all, `distinct` --distinct-viewers signed-in users round robin, `anonymous` no token.
 * --rounds N runs the phases of every count and audience N times, every other round in the
 * reverse order, and ends with each round's ratios to the raw phase of the same round and their
 * median: on a shared machine one round's ratio moves by ±0.1 with the load beside it.
 * --writes-through measured sends the project's writes through its first measured instance instead of
 * the separate writer, and then prints deliveries per CPU-second of the busier instance of each
 * phase (the raw servers cannot take writes, so theirs still go through the writer). --warm-writes N
 * first sends N writes through that instance before the subscribers connect (default 0). The phase
 * `raw-writes` (`--phases raw,raw-writes,project --writes-through measured`) runs the raw servers
 * with the first of them also taking one textbook write (bench/support/textbook-write.ts) per
 * event: the ruler for an instance that takes writes and fans out. Each round also prints, to stderr,
 * the CPU-seconds of each measured instance.
 * SERVER_NODE_ARGS=--cpu-prof profiles the project instances.
 */
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import { ok, signUp } from '../test/support/clients.js';
import { createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { CREATE_RECIPE, UPDATE_RECIPE } from '../test/support/operations.js';
import { spawnServer } from '../test/support/servers.js';
import { RECIPE_SUBSCRIPTION } from './support/idle-subscriber.js';
import {
  cpuSeconds,
  DEPLOYED_ENV,
  type Measured,
  type Memory,
  memoryAfterGc,
  spawnProjectInstance,
  spawnRawInstance,
  spawnSocketIoInstance,
} from './support/processes.js';
import type { RecipeChange } from './support/recipe-change.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '1000,4000' },
    viewers: { type: 'string', default: 'shared,distinct,anonymous' },
    rate: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '15' },
    'distinct-viewers': { type: 'string', default: '200' },
    phases: { type: 'string', default: 'raw,project' },
    rounds: { type: 'string', default: '1' },
    'writes-through': { type: 'string', default: 'writer' },
    'warm-writes': { type: 'string', default: '0' },
    'node-env': { type: 'string', default: DEPLOYED_ENV.NODE_ENV ?? '' },
    'malloc-arena-max': { type: 'string', default: DEPLOYED_ENV.MALLOC_ARENA_MAX ?? '' },
    'node-options': { type: 'string', default: DEPLOYED_ENV.NODE_OPTIONS ?? '' },
  },
});
const COUNTS = values.subscribers.split(',').map(Number);
const AUDIENCES = values.viewers.split(',') as Audience[];
const DELIVERIES_PER_SECOND = Number(values.rate);
const SECONDS = Number(values.seconds);
const DISTINCT = Number(values['distinct-viewers']);
const PHASES = values.phases.split(',') as Phase[];
const ROUNDS = Number(values.rounds);
/** `measured`: the project's writes go through its first measured instance, which then takes the writes and fans out. */
const WRITES_THROUGH_MEASURED = values['writes-through'] === 'measured';
/**
 * With `measured`: writes sent through that instance before the subscribers connect, so the
 * mutation path runs as in a server that has taken writes before rather than for the first time.
 */
const WARM_WRITES = Number(values['warm-writes']);

type Audience = 'shared' | 'distinct' | 'anonymous';
type Phase = 'raw' | 'raw-writes' | 'project' | 'socketio';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface Figures {
  phase: Phase;
  round: number;
  subscribers: number;
  audience: Audience;
  delivered: number;
  expected: number;
  perCpuSecond: number;
  p50: number;
  p99: number;
  rssPerSocket: number;
  /** What V8's young generation grew by, per socket: part of rssPerSocket, though empty after the GC. */
  youngGenerationPerSocket: number;
  heapPerSocket: number;
  missing: number;
  duplicates: number;
}

interface Subscriber {
  /** Resolves once connected; the subscription itself shows in the server's /health count. */
  connected: Promise<void>;
  close(): Promise<void>;
}
type OnChange = (change: Pick<RecipeChange, 'cursor' | 'occurredAt'>) => void;

/** A graphql-ws subscriber for the raw ceiling and the project. */
function graphqlSubscriber(url: string, token: string | undefined, onChange: OnChange): Subscriber {
  const client = createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // One id everywhere lets the raw ceiling broadcast a single prepared frame.
    generateID: () => 'fanout',
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  const connected = new Promise<void>((resolve, reject) => {
    const off = client.on('connected', () => {
      off();
      resolve();
    });
    client.on('error', reject);
  });
  client.subscribe<{ recipeChanged: { cursor: string; occurredAt: string } }>(
    { query: RECIPE_SUBSCRIPTION },
    {
      next: ({ data }) => {
        if (data) onChange(data.recipeChanged);
      },
      error: (error) => console.error('subscription error', error),
      complete: () => {},
    },
  );
  return { connected, close: async () => client.dispose() };
}

/** A socket.io-client subscriber; the room is joined on connection. */
function socketIoSubscriber(url: string, onChange: OnChange): Subscriber {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  socket.on('recipeChanged', (change: RecipeChange) => onChange(change));
  const connected = new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    connected,
    close: async () => {
      socket.disconnect();
    },
  };
}

const TEXTBOOK_UPDATE =
  'mutation Update($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { id title version } }';

/** One write to a raw server that takes them, as the project's instance takes the project's. */
async function textbookWrite(url: string, id: string, n: number): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: TEXTBOOK_UPDATE, variables: { id, input: { title: `Textbook ${n}` } } }),
  });
  const body = (await response.json()) as { errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

/** The deployed settings, as the options have them; an empty value is left out. */
const SETTINGS = Object.fromEntries(
  Object.entries({
    NODE_ENV: values['node-env'],
    MALLOC_ARENA_MAX: values['malloc-arena-max'],
    NODE_OPTIONS: values['node-options'],
  }).filter(([, value]) => value),
);

const spawnInstance = (phase: Phase, common: Record<string, string>, n: number): Promise<Measured> => {
  const env = { ...common, ...SETTINGS };
  return phase === 'raw'
    ? spawnRawInstance(env)
    : phase === 'raw-writes'
      ? spawnRawInstance(n === 1 ? { ...env, TAKES_WRITES: '1' } : env)
      : phase === 'socketio'
        ? spawnSocketIoInstance(env, n === 1)
        : spawnProjectInstance({ ...env, INSTANCE_ID: `fanout-${n}` });
};

async function activeSubscriptions(servers: Measured[]): Promise<number> {
  const counts = await Promise.all(
    servers.map(async (s) => ((await (await fetch(`${s.url}/health`)).json()) as { activeSubscriptions: number }).activeSubscriptions),
  );
  return counts.reduce((a, b) => a + b, 0);
}

async function main() {
  const db = await createTestDatabase('bench');
  const env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('bench'), LOG_LEVEL: 'warn' };
  // SERVER_NODE_ARGS (--cpu-prof) is for the measured instances, not the writer.
  const nodeArgs = process.env.SERVER_NODE_ARGS;
  delete process.env.SERVER_NODE_ARGS;
  const writer = await spawnServer({ ...env, INSTANCE_ID: 'writer', DATABASE_POOL_SIZE: '10' });
  if (nodeArgs !== undefined) process.env.SERVER_NODE_ARGS = nodeArgs;
  const results: Figures[] = [];
  try {
    const author = await signUp(writer.url, 'Bench');
    const viewers: string[] = [];
    while (viewers.length < DISTINCT) {
      const batch = await Promise.all(Array.from({ length: Math.min(20, DISTINCT - viewers.length) }, () => signUp(writer.url, 'Viewer')));
      viewers.push(...batch.map((v) => v.token));
    }
    const recipe = (
      await ok(writer.url, CREATE_RECIPE, { input: { title: 'Bench', ingredients: ['x'], steps: ['y'], tags: ['bench'] } }, author.token)
    ).createRecipe as { id: string };
    let version = 0;
    const textbookTarget = (await ok(writer.url, CREATE_RECIPE, { input: { title: 'Textbook target' } }, author.token)).createRecipe as {
      id: string;
    };

    const tokenFor = (audience: Audience, i: number): string | undefined =>
      audience === 'shared' ? author.token : audience === 'distinct' ? viewers[i % viewers.length] : undefined;

    for (const subscribers of COUNTS) {
      for (const audience of AUDIENCES) {
        for (let round = 1; round <= ROUNDS; round++) {
          // Every other round the other way round, so drift in the machine's load falls on both sides alike.
          for (const phase of round % 2 === 1 ? PHASES : [...PHASES].reverse()) {
            const rate = DELIVERIES_PER_SECOND / subscribers;
            const events = Math.max(1, Math.round(rate * SECONDS));
            const servers = await Promise.all([1, 2].map((n) => spawnInstance(phase, env, n)));
            try {
              // One subscriber per server first, so the idle reading already holds the code and caches
              // a first subscription compiles and fills once per process, in every phase alike.
              const warmUp = servers.map((server) =>
                phase === 'socketio'
                  ? socketIoSubscriber(server.url, () => {})
                  : graphqlSubscriber(server.wsUrl, tokenFor(audience, 0), () => {}),
              );
              await Promise.all(warmUp.map((c) => c.connected));
              while ((await activeSubscriptions(servers)) < warmUp.length) await sleep(100);
              await Promise.all(warmUp.map((c) => c.close()));
              while ((await activeSubscriptions(servers)) > 0) await sleep(100);
              if (WRITES_THROUGH_MEASURED && phase === 'project') {
                for (let n = 0; n < WARM_WRITES; n++) {
                  version += 1;
                  await ok(
                    (servers[0] as Measured).url,
                    UPDATE_RECIPE,
                    { id: recipe.id, input: { title: `Warm ${version}` } },
                    author.token,
                  );
                }
              }
              await sleep(500);
              const idle = await Promise.all(servers.map((s) => memoryAfterGc(s.pid)));
              const received = Array.from({ length: subscribers }, () => new Map<string, number>());
              const latencies: number[] = [];
              let deliveries = 0;
              const deliveriesBy = [0, 0];
              const connect = (i: number): Subscriber => {
                const server = servers[i % 2] as Measured;
                const onChange: OnChange = (change) => {
                  deliveriesBy[i % 2] = (deliveriesBy[i % 2] ?? 0) + 1;
                  const seen = received[i] as Map<string, number>;
                  seen.set(change.cursor, (seen.get(change.cursor) ?? 0) + 1);
                  latencies.push(Date.now() - Date.parse(change.occurredAt));
                  deliveries += 1;
                };
                return phase === 'socketio'
                  ? socketIoSubscriber(server.url, onChange)
                  : graphqlSubscriber(server.wsUrl, tokenFor(audience, i), onChange);
              };
              const clients = Array.from({ length: subscribers }, (_, i) => connect(i));
              await Promise.all(clients.map((c) => c.connected));
              while ((await activeSubscriptions(servers)) < subscribers) await sleep(100);
              await sleep(500);
              const subscribed = await Promise.all(servers.map((s) => memoryAfterGc(s.pid)));
              const cpuBefore = await Promise.all(servers.map((s) => cpuSeconds(s.pid)));

              const started = Date.now();
              const writes: Array<Promise<unknown>> = [];
              for (let sent = 1; sent <= events; sent++) {
                await sleep(Math.max(0, started + (sent * 1_000) / rate - Date.now()));
                version += 1;
                const through = WRITES_THROUGH_MEASURED && phase === 'project' ? (servers[0] as Measured).url : writer.url;
                writes.push(ok(through, UPDATE_RECIPE, { id: recipe.id, input: { title: `Bench ${version}` } }, author.token));
                if (phase === 'raw-writes') writes.push(textbookWrite((servers[0] as Measured).url, textbookTarget.id, version));
              }
              await Promise.all(writes);
              const expected = subscribers * events;
              const deadline = Date.now() + 30_000;
              while (deliveries < expected && Date.now() < deadline) await sleep(50);
              await sleep(300);
              const cpuAfter = await Promise.all(servers.map((s) => cpuSeconds(s.pid)));
              const cpu = cpuAfter.reduce((sum, c, i) => sum + c - (cpuBefore[i] ?? 0), 0);
              // With writes through a measured instance, the figure is that of the busier instance.
              const busiest = Math.min(...cpuAfter.map((c, i) => (deliveriesBy[i] ?? 0) / Math.max(1e-9, c - (cpuBefore[i] ?? 0))));

              let missing = 0;
              let duplicates = 0;
              for (const seen of received) {
                missing += Math.max(0, events - seen.size);
                for (const count of seen.values()) duplicates += count - 1;
              }
              latencies.sort((a, b) => a - b);
              const perSocket = (key: keyof Memory) =>
                subscribed.reduce((sum, s, i) => sum + s[key] - (idle[i]?.[key] ?? 0), 0) / subscribers;
              const figures: Figures = {
                phase,
                round,
                subscribers,
                audience,
                delivered: deliveries,
                expected,
                perCpuSecond: WRITES_THROUGH_MEASURED ? busiest : deliveries / cpu,
                p50: percentile(latencies, 50),
                p99: percentile(latencies, 99),
                rssPerSocket: perSocket('rss'),
                youngGenerationPerSocket: perSocket('youngGeneration'),
                heapPerSocket: perSocket('heapUsed'),
                missing,
                duplicates,
              };
              results.push(figures);
              console.log(row(figures, results));
              // Each instance's share, to stderr beside the table: with writes through the first, the
              // difference between the two is what the writes cost it.
              const perInstance = cpuAfter.map((c, i) => (c - (cpuBefore[i] ?? 0)).toFixed(2)).join(' s, ');
              console.error(`${phase} round ${round}: CPU ${perInstance} s per instance for ${deliveriesBy.join(', ')} deliveries`);
              await Promise.all(clients.map((c) => c.close()));
            } finally {
              await Promise.all(servers.map((s) => s.stop()));
            }
          }
        }
      }
    }
    if (ROUNDS > 1) summarise(results);
  } finally {
    await writer.stop();
    await db.drop();
  }
}

const rawBeside = (f: Figures, all: Figures[]) =>
  all.find((r) => r.phase === 'raw' && r.round === f.round && r.subscribers === f.subscribers && r.audience === f.audience);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Per subscriber count, audience and server, the ratios of every round to the raw phase beside it, and their median. */
function summarise(all: Figures[]): void {
  console.log(
    '\n| server | subscribers | audience | CPU ratio, each round | median | p99 ratio, each round | median | RSS per socket, each round |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const list = (values: number[], unit: string) => values.map((v) => `${v.toFixed(2)}${unit}`).join(', ');
  const againstRuler: string[] = [];
  for (const subscribers of COUNTS) {
    for (const audience of AUDIENCES) {
      // The instance that takes the project's writes against the ruler that takes the textbook's.
      const ratios = all.flatMap((f) => {
        const ruler = all.find(
          (r) => r.phase === 'raw-writes' && r.round === f.round && r.subscribers === subscribers && r.audience === audience,
        );
        return f.phase === 'project' && f.subscribers === subscribers && f.audience === audience && ruler
          ? [f.perCpuSecond / ruler.perCpuSecond]
          : [];
      });
      if (ratios.length > 0) {
        againstRuler.push(
          `project against raw-writes, ${subscribers} ${audience}: ${list(ratios, '×')} (median ${median(ratios).toFixed(2)}×)`,
        );
      }
      for (const phase of PHASES.filter((p) => p !== 'raw')) {
        const rounds = all.filter((f) => f.phase === phase && f.subscribers === subscribers && f.audience === audience);
        const paired = rounds.flatMap((f) => {
          const raw = rawBeside(f, all);
          return raw ? [{ cpu: f.perCpuSecond / raw.perCpuSecond, p99: f.p99 / raw.p99 }] : [];
        });
        const cpu = paired.map((p) => p.cpu);
        const p99 = paired.map((p) => p.p99);
        const rss = rounds.map((f) => f.rssPerSocket / 1024);
        console.log(
          `| ${phase} | ${subscribers} | ${audience} | ${list(cpu, '×')} | **${median(cpu).toFixed(2)}×** | ${list(p99, '×')} | **${median(p99).toFixed(2)}×** | ${rss.map((v) => v.toFixed(1)).join(', ')} KB |`,
        );
      }
    }
  }
  if (againstRuler.length > 0) console.log(`\n${againstRuler.join('\n')}`);
}

function row(f: Figures, all: Figures[]): string {
  const raw = rawBeside(f, all);
  const ratio =
    f.phase !== 'raw' && raw ? ` | ${(f.perCpuSecond / raw.perCpuSecond).toFixed(2)}× | ${(f.p99 / raw.p99).toFixed(2)}×` : ' | | ';
  return `| ${f.phase} | ${f.round} | ${f.subscribers} | ${f.audience} | ${f.delivered}/${f.expected} | ${Math.round(f.perCpuSecond)} | ${f.p50} / ${f.p99} ms | ${(f.rssPerSocket / 1024).toFixed(1)} KB | ${(f.youngGenerationPerSocket / 1024).toFixed(1)} KB | ${(f.heapPerSocket / 1024).toFixed(1)} KB | ${f.missing} / ${f.duplicates}${ratio} |`;
}

console.log(
  `fan-out at ${DELIVERIES_PER_SECOND} deliveries/s for ${SECONDS} s; subscribers ${COUNTS.join(', ')}; audiences ${AUDIENCES.join(', ')}; ${
    Object.entries(SETTINGS)
      .map(([name, value]) => `${name}=${value}`)
      .join(' ') || 'no deployed settings'
  }`,
);
console.log(
  '| server | round | subscribers | audience | delivered | deliveries per CPU-s | p50 / p99 | RSS per socket | of it, young generation | heap per socket | missing / dup | CPU ratio to raw | p99 ratio to raw |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
await main();
