import { Redis } from 'ioredis';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, openedInThisFile, signUp, subscribeWs, type TestUser } from '../support/clients.js';
import { sleep, waitForSubscriptions } from '../support/cluster.js';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../support/database.js';
import { CREATE_RECIPE, RECIPE_CHANGED } from '../support/operations.js';
import { type ServerProcess, spawnServer } from '../support/servers.js';

const recipe = (title: string) => ({ title, ingredients: ['flour'], steps: ['bake'], tags: [] });

/**
 * Two instances on one database but on channels of their own (two key prefixes), with the relay's
 * periodic log read an hour away: the listening instance hears of the writing one's changes only
 * through what arrives on its own channel, which the test writes itself.
 */
describe('a message on the change channel that cannot be read', () => {
  const { track, connect, closeAll } = openedInThisFile();
  const listeningPrefix = uniquePrefix('bus-listen');
  let db: TestDatabase;
  let writer: ServerProcess;
  let listener: ServerProcess;
  let cook: TestUser;
  let redis: Redis;
  let logId: string;

  beforeAll(async () => {
    db = await createTestDatabase('bus');
    const env = { DATABASE_URL: db.url, REDIS_URL, RELAY_INTERVAL: '1h' };
    [writer, listener] = await Promise.all([
      spawnServer({ ...env, REDIS_KEY_PREFIX: uniquePrefix('bus-write'), INSTANCE_ID: 'writer' }),
      spawnServer({ ...env, REDIS_KEY_PREFIX: listeningPrefix, INSTANCE_ID: 'listener' }),
    ]);
    cook = await signUp(writer.url, 'Cook');
    redis = new Redis(REDIS_URL);
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ log_id: string }[]>`select log_id from change_log_identity`;
      logId = row?.log_id ?? '';
    } finally {
      await sql.end();
    }
  });
  afterAll(async () => {
    await closeAll();
    redis?.disconnect();
    await Promise.allSettled([writer?.stop(), listener?.stop()]);
    await db?.drop();
  });

  it('makes the instance read the log for what the message carried, and says so in its log; a message of another log does not', async () => {
    const stream = track(subscribeWs(connect(listener.wsUrl), RECIPE_CHANGED));
    await waitForSubscriptions(listener.url, 1);
    await ok(writer.url, CREATE_RECIPE, { input: recipe('Never published here') }, cook.token);

    // Another deployment's message changes nothing: this instance drops it unread.
    await redis.publish(`${listeningPrefix}changes`, JSON.stringify({ log: 'another-log', changes: [] }));
    await sleep(1_000);
    expect(stream.events).toHaveLength(0);

    // One of this log, cut short on the way: the change it carried comes from the log instead.
    await redis.publish(`${listeningPrefix}changes`, `{"log":${JSON.stringify(logId)},"changes":[{"position":`);
    const [event] = await stream.waitFor(1, 10_000);
    expect(event?.recipe?.title).toBe('Never published here');
    expect(listener.output()).toContain('dropped an unreadable bus message');
  });
});
