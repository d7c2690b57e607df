import { CloseCode, type WebSocket as GraphqlWsSocket, MessageType, type Server, stringifyMessage } from 'graphql-ws';
import type { Logger } from 'pino';
import type { RawData, WebSocket, WebSocketServer } from 'ws';
import type { StreamControl, StreamRelease } from '../../live/subscriber-stream.js';
import type { ErrorCode } from '../../errors.js';

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
  /** Gives `share` back once operation `id` is over, however it ends: what it was charged against a budget. */
  settleWith(id: string, share: { release(): void }): void;
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
  /** Told of every message a client sends, before it is handled. */
  heard(socket: WebSocket): void;
  /** Told once a socket has closed and its operations are ended. */
  closed(socket: WebSocket, code: number): void;
}

/** Message types only a server sends. */
const SERVER_ONLY: ReadonlySet<string> = new Set([MessageType.ConnectionAck, MessageType.Next, MessageType.Error]);

type Verdict =
  | { kind: 'pass' }
  | { kind: 'operation'; id: string }
  | { kind: 'close'; reason: string; code?: number }
  | { kind: 'refuse'; id: string; code: ErrorCode; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One subscribe message the socket counts against its bounds, from arrival until the operation is over. */
class Operation {
  settled = false;
  /** Set when the operation is released from graphql-ws: the stream the socket then ends itself. */
  stream: Pick<StreamControl, 'end'> | undefined = undefined;
  /** What it was charged against the instance's budgets (live-budget.ts). */
  share: { release(): void } | undefined = undefined;

  constructor(
    readonly id: string,
    /** Length of its message, counted in `maxOperationBytes`. */
    readonly bytes: number,
  ) {}
}

/**
 * Operations by id, as a Map would keep them, for sockets that nearly always have one: a lone
 * operation is kept as it is, and a map (some 180 bytes even when small) is made for a second.
 */
class OperationsById {
  private one: Operation | undefined;
  private many: Map<string, Operation> | undefined;

  get size(): number {
    return this.many ? this.many.size : this.one ? 1 : 0;
  }

  get(id: string): Operation | undefined {
    if (this.many) return this.many.get(id);
    return this.one?.id === id ? this.one : undefined;
  }

  set(operation: Operation): void {
    if (this.many) this.many.set(operation.id, operation);
    else if (!this.one || this.one.id === operation.id) this.one = operation;
    else {
      this.many = new Map([
        [this.one.id, this.one],
        [operation.id, operation],
      ]);
      this.one = undefined;
    }
  }

  delete(id: string): void {
    if (!this.many) {
      if (this.one?.id === id) this.one = undefined;
      return;
    }
    this.many.delete(id);
    if (this.many.size === 0) this.many = undefined;
  }

  values(): Iterable<Operation> {
    if (this.many) return this.many.values();
    return this.one ? [this.one] : [];
  }
}

/** The release of an operation the socket was setting up when graphql-ws asked for it (see SocketExtra.release). */
class OperationRelease implements StreamRelease {
  constructor(
    private readonly session: SocketSession,
    private readonly operation: Operation,
    private readonly forget: () => void,
  ) {}

  released(stream: Pick<StreamControl, 'end'>): void {
    this.session.keep(this.operation, stream, this.forget);
  }

  ended(): void {
    this.session.endReleased(this.operation);
  }
}

/** The release of an id the socket is not setting up: nothing keeps the stream, so it ends at once. */
const UNKNOWN_OPERATION: StreamRelease = {
  released: (stream) => stream.end(),
  ended: () => {},
};

/** Each socket's session, for the listeners all sockets share. */
const sessions = new WeakMap<WebSocket, SocketSession>();

/**
 * Closes `socket` with `code` and ends every stream it holds at once rather than when the close
 * handshake ends (up to 30 s for a client that does not read), so nothing more is executed for
 * it. False when the socket was already closing: a connection is cut once, and logged once.
 */
export function cutConnection(socket: WebSocket, code: number, reason: string): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  socket.close(code, reason);
  sessions.get(socket)?.endStreams();
  return true;
}

/**
 * Serves graphql-ws on `ws` sockets, in place of graphql-ws's own `useServer`, for three reasons:
 * bounds are checked before a message reaches graphql-ws (which keeps every operation's whole
 * message for the operation's life, and answers a refused one only once the client has read the
 * answer); a client breaking the protocol gets 4400 instead of an internal error; and failures are
 * logged through pino instead of `console.error`.
 */
export function serveGraphqlWs(options: AdapterOptions): void {
  const { wss, server } = options;

  wss.on('connection', (socket) => {
    const session = new SocketSession(socket, options);
    sessions.set(socket, session);
    // ws closes the socket itself on a protocol violation (1002, 1009, …); it only needs noting.
    socket.on('error', noteSocketError);
    session.closed = server.opened(session, session);
    // ws emits `close` once; the session's own guard keeps it to once regardless.
    socket.on('close', closeSession);
  });
  wss.on('error', (error) => options.logger.error({ err: error }, 'WebSocket server error'));
}

function noteSocketError(this: WebSocket, error: Error): void {
  sessions.get(this)?.log().debug({ err: error }, 'websocket error');
}

function receiveMessage(this: WebSocket, data: RawData): void {
  const session = sessions.get(this);
  try {
    session?.options.heard(this);
    session?.receive(data);
  } catch (error) {
    // A throw here would leave ws's listener and take the process down: one socket's message may
    // close that socket, never the server.
    session?.log().error({ err: error }, 'failed to handle a WebSocket message');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }
}

// The socket's one `close` listener: the server's other parts hear of it through `closed`.
function closeSession(this: WebSocket, code: number, reason: Buffer): void {
  const session = sessions.get(this);
  if (!session) return;
  session.socketClosed(code, String(reason));
  session.options.closed(this, code);
}

/**
 * What the adapter keeps of one socket, in one object that is both graphql-ws's socket and its
 * `extra`, behind listeners every socket shares: an idle socket holds no closures of its own and
 * no logger (one is made for the rare line written).
 */
class SocketSession implements GraphqlWsSocket, SocketExtra {
  /** graphql-ws's side of the socket's close; taken when called, so it is called once. */
  closed: ((code: number, reason: string) => Promise<void>) | undefined;
  /** graphql-ws's handler of the client's messages. */
  private handle: ((data: string) => Promise<void>) | undefined;
  /**
   * Operations the client has not completed, by id: what MAX_SUBSCRIPTIONS_PER_SOCKET counts.
   * One released from graphql-ws holds its stream, and stays here under its id until it is over.
   */
  private readonly open = new OperationsById();
  /** Operations graphql-ws is setting up, so a release can find its own. */
  private readonly pending = new OperationsById();
  /** Messages graphql-ws is still handling (a completed operation may still be finishing its set-up). */
  private handling = 0;
  private handlingBytes = 0;

  constructor(
    readonly socket: WebSocket,
    readonly options: AdapterOptions,
  ) {}

  get protocol(): string {
    return this.socket.protocol;
  }

  send(data: string): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.socket.readyState !== this.socket.OPEN || this.fallenBehind()) return resolve();
      // A failed write surfaces as the socket's error and close, which end its operations.
      this.socket.send(data, () => resolve());
    });
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason);
  }

  onMessage(handle: (data: string) => Promise<void>): void {
    this.handle = handle;
    this.socket.on('message', receiveMessage);
  }

  release(id: string, forget: () => void): StreamRelease {
    const operation = this.pending.get(id);
    return operation ? new OperationRelease(this, operation, forget) : UNKNOWN_OPERATION;
  }

  settleWith(id: string, share: { release(): void }): void {
    const operation = this.pending.get(id);
    if (operation && !operation.settled) operation.share = share;
    else share.release();
  }

  log(): Logger {
    return this.options.logFor(this.socket);
  }

  endStreams(): void {
    for (const operation of [...this.open.values()]) if (this.isReleased(operation)) operation.stream?.end();
  }

  receive(data: RawData): void {
    const { socket, handle } = this;
    if (socket.readyState !== socket.OPEN || !handle) return;
    const text = String(data);
    const verdict = this.screen(text);
    if (verdict.kind === 'close') {
      socket.close(verdict.code ?? CloseCode.BadRequest, verdict.reason);
      return;
    }
    if (verdict.kind === 'refuse') {
      this.refuse(verdict.id, verdict.code, verdict.message);
      return;
    }
    const operation = verdict.kind === 'operation' ? new Operation(verdict.id, text.length) : undefined;
    if (operation) {
      this.open.set(operation);
      this.handling += 1;
      this.handlingBytes += operation.bytes;
      this.pending.set(operation);
    }
    handle(text)
      .catch((error: unknown) => {
        this.log().error({ err: error }, 'graphql-ws failed to handle a message');
        socket.close(CloseCode.InternalServerError, 'Internal server error');
      })
      .finally(() => {
        if (!operation) return;
        if (this.pending.get(operation.id) === operation) this.pending.delete(operation.id);
        if (!this.isReleased(operation)) this.settle(operation);
      });
  }

  /** The release of `operation`: from now on the socket, not graphql-ws, ends its stream. */
  keep(operation: Operation, stream: Pick<StreamControl, 'end'>, forget: () => void): void {
    if (this.open.get(operation.id) !== operation || this.socket.readyState !== this.socket.OPEN) {
      stream.end();
      return;
    }
    forget();
    operation.stream = stream;
  }

  /** A released operation's stream ended by itself: the client is told, as graphql-ws would. */
  endReleased(operation: Operation): void {
    if (!this.isReleased(operation)) return;
    this.settle(operation);
    const { socket } = this;
    // After the frames already queued; a client cut off meanwhile gets nothing more.
    queueMicrotask(() => {
      if (socket.readyState === socket.OPEN) socket.send(stringifyMessage({ id: operation.id, type: MessageType.Complete }));
    });
  }

  socketClosed(code: number, reason: string): void {
    const { closed } = this;
    if (!closed) return;
    this.closed = undefined;
    for (const operation of this.open.values()) if (this.isReleased(operation)) operation.stream?.end();
    closed(code, reason).catch((error: unknown) => this.log().error({ err: error }, 'closing a WebSocket failed'));
  }

  /** Released, and not yet over: it is still open under its id and holds its stream. */
  private isReleased(operation: Operation): boolean {
    return operation.stream !== undefined && this.open.get(operation.id) === operation;
  }

  /** The operation stops counting once it is over: when graphql-ws is done with it, or, when released, when its stream ends. */
  private settle(operation: Operation): void {
    if (operation.settled) return;
    operation.settled = true;
    // The same id may have been completed and reused meanwhile; only this operation's entry goes.
    if (this.open.get(operation.id) === operation) this.open.delete(operation.id);
    this.handling -= 1;
    this.handlingBytes -= operation.bytes;
    operation.share?.release();
  }

  private fallenBehind(): boolean {
    if (this.socket.bufferedAmount <= this.options.bounds.maxBufferedBytes) return false;
    if (cutConnection(this.socket, this.options.tooSlowCode, 'Subscriber is too slow')) {
      this.log().warn('closing a WebSocket whose client stopped reading');
    }
    return true;
  }

  /** Answers a refused operation without waiting for the client to read it, so nothing is held meanwhile. */
  private refuse(id: string, code: ErrorCode, message: string): void {
    if (this.socket.readyState !== this.socket.OPEN || this.fallenBehind()) return;
    // Every RATE_LIMITED error says when to retry; room comes when the client completes an operation.
    const extensions = code === 'RATE_LIMITED' ? { code, retryAfter: 1 } : { code };
    this.socket.send(stringifyMessage({ id, type: MessageType.Error, payload: [{ message, extensions }] }));
  }

  private screen(text: string): Verdict {
    const { bounds } = this.options;
    let message: unknown;
    try {
      message = JSON.parse(text);
    } catch {
      return { kind: 'pass' };
    }
    if (!isRecord(message) || typeof message.type !== 'string') return { kind: 'pass' };
    if (SERVER_ONLY.has(message.type)) return { kind: 'close', reason: `Unexpected message of type ${message.type}` };
    if (message.type === MessageType.Complete && typeof message.id === 'string') {
      const operation = this.open.get(message.id);
      this.open.delete(message.id);
      if (operation?.stream) {
        this.settle(operation);
        operation.stream.end();
      }
      return { kind: 'pass' };
    }
    if (message.type !== MessageType.Subscribe || !this.options.acknowledged(this.socket)) return { kind: 'pass' };
    const { id, payload } = message;
    // graphql-ws closes the socket with 4400 for a subscribe without a usable id; it cannot be answered for an id.
    if (typeof id !== 'string' || id === '' || !isRecord(payload)) return { kind: 'pass' };
    // graphql-ws no longer knows a released id, so its 4409 for a reused one is given here.
    if (this.open.get(id)?.stream)
      return { kind: 'close', code: CloseCode.SubscriberAlreadyExists, reason: `Subscriber for ${id} already exists` };
    // An error for an operation must carry its id, so a huge id is refused at the protocol level.
    if (Buffer.byteLength(id) > bounds.maxIdBytes) return { kind: 'close', reason: `Operation ids are at most ${bounds.maxIdBytes} bytes` };
    if (typeof payload.query === 'string' && Buffer.byteLength(payload.query) > bounds.maxDocumentBytes) {
      return { kind: 'refuse', id, code: 'BAD_USER_INPUT', message: `The document is larger than ${bounds.maxDocumentBytes} bytes.` };
    }
    if (this.open.size >= bounds.maxOperations || this.handling >= 2 * bounds.maxOperations) {
      return {
        kind: 'refuse',
        id,
        code: 'RATE_LIMITED',
        message: `At most ${bounds.maxOperations} operations may be open on one connection; complete one first.`,
      };
    }
    if (this.handlingBytes + text.length > bounds.maxOperationBytes) {
      return {
        kind: 'refuse',
        id,
        code: 'RATE_LIMITED',
        message: 'The open operations of this connection are too large together; complete one first.',
      };
    }
    return { kind: 'operation', id };
  }
}
