import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { type App, createApp } from '../../src/app.js';
import { readConfig } from '../../src/config.js';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256!!';

/**
 * Suites sign many users up from 127.0.0.1, write hundreds of times a second and open thousands
 * of sockets from it; the limits' own tests set them back to what they test.
 */
export const GENEROUS_LIMITS = {
  SIGNIN_MAX_FAILURES: '1000000/1s',
  SIGNIN_MAX_FAILURES_PER_ADDRESS: '1000000/1s',
  RATE_LIMIT_WRITES: '1000000/1s',
  RATE_LIMIT_SIGNUPS: '1000000/1s',
  MAX_SOCKETS_PER_ADDRESS: '1000000',
  MAX_SUBSCRIPTION_COST_PER_ADDRESS: '1000000000',
};
const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  wsUrl: string;
  stop(): Promise<void>;
}

/** One instance inside the test process: fast, and lets a test reach its internals. */
export async function startInProcess(env: Record<string, string>): Promise<RunningServer & { app: App }> {
  const config = readConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_SECRET,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...GENEROUS_LIMITS,
    ...env,
  });
  const app = await createApp(config, pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }));
  const { url, port } = await app.start();
  return { app, url, port, wsUrl: `${url.replace('http', 'ws')}/graphql`, stop: () => app.stop() };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

export interface ServerProcess extends RunningServer {
  child: ChildProcess;
  output(): string;
  /** SIGKILL: no clean-up at all, as in a crash. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

/** A real server process, as an operator runs it. */
export async function spawnServer(env: Record<string, string>, port?: number): Promise<ServerProcess> {
  const chosen = port ?? (await freePort());
  // SERVER_NODE_ARGS passes flags NODE_OPTIONS refuses, such as --cpu-prof for profiling a benchmark.
  const nodeArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  // SERVER_BUILT=1 runs the compiled server (`npm run build` first), as `npm start` does: tsx keeps
  // function names by defining `name` on every named closure, which costs heap a deployment does not pay.
  const entry = process.env.SERVER_BUILT === '1' ? ['dist/main.js'] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, [...nodeArgs, ...entry], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      JWT_SECRET: TEST_SECRET,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
      HOST: '127.0.0.1',
      DATABASE_POOL_SIZE: '4',
      ...GENEROUS_LIMITS,
      ...env,
      PORT: String(chosen),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test process that dies must not leave servers holding ports and database connections.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${chosen}`;
  try {
    await waitForReady(url, exited, () => output);
  } catch (error) {
    // A server too slow to become ready must not live on after the test gave up on it.
    child.kill('SIGKILL');
    throw error;
  }
  return {
    child,
    url,
    port: chosen,
    wsUrl: `ws://127.0.0.1:${chosen}/graphql`,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function waitForReady(url: string, exited?: Promise<unknown>, output?: () => string, timeoutMs = 30_000): Promise<void> {
  let dead = false;
  void exited?.then(() => (dead = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (dead) throw new Error(`server exited before it was ready:\n${output?.() ?? ''}`);
    const ok = await fetch(`${url}/ready`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await sleep(100);
  }
  throw new Error(`server at ${url} was not ready in ${timeoutMs} ms:\n${output?.() ?? ''}`);
}
