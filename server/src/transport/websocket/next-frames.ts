import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { Heartbeat } from './heartbeat.js';

/**
 * One subscriber's end of the shared fan-out: it takes a payload serialised once for a whole
 * group of subscribers and frames it for this client alone. Framing costs a copy of the bytes,
 * never a serialisation.
 */
export interface FrameSink {
  /** Bytes written for this client that the network has not taken yet: the subscriber's backlog. */
  readonly bufferedBytes: number;
  /** Sends one `next` message whose payload is `payload`, an ExecutionResult already in JSON. */
  next(payload: Buffer): void;
  /** The connection the client's subscriptions share, which is cut as a whole. */
  readonly connection: object;
}

const CLOSING_BRACE = 0x7d;
/** An unmasked ping with no payload (RFC 6455 §5.5.2), as `ws`'s `ping()` sends it. */
const PING_FRAME = Buffer.from([0x89, 0x00]);

/**
 * Frames are carved out of shared slabs rather than each taking a slice of Node's 8 KiB buffer
 * pool, which a fan-out of 500-byte frames would use up every 16 deliveries (a new backing store
 * each time). A frame for a socket that already has bytes waiting gets a buffer of its own, so a
 * client that stops reading pins at most the one slab its first unwritten frame came from.
 */
const SLAB_BYTES = 64 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function frameBuffer(size: number, backlogged: boolean): Buffer {
  if (backlogged || size > SLAB_BYTES / 16) return Buffer.allocUnsafe(size);
  if (slabUsed + size > SLAB_BYTES) {
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const frame = slab.subarray(slabUsed, slabUsed + size);
  slabUsed += size;
  return frame;
}

/** Length of the header of an unmasked frame carrying `length` payload bytes (RFC 6455 §5.2). */
function frameHeaderLength(length: number): number {
  return length < 126 ? 2 : length < 65_536 ? 4 : 10;
}

/** Writes the header of an unmasked, final text frame of `length` payload bytes at `offset`; returns the offset after it. */
function writeTextFrameHeader(target: Buffer, offset: number, length: number): number {
  target[offset] = 0x81;
  if (length < 126) {
    target[offset + 1] = length;
    return offset + 2;
  }
  if (length < 65_536) {
    target[offset + 1] = 126;
    target.writeUInt16BE(length, offset + 2);
    return offset + 4;
  }
  target[offset + 1] = 127;
  target.writeUInt32BE(0, offset + 2);
  target.writeUInt32BE(length, offset + 6);
  return offset + 10;
}

/**
 * graphql-transport-ws `next` messages for operation `id` on `socket`, whose network stream is
 * `stream`: the id is escaped once, here, and spliced in front of every shared payload,
 * `{"id":…,"type":"next","payload":…}`. Each message leaves as one buffer in one write, with the
 * socket's keep-alive ping in front when one is due. Writing the frame to the stream directly
 * is sound because `ws` queues nothing of its own without compression, which this server does
 * not negotiate: everything it sends reaches the stream in call order, as these frames do.
 */
export function webSocketNextFrames(socket: WebSocket, stream: Duplex, id: string, heartbeat: Heartbeat): FrameSink {
  return new WebSocketNextFrames(socket, stream, Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`), heartbeat);
}

// A class rather than a literal with a getter, which V8 keeps as a dictionary with a map of its own per subscriber.
class WebSocketNextFrames implements FrameSink {
  constructor(
    private readonly socket: WebSocket,
    private readonly stream: Duplex,
    private readonly head: Buffer,
    private readonly heartbeat: Heartbeat,
  ) {}

  get bufferedBytes(): number {
    return this.stream.writableLength;
  }

  get connection(): object {
    return this.socket;
  }

  next(payload: Buffer): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const { head } = this;
    const length = head.length + payload.length + 1;
    const ping = this.heartbeat.takeDuePing(this.socket);
    const frame = frameBuffer((ping ? PING_FRAME.length : 0) + frameHeaderLength(length) + length, this.stream.writableLength > 0);
    // `set` is a plain memory copy; Buffer's `copy` validates its arguments in JavaScript first.
    if (ping) frame.set(PING_FRAME, 0);
    let offset = writeTextFrameHeader(frame, ping ? PING_FRAME.length : 0, length);
    frame.set(head, offset);
    offset += head.length;
    frame.set(payload, offset);
    frame[offset + payload.length] = CLOSING_BRACE;
    this.stream.write(frame);
  }
}
