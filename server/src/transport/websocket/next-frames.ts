/** The WebSocket sink: the fan-out's shared results framed as `next` messages. */

import type { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { SharedResult } from '../../live/result-cache.js';
import type { SubscriberSink } from '../../live/sink.js';
import type { Heartbeat } from './heartbeat.js';

/** What the frames of one socket need of it (its session). */
export interface FramedSocket {
  readonly socket: WebSocket;
  /** The network stream under the socket, which the frames are written to. */
  readonly stream: Duplex;
  readonly heartbeat: Heartbeat;
  /** The socket's backlog check: false, and the client cut off, once `bytes` more would pass its bound. */
  admits(bytes: number): boolean;
  cutTooSlow(): void;
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
 * graphql-transport-ws `next` messages for operation `id` of a socket's session: the id is escaped
 * once, here, and spliced in front of every shared payload, `{"id":…,"type":"next","payload":…}`.
 * Each message leaves as one buffer in one write to the network stream, with the socket's
 * keep-alive ping in front when one is due. Writing the frame to the stream directly is sound
 * because `ws` queues nothing of its own without compression, which this server does not
 * negotiate: everything it sends reaches the stream in call order, as these frames do.
 */
export function webSocketNextFrames(session: FramedSocket, id: string): SubscriberSink {
  return new WebSocketNextFrames(session, Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`));
}

// A class rather than a literal with a getter, which V8 keeps as a dictionary with a map of its own per subscriber.
class WebSocketNextFrames implements SubscriberSink {
  constructor(
    private readonly session: FramedSocket,
    private readonly head: Buffer,
  ) {}

  get bufferedBytes(): number {
    return this.session.stream.writableLength;
  }

  get connection(): object {
    return this.session;
  }

  write(event: SharedResult): boolean {
    const { session, head } = this;
    const payload = event.bytes;
    const { socket, stream } = session;
    if (socket.readyState !== WebSocket.OPEN) return false;
    const length = head.length + payload.length + 1;
    if (!session.admits(length)) return false;
    const ping = session.heartbeat.takeDuePing(socket);
    const frame = frameBuffer((ping ? PING_FRAME.length : 0) + frameHeaderLength(length) + length, stream.writableLength > 0);
    // `set` is a plain memory copy; Buffer's `copy` validates its arguments in JavaScript first.
    if (ping) frame.set(PING_FRAME, 0);
    let offset = writeTextFrameHeader(frame, ping ? PING_FRAME.length : 0, length);
    frame.set(head, offset);
    offset += head.length;
    frame.set(payload, offset);
    frame[offset + payload.length] = CLOSING_BRACE;
    stream.write(frame);
    return true;
  }

  close(_reason: 'too-slow' | 'shed'): void {
    // Either way the client is told to come back later (1013) and resumes from its cursor.
    this.session.cutTooSlow();
  }
}
