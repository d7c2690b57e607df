import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { HEAP_PROBE } from '../../test/support/heap-probe.js';
import { freePort, type ServerProcess, spawnServer, waitForReady } from '../../test/support/servers.js';

export { type Memory, memoryAfterGc } from '../../test/support/heap-probe.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));
/** Node flags that let a benchmark force a GC in the server and read its heap (see test/support/heap-probe.mjs). */
export const PROBE_ARGS = ['--expose-gc', '--import', HEAP_PROBE];

/**
 * The settings of the Docker image's runtime stage that change how the server performs, read from
 * the Dockerfile, so every measured server runs as deployed:
 * - NODE_ENV=production: outside production graphql-js checks every failed `instanceof` of a
 *   schema type for a second copy of graphql (`instanceOf`), several times per field it executes;
 * - MALLOC_ARENA_MAX: by default glibc's malloc gives V8's helper threads arenas of their own, up
 *   to eight per core, and what is freed in them stays resident (see docs/design.md);
 * - NODE_OPTIONS, should the image set any (V8's heap settings, say).
 */
export const DEPLOYED_ENV: Readonly<Record<string, string>> = deployedEnv(
  readFileSync(fileURLToPath(new URL('../../../Dockerfile', import.meta.url)), 'utf8'),
  ['NODE_ENV', 'MALLOC_ARENA_MAX', 'NODE_OPTIONS'],
);

function deployedEnv(dockerfile: string, names: string[]): Record<string, string> {
  const runtime = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
  const found: Record<string, string> = {};
  for (const name of names) {
    const value = new RegExp(`\\b${name}=("[^"]*"|\\S+)`).exec(runtime)?.[1];
    if (value !== undefined) found[name] = value.replace(/^"|"$/g, '');
  }
  return found;
}

export interface Measured {
  url: string;
  wsUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** A project instance with the heap probe preloaded, plus whatever SERVER_NODE_ARGS asks for (--cpu-prof). */
export async function spawnProjectInstance(env: Record<string, string>): Promise<Measured> {
  const previous = process.env.SERVER_NODE_ARGS;
  process.env.SERVER_NODE_ARGS = [...PROBE_ARGS, previous ?? ''].join(' ');
  let server: ServerProcess;
  try {
    server = await spawnServer(env);
  } finally {
    if (previous === undefined) delete process.env.SERVER_NODE_ARGS;
    else process.env.SERVER_NODE_ARGS = previous;
  }
  return { url: server.url, wsUrl: server.wsUrl, pid: server.child.pid ?? 0, stop: () => server.stop() };
}

/** The raw broadcast ceiling (raw-broadcast.ts) on the same Redis prefix. */
export function spawnRawInstance(env: Record<string, string>): Promise<Measured> {
  return spawnReference('bench/support/raw-broadcast.ts', env, '/graphql');
}

/** A Socket.IO instance (socketio-recovery.ts) on the same Redis prefix; `publishes` for the one that emits the changes. */
export function spawnSocketIoInstance(env: Record<string, string>, publishes: boolean): Promise<Measured> {
  return spawnReference('bench/support/socketio-recovery.ts', { ...env, PUBLISH_CHANGES: publishes ? '1' : '0' }, '');
}

/** The textbook write server (textbook-writes.ts) on the same database and Redis. */
export function spawnTextbookWriteInstance(env: Record<string, string>): Promise<Measured> {
  return spawnReference('bench/support/textbook-writes.ts', env, '/graphql');
}

/** A reference server from bench/support, with the heap probe, answering /ready like the project; profiled like it when SERVER_NODE_ARGS asks. */
async function spawnReference(script: string, env: Record<string, string>, wsPath: string): Promise<Measured> {
  const port = await freePort();
  const profiling = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child: ChildProcess = spawn(process.execPath, [...PROBE_ARGS, ...profiling, '--import', 'tsx', script], {
    cwd: serverDir,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url, exited, () => output);
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}${wsPath}`,
    pid: child.pid ?? 0,
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** CPU seconds (user + system) the process has used so far. */
export async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
