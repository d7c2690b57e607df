import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import { Heartbeat } from '../../src/transport/websocket/heartbeat.js';
import { webSocketNextFrames } from '../../src/transport/websocket/next-frames.js';

/** A `ws` server and client over loopback; the server side's frames are written by the fan-out's sink. */
async function socketPair(keepAliveMs = 60_000) {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as AddressInfo;
  const accepted = once(wss, 'connection') as Promise<[WebSocket, IncomingMessage]>;
  const client = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
  const received: string[] = [];
  let pings = 0;
  client.on('message', (data) => received.push(String(data)));
  client.on('ping', () => (pings += 1));
  await once(client, 'open');
  const [socket, request] = await accepted;
  const heartbeat = new Heartbeat(keepAliveMs);
  heartbeat.add(socket);
  // Every write to the network stream, the sink's and ws's own (a ping sent on its own is one more).
  let writes = 0;
  const write = request.socket.write.bind(request.socket);
  request.socket.write = ((...args: Parameters<typeof write>) => {
    writes += 1;
    return write(...args);
  }) as typeof request.socket.write;
  return {
    writes: () => writes,
    socket,
    sink: (id: string) =>
      webSocketNextFrames({ socket, stream: request.socket, heartbeat, admits: () => true, cutTooSlow: () => socket.close(1013) }, id),
    received,
    pings: () => pings,
    async close() {
      heartbeat.stop();
      client.terminate();
      wss.close();
      http.close();
    },
  };
}

/** A shared result whose JSON is `bytes` long, as the fan-out hands it to every sink. */
const payloadOf = (bytes: number) => {
  const result = { data: { pad: 'x'.repeat(Math.max(0, bytes - 21)) } };
  return { result, bytes: Buffer.from(JSON.stringify(result)) };
};

describe('the fan-out frame sink', () => {
  let pair: Awaited<ReturnType<typeof socketPair>> | undefined;
  afterEach(async () => {
    await pair?.close();
    pair = undefined;
  });

  it('frames messages of every header size (7-bit, 16-bit and 64-bit lengths) so a ws client reads them intact, in order with ws sends', async () => {
    pair = await socketPair();
    const sink = pair.sink('op "1"');
    // Frame lengths are the payload plus about 40 bytes of head: around 125, 126, 65,535 and 65,536.
    const sizes = [21, 84, 85, 86, 87, 400, 65_494, 65_495, 65_496, 65_497, 200_000];
    const expected: string[] = [];
    for (const [i, size] of sizes.entries()) {
      const payload = payloadOf(size);
      sink.write(payload);
      expected.push(`{"id":"op \\"1\\"","type":"next","payload":${payload.bytes}}`);
      // Interleaved with what ws itself sends (acks, completes), which must keep its place.
      pair.socket.send(`ws ${i}`);
      expect(sink.bufferedBytes).toBeGreaterThanOrEqual(0);
      expected.push(`ws ${i}`);
    }
    await expect.poll(() => pair?.received.length, { timeout: 5_000 }).toBe(expected.length);
    expect(pair.received).toEqual(expected);
    for (const text of pair.received.filter((t) => t.startsWith('{'))) expect(JSON.parse(text)).toMatchObject({ type: 'next' });
  });

  it('puts a due keep-alive ping in front of a delivery, in the same write, and the client reads both', async () => {
    pair = await socketPair(100);
    const sink = pair.sink('1');
    const deadline = Date.now() + 5_000;
    let sent = 0;
    while (pair.pings() === 0 && Date.now() < deadline) {
      sink.write(payloadOf(50));
      sent += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(pair.pings()).toBeGreaterThan(0);
    await expect.poll(() => pair?.received.length, { timeout: 5_000 }).toBe(sent);
    // A ping sent on its own would be a write of its own: at least one rode along with a delivery.
    expect(pair.writes()).toBeLessThan(sent + pair.pings());
    expect(new Set(pair.received).size).toBe(1);
  });
});
