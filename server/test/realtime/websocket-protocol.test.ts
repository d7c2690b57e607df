import { once } from 'node:events';
import { print } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, signUp, subscribeSse, subscribeWs, wsClient } from '../support/clients.js';
import { health, sleep, waitForNoSubscriptions, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, RECIPE_CHANGED } from '../support/operations.js';
import { openAcknowledgedRawWebSocket } from '../support/raw-websocket.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

/** Opens a bare graphql-ws socket and resolves with the code the server closes it with. */
async function closeCodeOf(url: string, act: (socket: WebSocket) => void): Promise<number> {
  const socket = new WebSocket(url, 'graphql-transport-ws');
  await once(socket, 'open');
  act(socket);
  const [code] = (await once(socket, 'close')) as [number];
  return code;
}

describe('the WebSocket transport', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://', KEEPALIVE_INTERVAL: '300ms', MAX_BODY_BYTES: '65536' });
  });
  afterAll(async () => {
    await server?.stop();
  });
  // A test's waitForSubscriptions counts every subscription on the instance: the next test starts
  // once the ones this test closed are gone from that count.
  afterEach(async () => {
    await waitForNoSubscriptions(server.url);
  });

  it('closes a socket whose connection_init carries a bad token with 4403', async () => {
    const code = await closeCodeOf(server.wsUrl, (socket) =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: 'Bearer not-a-token' } })),
    );
    expect(code).toBe(4403);
  });

  it('closes a socket that never sends connection_init with 4408 within the init timeout', async () => {
    const started = Date.now();
    const code = await closeCodeOf(server.wsUrl, () => {});
    expect(code).toBe(4408);
    expect(Date.now() - started).toBeLessThanOrEqual(10_000);
  });

  it('closes with 4400 a subscribe with an empty id whose document is too large, and stays up', async () => {
    const client = await openAcknowledgedRawWebSocket(server.port);
    // Too large a document is refused for its id, but there is no id to refuse it for.
    client.send({ id: '', type: 'subscribe', payload: { query: `{ ${'__typename '.repeat(4_000)} }` } });
    expect(await client.closed).toBe(4400);
    expect(await health(server.url)).toMatchObject({ status: 'ok' });
  });

  it('closes a socket that sends a message over the size limit with 1009', async () => {
    const code = await closeCodeOf(server.wsUrl, (socket) =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(70_000) } })),
    );
    expect(code).toBe(1009);
  });

  it('cuts a peer that stops answering pings and returns its subscription, while a live client stays', async () => {
    const live = wsClient(server.wsUrl);
    const liveStream = subscribeWs(live, RECIPE_CHANGED);
    const silent = await openAcknowledgedRawWebSocket(server.port);
    silent.send({ id: '1', type: 'subscribe', payload: { query: print(RECIPE_CHANGED), variables: {} } });
    await waitForSubscriptions(server.url, 2);

    await once(silent.socket, 'close');
    await sleep(100);
    expect(await health(server.url)).toMatchObject({ connectedClients: 1, activeSubscriptions: 1 });
    expect(liveStream.errors).toEqual([]);
    liveStream.stop();
    await live.dispose();
  });

  it('still cuts a silent peer while it is being sent events, and a live one that takes its pings along with events stays', async () => {
    const cook = await signUp(server.url);
    const live = wsClient(server.wsUrl);
    const liveStream = subscribeWs(live, RECIPE_CHANGED);
    const silent = await openAcknowledgedRawWebSocket(server.port);
    silent.send({ id: '1', type: 'subscribe', payload: { query: print(RECIPE_CHANGED), variables: {} } });
    await waitForSubscriptions(server.url, 2);

    // A write every 50 ms: each keep-alive interval (300 ms) finds both sockets busy.
    let written = 0;
    const writing = (async () => {
      while (written < 30) {
        await ok(server.url, CREATE_RECIPE, { input: { title: `Busy ${written}`, ingredients: ['x'], steps: ['y'] } }, cook.token);
        written += 1;
        await sleep(50);
      }
    })();
    // Cut without a close frame: a peer that does not answer pings would not read one either.
    expect(await silent.closed).toBeNull();
    await writing;

    expect(silent.messages().some((message) => message.type === 'next')).toBe(true);
    await liveStream.waitFor(written);
    expect(liveStream.errors).toEqual([]);
    expect(await health(server.url)).toMatchObject({ connectedClients: 1, activeSubscriptions: 1 });
    liveStream.stop();
    await live.dispose();
  });

  it('does not ping a client that keeps sending on its own, and pings and cuts it once it falls silent', async () => {
    // An interval of its own, long beside the client's 100 ms: the server shares this process, and
    // a pause of the process as long as an interval (a loaded CI machine) would be a silence too.
    const own = await startInProcess({ PGLITE_DIR: 'memory://', KEEPALIVE_INTERVAL: '1s' });
    try {
      const chatty = await openAcknowledgedRawWebSocket(own.port);
      const silent = await openAcknowledgedRawWebSocket(own.port);
      // graphql-ws clients with `keepAlive` (the web app's) ping every few seconds; here every 100 ms.
      const pinging = setInterval(() => chatty.send({ type: 'ping' }), 100);
      try {
        expect(await silent.closed).toBeNull();
        await sleep(2_000);
        expect(chatty.pings()).toBe(0);
        expect(chatty.socket.destroyed).toBe(false);
      } finally {
        clearInterval(pinging);
      }
      expect(await chatty.closed).toBeNull();
      expect(chatty.pings()).toBeGreaterThan(0);
    } finally {
      await own.stop();
    }
  });

  it('stops a live subscription on complete, lets its id be used again, and closes with 4409 on a second subscribe with an id in use', async () => {
    const client = await openAcknowledgedRawWebSocket(server.port);
    const subscribe = () => client.send({ id: 'same', type: 'subscribe', payload: { query: print(RECIPE_CHANGED), variables: {} } });

    subscribe();
    await waitForSubscriptions(server.url, 1);
    client.send({ id: 'same', type: 'complete' });
    await waitForNoSubscriptions(server.url);
    subscribe();
    await waitForSubscriptions(server.url, 1);
    subscribe();

    expect(await client.closed).toBe(4409);
    await waitForNoSubscriptions(server.url);
    expect(client.messages().filter((message) => message.type !== 'connection_ack')).toEqual([]);
  });

  it('serves subscriptions over SSE with proxy buffering off, and refuses a bad token there with UNAUTHENTICATED', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: print(RECIPE_CHANGED) }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    await response.body?.cancel();

    const refused = subscribeSse(server.url, RECIPE_CHANGED, {}, 'not-a-token');
    await expect(refused.waitFor(1, 5_000)).rejects.toThrow(/UNAUTHENTICATED/);
  });
});
