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
}

const CLOSING_BRACE = Buffer.from('}');

/**
 * graphql-transport-ws `next` messages for operation `id` on `socket`: the id is escaped once,
 * here, and spliced in front of every shared payload, `{"id":…,"type":"next","payload":…}`.
 */
export function webSocketNextFrames(socket: WebSocket, id: string, heartbeat: Heartbeat): FrameSink {
  return new WebSocketNextFrames(socket, Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`), heartbeat);
}

// A class rather than a literal with a getter, which V8 keeps as a dictionary with a map of its own per subscriber.
class WebSocketNextFrames implements FrameSink {
  constructor(
    private readonly socket: WebSocket,
    private readonly head: Buffer,
    private readonly heartbeat: Heartbeat,
  ) {}

  get bufferedBytes(): number {
    return this.socket.bufferedAmount;
  }

  next(payload: Buffer): void {
    if (this.socket.readyState !== WebSocket.OPEN) return;
    const { head } = this;
    const frame = Buffer.concat([head, payload, CLOSING_BRACE], head.length + payload.length + 1);
    const corked = this.heartbeat.takeDuePing(this.socket);
    try {
      this.socket.send(frame, { binary: false });
    } finally {
      corked?.uncork();
    }
  }
}
