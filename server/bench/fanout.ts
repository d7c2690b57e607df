/**
 * Fan-out benchmark: N graphql-ws subscribers split over two instances sharing PostgreSQL and
 * Redis, one writer at a fixed rate. Prints deliveries per second, commit→receive latency,
 * missing and duplicate counts, server CPU per delivery and server memory per connection.
 *
 *   npm run bench:fanout -- --subscribers 2000 --rate 10 --seconds 15
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { ok, signUp } from '../test/support/clients.js';
import { startCluster } from '../test/support/cluster.js';
import { CREATE_RECIPE, UPDATE_RECIPE } from '../test/support/operations.js';
import type { ServerProcess } from '../test/support/servers.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '2000' },
    rate: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '15' },
  },
});
const SUBSCRIBERS = Number(values.subscribers);
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const EVENTS = RATE * SECONDS;

const SUBSCRIPTION = `subscription { recipeChanged { kind cursor occurredAt recipe { id title version tags author { id name } } } }`;

interface ProcessSample {
  rss: number;
  cpuSeconds: number;
}

async function sample(pid: number | undefined): Promise<ProcessSample> {
  const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rss: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) * 1024, cpuSeconds: ticks / 100 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;

async function main() {
  console.log(`fan-out: ${SUBSCRIBERS} subscribers over 2 instances, ${RATE} events/s for ${SECONDS} s (${EVENTS} events)`);
  const cluster = await startCluster(2, { LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '10' });
  const servers = cluster.servers as [ServerProcess, ServerProcess];
  try {
    const { token } = await signUp(servers[0].url, 'Bench');
    const recipe = (
      await ok(servers[0].url, CREATE_RECIPE, { input: { title: 'Bench', ingredients: ['x'], steps: ['y'], tags: ['bench'] } }, token)
    ).createRecipe as { id: string };

    const idle = await Promise.all(servers.map((s) => sample(s.child.pid)));
    const received = Array.from({ length: SUBSCRIBERS }, () => new Map<string, number>());
    const latencies: number[] = [];
    let deliveries = 0;
    const clients: Client[] = [];
    let connected = 0;
    await Promise.all(
      Array.from({ length: SUBSCRIBERS }, (_, i) => {
        const server = servers[i % 2] as ServerProcess;
        const client = createClient({ url: server.wsUrl, webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
        clients.push(client);
        return new Promise<void>((resolve, reject) => {
          const off = client.on('connected', () => {
            off();
            connected += 1;
            resolve();
          });
          client.on('error', reject);
          client.subscribe<{ recipeChanged: { cursor: string; occurredAt: string } }>(
            { query: SUBSCRIPTION },
            {
              next: ({ data }) => {
                if (!data) return;
                const seen = received[i] as Map<string, number>;
                seen.set(data.recipeChanged.cursor, (seen.get(data.recipeChanged.cursor) ?? 0) + 1);
                latencies.push(Date.now() - Date.parse(data.recipeChanged.occurredAt));
                deliveries += 1;
              },
              error: (error) => console.error('subscription error', error),
              complete: () => {},
            },
          );
        });
      }),
    );
    // Wait until every subscription is registered on its instance.
    for (;;) {
      const counts = await Promise.all(
        servers.map(async (s) => ((await (await fetch(`${s.url}/health`)).json()) as { activeSubscriptions: number }).activeSubscriptions),
      );
      if (counts.reduce((a, b) => a + b, 0) >= SUBSCRIBERS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const subscribed = await Promise.all(servers.map((s) => sample(s.child.pid)));
    console.log(`connected ${connected} sockets`);

    const started = Date.now();
    let sent = 0;
    const writes: Array<Promise<unknown>> = [];
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(EVENTS, Math.floor(((Date.now() - started) / 1000) * RATE) + 1);
        while (sent < due) {
          sent += 1;
          writes.push(ok(servers[sent % 2]?.url ?? '', UPDATE_RECIPE, { id: recipe.id, input: { title: `Bench ${sent}` } }, token));
        }
        if (sent >= EVENTS) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    await Promise.all(writes);
    const expected = SUBSCRIBERS * EVENTS;
    const deadline = Date.now() + 30_000;
    while (deliveries < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const elapsed = (Date.now() - started) / 1000;
    const busy = await Promise.all(servers.map((s) => sample(s.child.pid)));

    let missing = 0;
    let duplicates = 0;
    for (const seen of received) {
      missing += Math.max(0, EVENTS - seen.size);
      for (const count of seen.values()) duplicates += count - 1;
    }
    latencies.sort((a, b) => a - b);
    const cpu = busy.reduce((sum, s, i) => sum + s.cpuSeconds - (subscribed[i]?.cpuSeconds ?? 0), 0);
    const perConnection = subscribed.map((s, i) => (s.rss - (idle[i]?.rss ?? 0)) / (SUBSCRIBERS / 2));

    console.log('');
    console.log(`deliveries            ${deliveries} of ${expected} in ${elapsed.toFixed(1)} s (${Math.round(deliveries / elapsed)}/s)`);
    console.log(`deliveries per server CPU-second  ${Math.round(deliveries / cpu)} (${cpu.toFixed(2)} CPU-s on 2 instances)`);
    console.log(
      `commit → receive      p50 ${percentile(latencies, 50)} ms, p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms`,
    );
    console.log(`missing ${missing}, duplicates ${duplicates}`);
    console.log(`server RSS per idle subscribed socket  ${perConnection.map((b) => `${(b / 1024).toFixed(1)} KB`).join(', ')}`);
    console.log(
      `server RSS            idle ${idle.map((s) => mb(s.rss)).join(', ')}; subscribed ${subscribed.map((s) => mb(s.rss)).join(', ')}; after ${busy.map((s) => mb(s.rss)).join(', ')}`,
    );

    await Promise.all(clients.map((c) => c.dispose()));
  } finally {
    await cluster.stop();
  }
}

await main();
