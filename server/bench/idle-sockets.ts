/**
 * What an idle subscribed socket holds: one instance, heap snapshots with none and with N idle
 * graphql-ws subscribers, and the difference per socket by constructor (objects) or function
 * name (closures), largest first.
 *
 *   npx tsx bench/idle-sockets.ts --subscribers 2000 [--viewers shared|distinct|anonymous]
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signUp } from '../test/support/clients.js';
import { createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { spawnServer } from '../test/support/servers.js';

const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '2000' }, viewers: { type: 'string', default: 'shared' } },
});
const N = Number(values.subscribers);
const SUBSCRIPTION = `subscription { recipeChanged { kind cursor occurredAt recipe { id title version tags author { id name } } } }`;
const SIGNAL = 'SIGWINCH';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Self size and count per "type:name" across the whole heap. */
async function summarise(file: string): Promise<Map<string, { size: number; count: number }>> {
  const heap = JSON.parse(await readFile(file, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const totals = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt] as number] ?? '?';
    const name = type === 'object' || type === 'closure' ? (heap.strings[heap.nodes[i + nameAt] as number] ?? '?') : '';
    const key = `${type}:${name.slice(0, 60)}`;
    const entry = totals.get(key) ?? { size: 0, count: 0 };
    entry.size += heap.nodes[i + sizeAt] as number;
    entry.count += 1;
    totals.set(key, entry);
  }
  return totals;
}

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
  const empty = await summarise(await snapshotOf(server.child.pid ?? 0, dir));
  const clients = Array.from({ length: N }, (_, i) => {
    const token = tokens[i % tokens.length];
    const client = createClient({
      url: server.wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    });
    client.subscribe({ query: SUBSCRIPTION }, { next: () => {}, error: () => {}, complete: () => {} });
    return client;
  });
  for (;;) {
    const { activeSubscriptions } = (await (await fetch(`${server.url}/health`)).json()) as { activeSubscriptions: number };
    if (activeSubscriptions >= N) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const full = await summarise(await snapshotOf(server.child.pid ?? 0, dir));
  const rows = [...full].map(([key, { size, count }]) => {
    const base = empty.get(key) ?? { size: 0, count: 0 };
    return { key, bytes: (size - base.size) / N, count: (count - base.count) / N };
  });
  rows.sort((x, y) => y.bytes - x.bytes);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  console.log(`${N} idle subscribed sockets (${values.viewers}): ${(total / 1024).toFixed(1)} KB of heap each (self sizes)`);
  for (const r of rows.slice(0, 40)) console.log(`${r.bytes.toFixed(0).padStart(6)} B  ${r.count.toFixed(2).padStart(6)}×  ${r.key}`);
  await Promise.all(clients.map((c) => c.dispose()));
} finally {
  await server.stop();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
