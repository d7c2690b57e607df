import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, openedInThisFile, signUp, subscribeWs, type TestUser } from '../support/clients.js';
import { settle, waitForSubscriptions } from '../support/cluster.js';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../support/database.js';
import { CREATE_RECIPE, RECIPE_CHANGED } from '../support/operations.js';
import { type ServerProcess, spawnServer } from '../support/servers.js';

const recipe = (title: string) => ({ title, ingredients: ['flour'], steps: ['bake'], tags: [] });

/** REDIS_URL with another database number, which separates keys but not pub/sub channels. */
function onRedisDatabase(index: number): string {
  const url = new URL(REDIS_URL);
  url.pathname = `/${index}`;
  return url.toString();
}

async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

function sample(text: string, series: string): number {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return 0;
}

const DROPPED = 'live_pubsub_foreign_changes_dropped_total';
const WARNING = 'dropping changes of another change log';

describe('two deployments sharing one Redis server and one key prefix', () => {
  const { track, connect, closeAll } = openedInThisFile();
  // The same prefix for both deployments, as when both keep the default, but one of this file's
  // own, so other suites using this Redis at the same time stay out of the channel.
  const prefix = uniquePrefix('shared');
  const databases: TestDatabase[] = [];
  const servers: ServerProcess[] = [];
  let first: [ServerProcess, ServerProcess];
  let second: ServerProcess;
  let firstCook: TestUser;
  let secondCook: TestUser;

  beforeAll(async () => {
    const [firstDb, secondDb] = await Promise.all([createTestDatabase('dep1'), createTestDatabase('dep2')]);
    databases.push(firstDb, secondDb);
    const firstEnv = { DATABASE_URL: firstDb.url, REDIS_URL: onRedisDatabase(0), REDIS_KEY_PREFIX: prefix, RELAY_INTERVAL: '500ms' };
    const secondEnv = { DATABASE_URL: secondDb.url, REDIS_URL: onRedisDatabase(1), REDIS_KEY_PREFIX: prefix, RELAY_INTERVAL: '500ms' };
    const started = await Promise.allSettled([
      spawnServer({ ...firstEnv, INSTANCE_ID: 'first-1' }),
      spawnServer({ ...firstEnv, INSTANCE_ID: 'first-2' }),
      spawnServer({ ...secondEnv, INSTANCE_ID: 'second-1' }),
    ]);
    for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    first = [servers[0] as ServerProcess, servers[1] as ServerProcess];
    second = servers[2] as ServerProcess;
    firstCook = await signUp(first[0].url, 'First');
    secondCook = await signUp(second.url, 'Second');
  });
  afterAll(async () => {
    await closeAll();
    await Promise.allSettled(servers.map((server) => server.stop()));
    await Promise.allSettled(databases.map((db) => db.drop()));
  });

  it('delivers to each subscriber every change of its own deployment and none of the other, and counts the dropped ones in /metrics', async () => {
    // The first deployment's log runs ahead, so its positions are higher than the second's.
    for (let i = 0; i < 3; i++) await ok(first[1].url, CREATE_RECIPE, { input: recipe(`first seed ${i}`) }, firstCook.token);

    const onFirst = track(subscribeWs(connect(first[0].wsUrl), RECIPE_CHANGED));
    const onSecond = track(subscribeWs(connect(second.wsUrl), RECIPE_CHANGED));
    await Promise.all([waitForSubscriptions(first[0].url, 1), waitForSubscriptions(second.url, 1)]);

    const firstTitles: string[] = [];
    const secondTitles: string[] = [];
    for (let i = 0; i < 6; i++) {
      firstTitles.push(`first ${i}`);
      await ok(first[1].url, CREATE_RECIPE, { input: recipe(`first ${i}`) }, firstCook.token);
      secondTitles.push(`second ${i}`);
      await ok(second.url, CREATE_RECIPE, { input: recipe(`second ${i}`) }, secondCook.token);
    }

    await Promise.all([onFirst.waitFor(6, 15_000), onSecond.waitFor(6, 15_000)]);
    await settle();
    expect(onFirst.events.map((event) => event.recipe?.title)).toEqual(firstTitles);
    expect(onSecond.events.map((event) => event.recipe?.title)).toEqual(secondTitles);

    // Each instance heard the other deployment's six changes on the channel and dropped them.
    for (const server of [first[0], second]) {
      expect(sample(await metricsText(server.url), DROPPED)).toBeGreaterThanOrEqual(6);
      expect(server.output().split(WARNING).length - 1).toBe(1);
    }
  });
});
