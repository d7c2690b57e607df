import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { ok, signUp, subscribeWs, wsClient } from '../support/clients.js';
import { health, waitForNoSubscriptions, waitForSubscriptions } from '../support/cluster.js';
import { createTestDatabase } from '../support/database.js';
import { CREATE_RECIPE } from '../support/operations.js';
import { openAcknowledgedRawWebSocket, type RawWebSocket } from '../support/raw-websocket.js';
import { type RunningServer, spawnServer, startInProcess } from '../support/servers.js';

const LIVE = graphql(`subscription WebsocketHardening_RecipeChanged { recipeChanged { kind recipeId cursor } }`);

function errorFor(raw: RawWebSocket, id: string, timeoutMs?: number) {
  return raw.waitForMessage((message) => message.id === id && message.type === 'error', timeoutMs);
}

function codesOf(message: Record<string, unknown>): unknown[] {
  return (message.payload as Array<{ extensions?: { code?: unknown } }>).map((error) => error.extensions?.code);
}

async function createRecipe(url: string, token: string, title: string): Promise<string> {
  const data = await ok(url, CREATE_RECIPE, { input: { title, ingredients: ['a'], steps: ['b'] } }, token);
  return data.createRecipe.id;
}

async function closeCodeAfter(port: number, message: unknown): Promise<number | null> {
  const raw = await openAcknowledgedRawWebSocket(port);
  raw.send(message);
  const code = await raw.closed;
  raw.socket.destroy();
  return code;
}

describe('one WebSocket cannot hurt the instance or its own other subscriptions', () => {
  let server: RunningServer;
  let cook: { token: string; id: string };

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
    cook = await signUp(server.url, 'Hardened');
  });
  afterAll(async () => {
    await server?.stop();
  });
  // A test's waitForSubscriptions counts every subscription on the instance: the next test starts
  // once the ones this test closed are gone from that count.
  afterEach(async () => {
    await waitForNoSubscriptions(server.url);
  });

  it('refuses the 101st subscription on a socket with RATE_LIMITED while the other 100 keep receiving events', async () => {
    const client = wsClient(server.wsUrl);
    const streams = Array.from({ length: 100 }, () => subscribeWs(client, LIVE));
    const refused = subscribeWs(client, LIVE);
    await expect(refused.waitFor(1, 10_000)).rejects.toThrow(/"code":"RATE_LIMITED","retryAfter":1/);
    await waitForSubscriptions(server.url, 100);

    const id = await createRecipe(server.url, cook.token, 'For a hundred');
    for (const stream of streams) expect((await stream.waitFor(1))[0]).toMatchObject({ kind: 'CREATED', recipeId: id });

    // Completing one makes room for another on the same socket.
    streams[0]?.stop();
    const another = subscribeWs(client, LIVE);
    await waitForSubscriptions(server.url, 100);
    const second = await createRecipe(server.url, cook.token, 'Room again');
    expect((await another.waitFor(1))[0]).toMatchObject({ recipeId: second });
    for (const stream of streams) stream.stop();
    another.stop();
    await client.dispose();
  });

  it('answers over-limit and invalid operations with an error for their id, while another subscription on the socket keeps receiving', async () => {
    const raw = await openAcknowledgedRawWebSocket(server.port);
    raw.send({ id: 'live', type: 'subscribe', payload: { query: print(LIVE) } });
    await waitForSubscriptions(server.url, 1);

    const ofTypes = (levels: number) => `${'ofType { '.repeat(levels)}name${' }'.repeat(levels)}`;
    const bad: Array<{ id: string; query: string; code: string }> = [
      {
        id: 'too-deep',
        query: `query { __type(name: "Query") { fields { type { ${ofTypes(14)} } } } }`,
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
      {
        id: 'too-costly',
        query: 'query { recipes(first: 100000) { edges { node { id title author { name } } } } }',
        code: 'GRAPHQL_VALIDATION_FAILED',
      },
      { id: 'skips', query: `query { me ${'@skip(if: false) '.repeat(100)} { id } }`, code: 'GRAPHQL_VALIDATION_FAILED' },
      { id: 'unparsable', query: 'subscription { recipeChanged {', code: 'GRAPHQL_PARSE_FAILED' },
      { id: 'unknown-field', query: 'subscription { recipeExploded { kind } }', code: 'GRAPHQL_VALIDATION_FAILED' },
      { id: 'oversized', query: `subscription { recipeChanged { kind } } #${'x'.repeat(40_000)}`, code: 'BAD_USER_INPUT' },
    ];
    for (const operation of bad) raw.send({ id: operation.id, type: 'subscribe', payload: { query: operation.query } });
    // Variables nested 5,000 levels deep: built as text, since JSON.stringify itself gives up far sooner.
    const deepVariables = `${'{"a":'.repeat(5_000)}"x"${'}'.repeat(5_000)}`;
    raw.sendText(
      `{"id":"deep-variables","type":"subscribe","payload":{"query":"query ($f: RecipeFilter) { recipes(filter: $f) { totalCount } }","variables":{"f":${deepVariables}}}}`,
    );
    raw.send({ id: 'bad-cursor', type: 'subscribe', payload: { query: 'subscription { recipeChanged(after: "not-a-cursor") { kind } }' } });

    // One refusal may list several problems (a hundred @skip also break graphql-js's one-directive rule), all of the same kind.
    for (const operation of bad) expect([...new Set(codesOf(await errorFor(raw, operation.id)))], operation.id).toEqual([operation.code]);
    expect(codesOf(await errorFor(raw, 'deep-variables'))).toEqual(['BAD_USER_INPUT']);
    // A cursor is checked when the subscription starts: its answer is a result with the error, then complete.
    const cursorAnswer = await raw.waitForMessage((message) => message.id === 'bad-cursor' && message.type !== 'complete');
    expect(JSON.stringify(cursorAnswer)).toContain('CURSOR_INVALID');
    await raw.waitForMessage((message) => message.id === 'bad-cursor' && message.type === 'complete');

    const id = await createRecipe(server.url, cook.token, 'Still live');
    const event = await raw.waitForMessage((message) => message.id === 'live' && message.type === 'next');
    expect(event.payload).toMatchObject({ data: { recipeChanged: { kind: 'CREATED', recipeId: id } } });
    expect(raw.socket.destroyed).toBe(false);
    raw.socket.destroy();
  });

  it('closes a socket that sends a message only a server may send with 4400', async () => {
    expect(await closeCodeAfter(server.port, { type: 'connection_ack' })).toBe(4400);
    expect(await closeCodeAfter(server.port, { id: '1', type: 'next', payload: { data: {} } })).toBe(4400);
    expect(await closeCodeAfter(server.port, { id: '1', type: 'error', payload: [{ message: 'x' }] })).toBe(4400);
  });

  it('accepts an operation id of 128 bytes and closes the socket on a longer one with 4400', async () => {
    const raw = await openAcknowledgedRawWebSocket(server.port);
    const longest = 'é'.repeat(64);
    raw.send({ id: longest, type: 'subscribe', payload: { query: '{ __typename }' } });
    const answer = await raw.waitForMessage((message) => message.id === longest && message.type === 'next');
    expect(answer.payload).toEqual({ data: { __typename: 'Query' } });

    raw.send({ id: `${longest}x`, type: 'subscribe', payload: { query: '{ __typename }' } });
    expect(await raw.closed).toBe(4400);
    expect(raw.messages().some((message) => message.id === `${longest}x`)).toBe(false);
    raw.socket.destroy();
  });

  it('logs nothing outside JSON when a client breaks the protocol', async () => {
    // Routed through pino: graphql-ws's own console.error lines would land on stderr.
    const written: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => written.push(args.map(String).join(' '));
    try {
      expect(await closeCodeAfter(server.port, { type: 'connection_ack' })).toBe(4400);
      expect(await closeCodeAfter(server.port, { type: 'pong-pong' })).toBe(4400);
    } finally {
      console.error = original;
    }
    expect(written).toEqual([]);
  });
});

describe('the crash: one socket flooding huge subscribes', () => {
  it('leaves the instance alive with bounded memory under a fixed heap limit', async () => {
    const db = await createTestDatabase('ws');
    // A heap smaller than what the flood sends, so keeping its messages would end the process.
    // The raw client answers no pings, so the heartbeat is put out of the way.
    const server = await spawnServer({ DATABASE_URL: db.url, KEEPALIVE_INTERVAL: '10m', NODE_OPTIONS: '--max-old-space-size=160' });
    try {
      const before = await memoryOf(server.url);
      const raw = await openAcknowledgedRawWebSocket(server.port);
      const padding = 'x'.repeat(900_000);
      const count = 250;
      for (let n = 0; n < count; n += 1) {
        raw.sendText(`{"id":"doc-${n}","type":"subscribe","payload":{"query":"subscription { recipeChanged { kind } } #${padding}${n}"}}`);
        await raw.drained();
      }
      // Each one is refused for its id, the socket staying open.
      expect(codesOf(await errorFor(raw, `doc-${count - 1}`, 120_000))).toEqual(['BAD_USER_INPUT']);
      expect(raw.messages().filter((message) => message.type === 'error')).toHaveLength(count);

      for (let n = 0; n < count && !raw.socket.destroyed; n += 1) {
        raw.sendText(`{"id":"${padding}${n}","type":"subscribe","payload":{"query":"subscription { recipeChanged { kind } }"}}`);
        await raw.drained();
      }
      expect(await raw.closed).toBe(4400);
      raw.socket.destroy();

      const after = await memoryOf(server.url).catch((error) => {
        throw new Error(`${error}: ${server.output().slice(-3_000)}`);
      });
      expect(server.child.exitCode).toBeNull();
      expect(await health(server.url)).toMatchObject({ status: 'ok' });
      // Generous: the flood sent 450 MB, which the instance used to keep until it ran out of heap.
      expect(after.rss - before.rss).toBeLessThan(150 * 1024 * 1024);
      expect(after.heapUsed).toBeLessThan(before.heapUsed + 64 * 1024 * 1024);
    } finally {
      await server.stop();
      await db.drop();
    }
  }, 180_000);
});

async function memoryOf(url: string): Promise<{ rss: number; heapUsed: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)?.[1]);
  return { rss: read('process_resident_memory_bytes'), heapUsed: read('nodejs_heap_size_used_bytes') };
}
