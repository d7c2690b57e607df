/**
 * What an idle subscribed socket holds: one instance, heap snapshots with none and with N idle
 * graphql-ws subscribers, and the objects new in the second by what retains them: per socket, the
 * retained size of each kind of outermost new object (with what holds it), and under it the
 * objects it retains by constructor (objects) or function name (closures), largest first.
 *
 *   npx tsx bench/idle-sockets.ts --subscribers 2000 [--viewers shared|distinct|anonymous] [--holders 15 --parts 8]
 *
 * With SERVER_BUILT=1 (after `npm run build`) the instance is the compiled server, as deployed.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signUp } from '../test/support/clients.js';
import { createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { spawnServer } from '../test/support/servers.js';
import { newHolders, readHeapGraph } from './support/heap-dominators.js';
import { idleSubscriber } from './support/idle-subscriber.js';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '2000' },
    viewers: { type: 'string', default: 'shared' },
    holders: { type: 'string', default: '15' },
    parts: { type: 'string', default: '8' },
  },
});
const N = Number(values.subscribers);
const SIGNAL = 'SIGWINCH';

async function snapshotOf(pid: number, cwd: string): Promise<string> {
  const before = new Set(await readdir(cwd));
  process.kill(pid, SIGNAL);
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const fresh = (await readdir(cwd)).filter((f) => f.endsWith('.heapsnapshot') && !before.has(f));
    if (fresh[0]) {
      const file = join(cwd, fresh[0]);
      // Written in one go; wait until the size settles.
      let size = -1;
      for (;;) {
        const text = await readFile(file);
        if (text.length === size && size > 0) return file;
        size = text.length;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

const db = await createTestDatabase('heap');
const dir = join(tmpdir(), `heap-${process.pid}`);
process.env.SERVER_NODE_ARGS = `--heapsnapshot-signal=${SIGNAL} --diagnostic-dir=${dir}`;
await rm(dir, { recursive: true, force: true });
await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
const server = await spawnServer({ DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('heap'), LOG_LEVEL: 'warn' });
try {
  const tokens: Array<string | undefined> =
    values.viewers === 'anonymous' ? [undefined] : values.viewers === 'distinct' ? [] : [(await signUp(server.url)).token];
  if (values.viewers === 'distinct') for (let i = 0; i < 200; i++) tokens.push((await signUp(server.url)).token);
  const empty = await readHeapGraph(await snapshotOf(server.child.pid ?? 0, dir));
  const clients = Array.from({ length: N }, (_, i) => idleSubscriber(server.wsUrl, tokens[i % tokens.length]));
  for (;;) {
    const { activeSubscriptions } = (await (await fetch(`${server.url}/health`)).json()) as { activeSubscriptions: number };
    if (activeSubscriptions >= N) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const full = await readHeapGraph(await snapshotOf(server.child.pid ?? 0, dir));
  const holders = newHolders(empty, full);
  const total = holders.reduce((sum, h) => sum + h.bytes, 0);
  const kb = (bytes: number) => `${(bytes / N).toFixed(0).padStart(6)} B`;
  const times = (count: number) => `${(count / N).toFixed(2).padStart(6)}×`;
  console.log(`${N} idle subscribed sockets (${values.viewers}): ${(total / N / 1024).toFixed(1)} KB of new heap each`);
  console.log('Retained per socket, by the outermost new object holding it (← what holds that object):');
  for (const holder of holders.slice(0, Number(values.holders))) {
    console.log(`${kb(holder.bytes)}  ${times(holder.count)}  ${holder.key}`);
    for (const part of holder.parts.slice(0, Number(values.parts))) {
      console.log(`          ${kb(part.bytes)}  ${times(part.count)}  ${part.key}`);
    }
  }
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  await server.stop();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
