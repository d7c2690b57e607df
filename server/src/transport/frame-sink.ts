import { WebSocket } from 'ws';

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
export function webSocketNextFrames(socket: WebSocket, id: string): FrameSink {
  const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  return {
    get bufferedBytes() {
      return socket.bufferedAmount;
    },
    next(payload) {
      if (socket.readyState !== WebSocket.OPEN) return;
      socket.send(Buffer.concat([head, payload, CLOSING_BRACE], head.length + payload.length + 1), { binary: false });
    },
  };
}
