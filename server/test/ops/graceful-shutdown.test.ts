import { once } from 'node:events';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ok, signUp, subscribeSse, subscribeWs, wsClient } from '../support/clients.js';
import { waitForSubscriptions } from '../support/cluster.js';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../support/database.js';
import { CREATE_RECIPE, RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';
import { type ServerProcess, spawnServer } from '../support/servers.js';

const SHUTDOWN_TIMEOUT_MS = 8_000;

/**
 * A POST whose body arrives in two parts: the request is in flight (headers read, body pending)
 * when the signal comes, and must still be answered.
 */
async function startSlowRequest(port: number, query: string) {
  const body = JSON.stringify({ query });
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  let response = '';
  socket.on('data', (chunk: Buffer) => (response += chunk.toString()));
  const closed = once(socket, 'close');
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    /** Sends the rest and resolves with the whole response once the server closes the connection. */
    async finish(): Promise<string> {
      socket.write(body.slice(10));
      await closed;
      return response;
    },
  };
}

describe('stopping an instance gracefully', () => {
  let db: TestDatabase;
  let env: Record<string, string>;
  let survivor: ServerProcess;
  let token: string;

  beforeAll(async () => {
    db = await createTestDatabase('ops');
    env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('ops'), RELAY_INTERVAL: '500ms' };
    survivor = await spawnServer({ ...env, INSTANCE_ID: 'survivor' });
    ({ token } = await signUp(survivor.url, 'Shutdown'));
  });
  afterAll(async () => {
    await survivor?.stop();
    await db?.drop();
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s closes WebSockets with 1001, ends SSE streams, answers the request in flight, exits 0 within SHUTDOWN_TIMEOUT, and its subscriber resumes elsewhere with `after` missing nothing',
    async (signal) => {
      const doomed = await spawnServer({ ...env, INSTANCE_ID: `doomed-${signal}`, SHUTDOWN_TIMEOUT: `${SHUTDOWN_TIMEOUT_MS}ms` });
      onTestFinished(() => doomed.kill());

      const client = wsClient(doomed.wsUrl, token);
      let closeCode: number | undefined;
      client.on('closed', (event) => {
        closeCode = (event as { code?: number }).code;
      });
      onTestFinished(() => client.dispose());
      const live = subscribeWs(client, RECIPE_CHANGED);
      const stream = subscribeSse(doomed.url, RECIPE_CHANGED);
      onTestFinished(() => stream.stop());
      await stream.opened;
      await waitForSubscriptions(doomed.url, 2);

      const { id } = (await ok(survivor.url, CREATE_RECIPE, { input: { title: 'v1', ingredients: ['a'], steps: ['b'], tags: [] } }, token))
        .createRecipe as { id: string };
      await ok(survivor.url, UPDATE_RECIPE, { id, input: { title: 'v2' } }, token);
      const seen = await live.waitFor(2);
      await stream.waitFor(2);
      const lastCursor = seen[1]?.cursor;

      const slow = await startSlowRequest(doomed.port, '{ __typename }');
      // Let the server read the request head, so the request is really in flight.
      await sleep(200);
      const signalled = Date.now();
      doomed.child.kill(signal);

      // Writes go on elsewhere while this subscriber is away.
      for (const title of ['v3', 'v4', 'v5']) await ok(survivor.url, UPDATE_RECIPE, { id, input: { title } }, token);
      const answer = await slow.finish();
      const exitCode = await doomed.exited;
      const took = Date.now() - signalled;

      expect(closeCode).toBe(1001);
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
      expect(answer).toContain('"__typename":"Query"');
      // The answer tells the client (or nginx) not to reuse a connection that is about to close.
      expect(answer.toLowerCase()).toContain('connection: close');
      expect(stream.completed || stream.errors.length > 0).toBe(true);
      expect(exitCode).toBe(0);
      expect(took).toBeLessThan(SHUTDOWN_TIMEOUT_MS);

      const resumedClient = wsClient(survivor.wsUrl, token);
      onTestFinished(() => resumedClient.dispose());
      const resumed = subscribeWs(resumedClient, RECIPE_CHANGED, { id, after: lastCursor });
      await resumed.waitFor(3);
      await ok(survivor.url, UPDATE_RECIPE, { id, input: { title: 'v6' } }, token);
      const events = await resumed.waitFor(4);
      await sleep(300);
      expect(resumed.events.map((event) => event.recipe?.version)).toEqual([3, 4, 5, 6]);
      expect(events.every((event) => event.kind === 'UPDATED')).toBe(true);
      resumed.stop();
    },
  );
});
