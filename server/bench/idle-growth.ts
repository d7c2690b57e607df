/**
 * RSS and V8 heap per idle subscribed socket of one compiled instance as subscribers are added in
 * steps, each reading against one taken after a warm-up subscriber, by the same probe as
 * bench:fanout (heap-probe.mjs). The process environment is the bench's own, so a malloc setting
 * can be compared run against run:
 *
 *   npm run build && MALLOC_ARENA_MAX=1 SERVER_BUILT=1 npx tsx bench/idle-growth.ts --step 500 --steps 4
 */
import { parseArgs } from 'node:util';
import type { Client } from 'graphql-ws';
import { signUp } from '../test/support/clients.js';
import { createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { spawnServer } from '../test/support/servers.js';
import { idleSubscriber } from './support/idle-subscriber.js';
import { type Memory, memoryAfterGc, spawnProjectInstance } from './support/processes.js';

const { values } = parseArgs({
  options: {
    step: { type: 'string', default: '500' },
    steps: { type: 'string', default: '4' },
    'distinct-viewers': { type: 'string', default: '50' },
  },
});
const STEP = Number(values.step);
const STEPS = Number(values.steps);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const db = await createTestDatabase('growth');
const env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('growth'), LOG_LEVEL: 'warn' };
// Viewers are signed up on an instance of their own, so the measured one starts with nothing of them.
const signer = await spawnServer({ ...env, INSTANCE_ID: 'signer' });
const tokens: string[] = [];
for (let i = 0; i < Number(values['distinct-viewers']); i++) tokens.push((await signUp(signer.url, 'Viewer')).token);
await signer.stop();

const server = await spawnProjectInstance({ ...env, INSTANCE_ID: 'growth' });
const active = async () => ((await (await fetch(`${server.url}/health`)).json()) as { activeSubscriptions: number }).activeSubscriptions;
const subscriber = (i: number): Client => idleSubscriber(server.wsUrl, tokens[i % tokens.length]);

try {
  const warmUp = subscriber(0);
  while ((await active()) < 1) await sleep(50);
  await warmUp.dispose();
  while ((await active()) > 0) await sleep(50);
  await sleep(500);
  const idle = await memoryAfterGc(server.pid);
  const clients: Client[] = [];
  console.log(`MALLOC_ARENA_MAX ${process.env.MALLOC_ARENA_MAX ?? "glibc's default"}`);
  console.log('| sockets | RSS per socket | of it, young generation | heap per socket |');
  console.log('| --- | --- | --- | --- |');
  for (let step = 1; step <= STEPS; step++) {
    while (clients.length < step * STEP) clients.push(subscriber(clients.length));
    while ((await active()) < clients.length) await sleep(100);
    await sleep(500);
    const now = await memoryAfterGc(server.pid);
    const per = (key: keyof Memory) => `${((now[key] - idle[key]) / 1024 / clients.length).toFixed(1)} KB`;
    console.log(`| ${clients.length} | ${per('rss')} | ${per('youngGeneration')} | ${per('heapUsed')} |`);
  }
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  await server.stop();
  await db.drop();
}
