import { CloseCode, MessageType, type Server, stringifyMessage } from 'graphql-ws';
import type { Logger } from 'pino';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import type { StreamRelease } from '../changes/change-stream.js';
import type { ErrorCode } from '../errors.js';

/** What graphql-ws hands to its hooks as `ctx.extra`. */
export interface SocketExtra {
  socket: WebSocket;
  /**
   * Lets the socket keep operation `id` once its stream is written by the fan-out, instead of
   * graphql-ws waiting on it: `forget` takes the id out of graphql-ws's own operations, and from
   * then on a client `complete` or the socket's close ends the stream, and a stream that ends
   * itself is answered with `complete`, as graphql-ws would.
   */
  release(id: string, forget: () => void): StreamRelease;
}

/** Per-socket bounds, checked before graphql-ws sees a message, so nothing out of bounds is ever held. */
export interface SocketBounds {
  /** Longest operation id, in bytes (UTF-8). */
  maxIdBytes: number;
  /** Longest `query` of one operation, in bytes. */
  maxDocumentBytes: number;
  /** Operations open at once on one socket: running subscriptions and any still being set up. */
  maxOperations: number;
  /** Bytes of the `subscribe` messages of a socket's open operations together. */
  maxOperationBytes: number;
  /** Bytes queued for a client that does not read, past which it is cut off with 1013. */
  maxBufferedBytes: number;
}

export interface AdapterOptions {
  wss: WebSocketServer;
  server: Server<SocketExtra>;
  bounds: SocketBounds;
  /** True once connection_init was accepted; before that graphql-ws refuses operations itself (4401). */
  acknowledged(socket: WebSocket): boolean;
  logger: Logger;
  /** The logger of one socket, carrying its upgrade request's id. */
  logFor(socket: WebSocket): Logger;
  /** A client that does not read what it is sent is closed with this code. */
  tooSlowCode: number;
}

/** Message types only a server sends. */
const SERVER_ONLY: ReadonlySet<string> = new Set([MessageType.ConnectionAck, MessageType.Next, MessageType.Error]);

/** One subscribe message the socket counts against its bounds, from arrival until the operation is over. */
interface Operation {
  id: string;
  /** Length of its message, counted in `maxOperationBytes`. */
  bytes: number;
  settled: boolean;
  /** Ends the stream of an operation released from graphql-ws. */
  end?: () => void;
}

type Verdict =
  | { kind: 'pass' }
  | { kind: 'operation'; id: string }
  | { kind: 'close'; reason: string; code?: number }
  | { kind: 'refuse'; id: string; code: ErrorCode; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Serves graphql-ws on `ws` sockets, in place of graphql-ws's own `useServer`, for three reasons:
 * bounds are checked before a message reaches graphql-ws (which keeps every operation's whole
 * message for the operation's life, and answers a refused one only once the client has read the
 * answer); a client breaking the protocol gets 4400 instead of an internal error; and failures are
 * logged through pino instead of `console.error`.
 */
export function serveGraphqlWs(options: AdapterOptions): void {
  const { wss, server, bounds, logFor } = options;

  wss.on('connection', (socket) => {
    const log = logFor(socket);
    // ws closes the socket itself on a protocol violation (1002, 1009, …); it only needs noting.
    socket.on('error', (error) => log.debug({ err: error }, 'websocket error'));
    // Operations the client has not completed, by id: what MAX_SUBSCRIPTIONS_PER_SOCKET counts.
    const open = new Map<string, Operation>();
    // Messages graphql-ws is still handling (a completed operation may still be finishing its set-up).
    let handling = 0;
    let handlingBytes = 0;
    // Operations released from graphql-ws (see SocketExtra.release), by id.
    const released = new Map<string, Operation>();
    // Operations graphql-ws is setting up, so a release can find its own.
    const pending = new Map<string, Operation>();

    /** The operation stops counting once it is over: when graphql-ws is done with it, or, when released, when its stream ends. */
    const settle = (operation: Operation) => {
      if (operation.settled) return;
      operation.settled = true;
      // The same id may have been completed and reused meanwhile; only this operation's entry goes.
      if (open.get(operation.id) === operation) open.delete(operation.id);
      handling -= 1;
      handlingBytes -= operation.bytes;
    };

    const fallenBehind = () => {
      if (socket.bufferedAmount <= bounds.maxBufferedBytes) return false;
      log.warn('closing a WebSocket whose client stopped reading');
      socket.close(options.tooSlowCode, 'Subscriber is too slow');
      return true;
    };

    /** Answers a refused operation without waiting for the client to read it, so nothing is held meanwhile. */
    const refuse = (id: string, code: ErrorCode, message: string) => {
      if (socket.readyState !== socket.OPEN || fallenBehind()) return;
      socket.send(stringifyMessage({ id, type: MessageType.Error, payload: [{ message, extensions: { code } }] }));
    };

    const screen = (text: string): Verdict => {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        return { kind: 'pass' };
      }
      if (!isRecord(message) || typeof message.type !== 'string') return { kind: 'pass' };
      if (SERVER_ONLY.has(message.type)) return { kind: 'close', reason: `Unexpected message of type ${message.type}` };
      if (message.type === MessageType.Complete && typeof message.id === 'string') {
        open.delete(message.id);
        const operation = released.get(message.id);
        if (operation) {
          released.delete(message.id);
          settle(operation);
          operation.end?.();
        }
        return { kind: 'pass' };
      }
      if (message.type !== MessageType.Subscribe || !options.acknowledged(socket)) return { kind: 'pass' };
      const { id, payload } = message;
      if (typeof id !== 'string' || !isRecord(payload)) return { kind: 'pass' };
      // graphql-ws no longer knows a released id, so its 4409 for a reused one is given here.
      if (released.has(id))
        return { kind: 'close', code: CloseCode.SubscriberAlreadyExists, reason: `Subscriber for ${id} already exists` };
      // An error for an operation must carry its id, so a huge id is refused at the protocol level.
      if (Buffer.byteLength(id) > bounds.maxIdBytes)
        return { kind: 'close', reason: `Operation ids are at most ${bounds.maxIdBytes} bytes` };
      if (typeof payload.query === 'string' && Buffer.byteLength(payload.query) > bounds.maxDocumentBytes) {
        return { kind: 'refuse', id, code: 'BAD_USER_INPUT', message: `The document is larger than ${bounds.maxDocumentBytes} bytes.` };
      }
      if (open.size >= bounds.maxOperations || handling >= 2 * bounds.maxOperations) {
        return {
          kind: 'refuse',
          id,
          code: 'RATE_LIMITED',
          message: `At most ${bounds.maxOperations} operations may be open on one connection; complete one first.`,
        };
      }
      if (handlingBytes + text.length > bounds.maxOperationBytes) {
        return {
          kind: 'refuse',
          id,
          code: 'RATE_LIMITED',
          message: 'The open operations of this connection are too large together; complete one first.',
        };
      }
      return { kind: 'operation', id };
    };

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve) => {
            if (socket.readyState !== socket.OPEN || fallenBehind()) return resolve();
            // A failed write surfaces as the socket's error and close, which end its operations.
            socket.send(data, () => resolve());
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data: RawData) => {
            if (socket.readyState !== socket.OPEN) return;
            const text = String(data);
            const verdict = screen(text);
            if (verdict.kind === 'close') return socket.close(verdict.code ?? CloseCode.BadRequest, verdict.reason);
            if (verdict.kind === 'refuse') return refuse(verdict.id, verdict.code, verdict.message);
            const operation: Operation | undefined =
              verdict.kind === 'operation' ? { id: verdict.id, bytes: text.length, settled: false } : undefined;
            if (operation) {
              open.set(operation.id, operation);
              handling += 1;
              handlingBytes += operation.bytes;
              pending.set(operation.id, operation);
            }
            handle(text)
              .catch((error: unknown) => {
                log.error({ err: error }, 'graphql-ws failed to handle a message');
                socket.close(CloseCode.InternalServerError, 'Internal server error');
              })
              .finally(() => {
                if (!operation) return;
                if (pending.get(operation.id) === operation) pending.delete(operation.id);
                if (released.get(operation.id) !== operation) settle(operation);
              });
          }),
      },
      {
        socket,
        release: (id, forget) => {
          const operation = pending.get(id);
          return {
            released(end) {
              if (!operation || open.get(id) !== operation || socket.readyState !== socket.OPEN) return end();
              forget();
              operation.end = end;
              released.set(id, operation);
            },
            ended() {
              if (!operation || released.get(id) !== operation) return;
              released.delete(id);
              settle(operation);
              // After the frames already queued; a client cut off meanwhile gets nothing more.
              queueMicrotask(() => {
                if (socket.readyState === socket.OPEN) socket.send(stringifyMessage({ id, type: MessageType.Complete }));
              });
            },
          };
        },
      },
    );
    socket.once('close', (code, reason) => {
      for (const operation of released.values()) operation.end?.();
      released.clear();
      closed(code, String(reason)).catch((error: unknown) => log.error({ err: error }, 'closing a WebSocket failed'));
    });
  });
  wss.on('error', (error) => options.logger.error({ err: error }, 'WebSocket server error'));
}
