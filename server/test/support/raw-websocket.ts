import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';

/**
 * A graphql-ws client on a bare TCP socket, so a test can stop reading the way a frozen browser
 * tab does: the kernel buffers fill and the server sees real backpressure.
 */
export interface RawWebSocket {
  socket: Socket;
  send(message: unknown): void;
  /** Sends already-serialised text, such as a message too large or too deep to build as an object. */
  sendText(text: string): boolean;
  /** Resolves once what was written has drained, or the socket is gone. */
  drained(): Promise<void>;
  /** The server's text messages so far, parsed. */
  messages(): Array<Record<string, unknown>>;
  /** How many protocol-level pings the server has sent so far (this client never answers them). */
  pings(): number;
  /** Resolves with the first message (in arrival order) that `accept` takes. */
  waitForMessage(accept: (message: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the close code once the server has sent a close frame, or null if the socket ended without one. */
  closed: Promise<number | null>;
  /** Stops reading from the socket. */
  freeze(): void;
  /** Reads again and resolves with the close code the server sent, if any, once the socket ends. */
  thawUntilClosed(timeoutMs?: number): Promise<{ closeCode: number | null; bytes: number }>;
}

export async function openRawWebSocket(port: number, path = '/graphql'): Promise<RawWebSocket> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
  );
  let head = Buffer.alloc(0);
  while (!head.includes('\r\n\r\n')) {
    const [chunk] = (await once(socket, 'data')) as [Buffer];
    head = Buffer.concat([head, chunk]);
  }
  if (!head.toString().startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.toString().split('\r\n')[0]}`);
  let pending: Buffer = head.subarray(head.indexOf('\r\n\r\n') + 4);
  let bytes = pending.length;
  const chunks: Buffer[] = [pending];
  const arrived: Array<() => void> = [];
  let markClosed: (code: number | null) => void = () => {};
  const closed = new Promise<number | null>((resolve) => (markClosed = resolve));
  const reader = (chunk: Buffer) => {
    bytes += chunk.length;
    chunks.push(chunk);
    for (const wake of arrived.splice(0)) wake();
    const code = findCloseCode(received());
    if (code !== null) markClosed(code);
  };
  socket.on('data', reader);
  socket.on('error', () => {});
  const received = () => {
    if (chunks.length > 1) pending = Buffer.concat(chunks.splice(0)) as Buffer;
    else pending = chunks[0] ?? Buffer.alloc(0);
    chunks.length = 0;
    chunks.push(pending);
    return pending;
  };
  socket.once('close', () => markClosed(findCloseCode(received())));

  const sendText = (text: string) => (socket.destroyed ? false : socket.write(maskedTextFrame(text)));
  const send = (message: unknown) => sendText(JSON.stringify(message));
  const messages = () => textMessages(received());
  return {
    socket,
    send,
    sendText,
    messages,
    pings: () => [...frames(received())].filter((frame) => frame.opcode === 0x9).length,
    drained: () =>
      new Promise<void>((resolve) => {
        if (socket.destroyed || !socket.writableNeedDrain) return resolve();
        const done = () => {
          socket.off('drain', done);
          socket.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        socket.on('close', done);
      }),
    closed,
    async waitForMessage(accept, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages().find(accept);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0 || socket.destroyed) throw new Error(`no such message; got ${JSON.stringify(messages()).slice(0, 2_000)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(left, 200));
          arrived.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    freeze() {
      socket.pause();
    },
    async thawUntilClosed(timeoutMs = 15_000) {
      const ended = once(socket, 'close');
      const timer = setTimeout(() => socket.destroy(), timeoutMs);
      socket.resume();
      await ended;
      clearTimeout(timer);
      return { closeCode: findCloseCode(received()), bytes };
    },
  };
}

/**
 * A raw socket past graphql-ws's handshake: `connection_init` with `payload` sent and
 * `connection_ack` received. Rejects with the close code when the server closes the socket instead.
 */
export async function openAcknowledgedRawWebSocket(port: number, payload: Record<string, unknown> = {}): Promise<RawWebSocket> {
  const raw = await openRawWebSocket(port);
  raw.send({ type: 'connection_init', payload });
  const refused = raw.closed.then((code) => {
    throw new Error(`closed with ${code} before connection_ack`);
  });
  try {
    await Promise.race([raw.waitForMessage((message) => message.type === 'connection_ack'), refused]);
  } catch (error) {
    raw.socket.destroy();
    throw error;
  }
  return raw;
}

function maskedTextFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x81, 0x80 | length])
      : length < 65_536
        ? Buffer.from([0x81, 0x80 | 126, length >> 8, length & 0xff])
        : (() => {
            const b = Buffer.alloc(10);
            b[0] = 0x81;
            b[1] = 0x80 | 127;
            b.writeBigUInt64BE(BigInt(length), 2);
            return b;
          })();
  for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] as number) ^ (mask[i & 3] as number);
  return Buffer.concat([header, mask, payload]);
}

/** The server's (unmasked) text frames, parsed as JSON; stops at the first incomplete frame. */
function textMessages(data: Buffer): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  for (const frame of frames(data)) {
    if (frame.opcode === 0x1) found.push(JSON.parse(frame.payload.toString()) as Record<string, unknown>);
  }
  return found;
}

function* frames(data: Buffer): Generator<{ opcode: number; payload: Buffer }> {
  let offset = 0;
  while (offset + 2 <= data.length) {
    const opcode = (data[offset] ?? 0) & 0x0f;
    let length = (data[offset + 1] ?? 0) & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      if (start + 2 > data.length) return;
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      if (start + 8 > data.length) return;
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > data.length) return;
    yield { opcode, payload: data.subarray(start, start + length) };
    offset = start + length;
  }
}

/** Walks the server's (unmasked) frames and returns the code of the close frame. */
function findCloseCode(data: Buffer): number | null {
  for (const frame of frames(data)) {
    if (frame.opcode === 0x8) return frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null;
  }
  return null;
}
