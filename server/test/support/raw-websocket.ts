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
  let pending = head.subarray(head.indexOf('\r\n\r\n') + 4);
  let bytes = pending.length;
  const reader = (chunk: Buffer) => {
    bytes += chunk.length;
    pending = Buffer.concat([pending, chunk]);
  };
  socket.on('data', reader);

  const send = (message: unknown) => socket.write(maskedTextFrame(JSON.stringify(message)));
  return {
    socket,
    send,
    freeze() {
      socket.pause();
    },
    async thawUntilClosed(timeoutMs = 15_000) {
      const ended = once(socket, 'close');
      const timer = setTimeout(() => socket.destroy(), timeoutMs);
      socket.resume();
      await ended;
      clearTimeout(timer);
      return { closeCode: findCloseCode(pending), bytes };
    },
  };
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
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([header, mask, masked]);
}

/** Walks the server's (unmasked) frames and returns the code of the close frame. */
function findCloseCode(data: Buffer): number | null {
  let offset = 0;
  while (offset + 2 <= data.length) {
    const opcode = (data[offset] ?? 0) & 0x0f;
    let length = (data[offset + 1] ?? 0) & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    if (start + length > data.length) return null;
    if (opcode === 0x8) return length >= 2 ? data.readUInt16BE(start) : null;
    offset = start + length;
  }
  return null;
}
