import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { connect } from 'node:net';
import { print } from 'graphql';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ok, signUp, subscribeWs, wsClient } from '../support/clients.js';
import { health, sleep, waitForSubscriptions } from '../support/cluster.js';
import { ADMIN_URL, createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../support/database.js';
import { CREATE_RECIPE, RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';
import { openAcknowledgedRawWebSocket } from '../support/raw-websocket.js';
import { startRedis } from '../support/redis.js';
import { freePort, spawnServer } from '../support/servers.js';

const recipe = (title: string) => ({ title, ingredients: ['flour'], steps: ['bake'], tags: [] });

async function ready(url: string): Promise<{ status: number; failing?: string[] }> {
  const response = await fetch(`${url}/ready`);
  const body = (await response.json()) as { failing?: string[] };
  return { status: response.status, failing: body.failing };
}

async function metricsText(url: string): Promise<string> {
  return (await fetch(`${url}/metrics`)).text();
}

/** The value of one sample, e.g. `live_active_subscriptions{field="recipeChanged"}`; 0 when absent. */
function sample(text: string, series: string): number {
  for (const line of text.split('\n')) {
    if (line.startsWith(`${series} `)) return Number(line.slice(series.length + 1));
  }
  return 0;
}

async function until<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms; last: ${JSON.stringify(value)}`);
    await sleep(100);
  }
}

describe('probes and metrics', () => {
  let db: TestDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('ops');
    env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('ops'), RELAY_INTERVAL: '500ms' };
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('answers /ready 503 naming pubsub while its Redis is unreachable, stays live on /health, and is ready again once Redis is back', async () => {
    const port = await freePort();
    let redis: ChildProcess = await startRedis(port);
    onTestFinished(() => {
      redis.kill('SIGKILL');
    });
    const server = await spawnServer({ ...env, REDIS_URL: `redis://127.0.0.1:${port}`, INSTANCE_ID: 'ops-redis' });
    onTestFinished(() => server.stop());
    expect(await ready(server.url)).toEqual({ status: 200, failing: undefined });
    expect(sample(await metricsText(server.url), 'live_pubsub_connected')).toBe(1);

    redis.kill('SIGKILL');
    expect(
      await until(
        () => ready(server.url),
        (r) => r.status === 503,
      ),
    ).toEqual({ status: 503, failing: ['pubsub'] });
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect(sample(await metricsText(server.url), 'live_pubsub_connected')).toBe(0);

    redis = await startRedis(port);
    await until(
      () => ready(server.url),
      (r) => r.status === 200,
    );
    expect(sample(await metricsText(server.url), 'live_pubsub_connected')).toBe(1);
  });

  it('answers /ready 503 naming database once its PostgreSQL database is gone', async () => {
    const doomedDb = await createTestDatabase('ops');
    onTestFinished(() => doomedDb.drop());
    const server = await spawnServer({ ...env, DATABASE_URL: doomedDb.url, INSTANCE_ID: 'ops-database' });
    onTestFinished(() => server.kill());
    expect((await ready(server.url)).status).toBe(200);

    // Dropping it (terminating this instance's connections) makes the database unreachable for
    // this instance alone, without stopping the PostgreSQL every other test uses.
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database "${doomedDb.name}" with (force)`);
    await admin.end();
    expect(
      await until(
        () => ready(server.url),
        (r) => r.status === 503,
      ),
    ).toEqual({ status: 503, failing: ['database'] });
  });

  it('exposes client, subscription, event, latency, pubsub and process metrics, and counts a delivery and a replay', async () => {
    const server = await spawnServer({ ...env, INSTANCE_ID: 'ops-metrics' });
    onTestFinished(() => server.stop());
    const before = await metricsText(server.url);
    for (const name of [
      'live_connected_clients',
      'live_active_subscriptions',
      'live_events_published_total',
      'live_events_received_total',
      'live_events_delivered_total',
      'live_events_replayed_total',
      'live_subscribers_dropped_total',
      'live_commit_to_feed_seconds',
      'live_relay_lag_seconds',
      'live_pubsub_connected',
      'live_database_queries_total',
      // collectDefaultMetrics: the Node process itself.
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_heap_size_used_bytes',
    ]) {
      expect(before, name).toMatch(new RegExp(`^# TYPE ${name} `, 'm'));
    }
    expect(sample(before, 'live_subscribers_dropped_total{transport="websocket"}')).toBe(0);

    const { token } = await signUp(server.url, 'Metrics');
    const client = wsClient(server.wsUrl);
    onTestFinished(() => client.dispose());
    const live = subscribeWs(client, RECIPE_CHANGED);
    await waitForSubscriptions(server.url, 1);
    const subscribed = await metricsText(server.url);
    expect(sample(subscribed, 'live_active_subscriptions{field="recipeChanged"}')).toBe(1);
    expect(sample(subscribed, 'live_active_subscriptions{field="blogChanged"}')).toBe(0);
    expect(sample(subscribed, 'live_connected_clients{transport="websocket"}')).toBe(1);

    const { id } = (await ok(server.url, CREATE_RECIPE, { input: recipe('Counted') }, token)).createRecipe as { id: string };
    const [created] = await live.waitFor(1);
    const delivered = await until(
      () => metricsText(server.url),
      (text) => sample(text, 'live_events_delivered_total') >= 1,
    );
    expect(sample(delivered, 'live_events_delivered_total') - sample(before, 'live_events_delivered_total')).toBe(1);
    expect(sample(delivered, 'live_events_published_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(
      sample(delivered, 'live_commit_to_feed_seconds_count') + sample(delivered, 'live_relay_lag_seconds_count'),
    ).toBeGreaterThanOrEqual(1);

    await ok(server.url, UPDATE_RECIPE, { id, input: { title: 'Counted again' } }, token);
    // A mutation answers at commit; its change is in the log to replay once it has its position,
    // which the live subscriber receiving it shows.
    await live.waitFor(2);
    const resumed = subscribeWs(client, RECIPE_CHANGED, { after: created?.cursor });
    await resumed.waitFor(1);
    const replayed = await until(
      () => metricsText(server.url),
      (text) => sample(text, 'live_events_replayed_total') >= 1,
    );
    expect(sample(replayed, 'live_events_replayed_total')).toBe(1);
  });

  it('counts a WebSocket subscriber cut off for not reading in live_subscribers_dropped_total and closes it with 1013', async () => {
    const server = await spawnServer({ ...env, INSTANCE_ID: 'ops-dropped', MAX_SOCKET_BACKLOG: String(256 * 1024) });
    onTestFinished(() => server.stop());
    const { token } = await signUp(server.url, 'Slow');
    const { id } = (await ok(server.url, CREATE_RECIPE, { input: recipe('Heavy') }, token)).createRecipe as { id: string };

    const frozen = await openAcknowledgedRawWebSocket(server.port);
    frozen.send({ id: '1', type: 'subscribe', payload: { query: print(RECIPE_CHANGED), variables: {} } });
    await waitForSubscriptions(server.url, 1);
    frozen.freeze();

    // ~90 KB per event: the kernel's socket buffers (a few MB on loopback) fill first, then the
    // subscriber's backlog passes the bound.
    const filler = 'x'.repeat(90_000);
    let dropped = 0;
    const series = 'live_subscribers_dropped_total{transport="websocket"}';
    for (let i = 0; i < 400 && dropped === 0; i++) {
      await ok(server.url, UPDATE_RECIPE, { id, input: { description: `${i} ${filler}` } }, token);
      if (i % 10 === 9) dropped = sample(await metricsText(server.url), series);
    }
    dropped = await until(
      async () => sample(await metricsText(server.url), series),
      (value) => value > 0,
    );
    expect(dropped).toBe(1);
    // The close frame waits behind the unread events; a few seconds of reading reach it (the
    // client never answers the close, so the socket itself would stay up for ws's close timeout).
    expect((await frozen.thawUntilClosed(3_000)).closeCode).toBe(1013);
    expect((await health(server.url)).activeSubscriptions).toBe(0);
  });

  it('counts an SSE subscriber cut off for not reading in live_subscribers_dropped_total', async () => {
    const server = await spawnServer({ ...env, INSTANCE_ID: 'ops-dropped-sse', MAX_SOCKET_BACKLOG: String(256 * 1024) });
    onTestFinished(() => server.stop());
    const { token } = await signUp(server.url, 'SlowSse');
    const { id } = (await ok(server.url, CREATE_RECIPE, { input: recipe('Heavy SSE') }, token)).createRecipe as { id: string };

    // A bare socket, so the test can stop reading the stream the way a stalled client does.
    const body = JSON.stringify({ query: print(RECIPE_CHANGED), variables: {} });
    const socket = connect(server.port, '127.0.0.1');
    onTestFinished(() => {
      socket.destroy();
    });
    await once(socket, 'connect');
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: text/event-stream\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    await once(socket, 'data');
    await waitForSubscriptions(server.url, 1);
    socket.pause();

    const series = 'live_subscribers_dropped_total{transport="sse"}';
    const filler = 'x'.repeat(90_000);
    let dropped = 0;
    for (let i = 0; i < 400 && dropped === 0; i++) {
      await ok(server.url, UPDATE_RECIPE, { id, input: { description: `${i} ${filler}` } }, token);
      if (i % 10 === 9) dropped = sample(await metricsText(server.url), series);
    }
    expect(
      await until(
        async () => sample(await metricsText(server.url), series),
        (value) => value > 0,
      ),
    ).toBe(1);
    expect(sample(await metricsText(server.url), 'live_subscribers_dropped_total{transport="websocket"}')).toBe(0);
    await until(
      async () => (await health(server.url)).activeSubscriptions,
      (count) => count === 0,
    );
  });
});
