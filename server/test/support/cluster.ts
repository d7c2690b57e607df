import { setTimeout as sleep } from 'node:timers/promises';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from './database.js';
import { type ServerProcess, spawnServer } from './servers.js';

export interface Cluster {
  servers: ServerProcess[];
  db: TestDatabase;
  /** The environment every instance shares; start another one with it to join the cluster. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Several real server processes sharing one fresh database and one Redis key prefix, as in production. */
export async function startCluster(count: number, extraEnv: Record<string, string> = {}): Promise<Cluster> {
  const db = await createTestDatabase('rt');
  const env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('rt'), RELAY_INTERVAL: '500ms', ...extraEnv };
  const started = await Promise.allSettled(Array.from({ length: count }, (_, i) => spawnServer({ ...env, INSTANCE_ID: `test-${i + 1}` })));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    // Those that did start would otherwise outlive the test, holding ports and database connections.
    await Promise.allSettled(servers.map((server) => server.kill()));
    await db.drop();
    throw failed.reason;
  }
  return {
    servers,
    db,
    env,
    async stop() {
      await Promise.allSettled(servers.map((server) => server.stop()));
      await db.drop();
    },
  };
}

export interface Health {
  status: string;
  instance: string;
  connectedClients: number;
  activeSubscriptions: number;
}

export async function health(url: string): Promise<Health> {
  const response = await fetch(`${url}/health`);
  return (await response.json()) as Health;
}

/** Subscriptions carry no acknowledgement; the instance's own count says when they are in place. */
export async function waitForSubscriptions(url: string, atLeast: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { activeSubscriptions } = await health(url);
    if (activeSubscriptions >= atLeast) return;
    if (Date.now() > deadline) throw new Error(`${url} has ${activeSubscriptions} subscriptions, expected ${atLeast}`);
    await sleep(50);
  }
}

/** Waits until the instance holds no subscription at all, such as after a test closed everything it opened. */
export async function waitForNoSubscriptions(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { activeSubscriptions } = await health(url);
    if (activeSubscriptions === 0) return;
    if (Date.now() > deadline) throw new Error(`${url} still has ${activeSubscriptions} subscriptions`);
    await sleep(25);
  }
}

/** Lets any late or duplicate event arrive before a test asserts that it did not. */
export const settle = () => sleep(700);

/** Polls `condition` until it holds, failing with `what` after the timeout. */
export async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(25);
  }
}

export { setTimeout as sleep } from 'node:timers/promises';
