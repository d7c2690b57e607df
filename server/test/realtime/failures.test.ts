import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecipeChangedSubscription } from '../generated/graphql.js';
import { type Collected, ok, signUp, subscribeWs, wsClient } from '../support/clients.js';
import { type Cluster, health, sleep, startCluster, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';
import { startRedis } from '../support/redis.js';
import { freePort, type ServerProcess } from '../support/servers.js';

type RecipeChange = RecipeChangedSubscription['recipeChanged'];

const recipe = { title: 'Bread', ingredients: ['flour'], steps: ['bake'], tags: [] };

async function ready(url: string): Promise<{ status: number; failing?: string[] }> {
  const response = await fetch(`${url}/ready`);
  const body = (await response.json()) as { failing?: string[] };
  return { status: response.status, failing: body.failing };
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

const versionsOf = (events: RecipeChange[]) => events.map((e) => e.recipe?.version ?? 0);
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('delivery through failures', () => {
  let cluster: Cluster | undefined;
  let redis: ChildProcess | undefined;
  afterEach(async () => {
    await cluster?.stop();
    redis?.kill('SIGKILL');
    cluster = undefined;
    redis = undefined;
  });

  it('lets the clients of an instance killed with SIGKILL resume on another one without missing or repeating a change', async () => {
    cluster = await startCluster(2);
    const [doomed, survivor] = cluster.servers as [ServerProcess, ServerProcess];
    const { token } = await signUp(survivor.url, 'Writer');

    const received: RecipeChange[] = [];
    const first = wsClient(doomed.wsUrl);
    const before: Collected<RecipeChange> = subscribeWs(first, RECIPE_CHANGED);
    await waitForSubscriptions(doomed.url, 1);

    const WRITES = 80;
    const created = (await ok(survivor.url, CREATE_RECIPE, { input: recipe }, token)).createRecipe as { id: string };
    const writing = (async () => {
      for (let i = 1; i < WRITES; i++) {
        await ok(survivor.url, UPDATE_RECIPE, { id: created.id, input: { servings: i } }, token);
        await sleep(10);
      }
    })();

    await before.waitFor(20, 15_000);
    await doomed.kill();
    await until(
      async () => before.errors.length + (before.completed ? 1 : 0),
      (n) => n > 0,
      10_000,
    );
    received.push(...before.events);
    await first.dispose();

    const second = wsClient(survivor.wsUrl);
    const after = subscribeWs(second, RECIPE_CHANGED, { after: received.at(-1)?.cursor });
    await writing;
    await after.waitFor(WRITES - received.length, 20_000);
    await sleep(500);
    received.push(...after.events);
    after.stop();
    await second.dispose();

    expect(versionsOf(received)).toEqual(oneTo(WRITES));
    expect(new Set(received.map((e) => e.cursor)).size).toBe(WRITES);
  });

  it('keeps committing while Redis is down and delivers what was committed meanwhile once it is back, then goes on live', async () => {
    const redisPort = await freePort();
    redis = await startRedis(redisPort);
    // A slow safety-net poll, so what arrives after the restart arrives because the bus came back.
    cluster = await startCluster(2, { REDIS_URL: `redis://127.0.0.1:${redisPort}`, RELAY_INTERVAL: '60s' });
    const [reader, writer] = cluster.servers as [ServerProcess, ServerProcess];
    const { token } = await signUp(writer.url, 'Writer');
    const client = wsClient(reader.wsUrl);
    const stream = subscribeWs(client, RECIPE_CHANGED);
    await waitForSubscriptions(reader.url, 1);

    const created = (await ok(writer.url, CREATE_RECIPE, { input: recipe }, token)).createRecipe as { id: string };
    const update = (servings: number) => ok(writer.url, UPDATE_RECIPE, { id: created.id, input: { servings } }, token);
    for (let i = 1; i <= 4; i++) await update(i);
    await stream.waitFor(5);

    redis.kill('SIGTERM');
    await once(redis, 'exit');
    const down = await until(
      () => ready(reader.url),
      (r) => r.status === 503,
      10_000,
    );
    expect(down.failing).toEqual(['pubsub']);
    // Writes do not need Redis.
    for (let i = 5; i <= 14; i++) await update(i);

    redis = await startRedis(redisPort);
    const backAt = Date.now();
    await until(
      () => ready(reader.url),
      (r) => r.status === 200,
      15_000,
    );
    await stream.waitFor(15, 15_000);
    const recoveredInMs = Date.now() - backAt;
    expect(recoveredInMs).toBeLessThan(15_000);

    // Live again through Redis: with the poll at 60 s, only the bus can bring these quickly.
    await until(
      () => ready(writer.url),
      (r) => r.status === 200,
      15_000,
    );
    for (let i = 15; i <= 19; i++) await update(i);
    await stream.waitFor(20, 5_000);
    await sleep(300);
    expect(versionsOf(stream.events)).toEqual(oneTo(20));
    expect((await health(reader.url)).activeSubscriptions).toBe(1);
    stream.stop();
    await client.dispose();
  });
});
