/** One socket's session: everything the server keeps of a socket. */

import type { Duplex } from 'node:stream';
import { CloseCode, type WebSocket as GraphqlWsSocket, MessageType, stringifyMessage } from 'graphql-ws';
import type { Logger } from 'pino';
import type { RawData, WebSocket } from 'ws';
import type { TokenViewer } from '../../auth/tokens.js';
import type { ErrorCode } from '../../errors.js';
import type { ConnectionAccount } from '../../live/budget.js';
import type { StreamControl, StreamRelease } from '../../live/subscriber-stream.js';
import type { Heartbeat } from './heartbeat.js';
import { checkMessage, type SocketBounds, type SocketLoad } from './message-bounds.js';
import type { FramedSocket } from './next-frames.js';
import { Operation, type OperationKeeper, OperationRelease, OperationsById, UNKNOWN_OPERATION } from './operations.js';

/** Close code for a subscriber that cannot keep up ("try again later"). */
export const CLOSE_TOO_SLOW = 1013;

/** What every socket's session shares: one object per server, so a session keeps one reference. */
export interface SessionParts {
  logger: Logger;
  bounds: SocketBounds;
  heartbeat: Heartbeat;
  /** Told once per socket cut off for falling behind, so the drop is counted. */
  onTooSlow(): void;
  /** Told once a socket has closed and its operations are ended. */
  onClosed(session: SocketSession, code: number): void;
}

/** Each socket's session, for the listeners all sockets share. */
const sessions = new WeakMap<WebSocket, SocketSession>();

export function sessionOf(socket: WebSocket): SocketSession | undefined {
  return sessions.get(socket);
}

/**
 * Everything the server keeps of one socket, in one object that is graphql-ws's socket and its
 * `extra` as well, behind listeners every socket shares: an idle socket holds no closures of its
 * own and no logger (one is made for the rare line written). It owns the socket's bounds and is
 * the one place a client that does not read is cut off.
 */
export class SocketSession implements GraphqlWsSocket, SocketLoad, OperationKeeper, FramedSocket {
  /** Set once connection_init is accepted: null for an anonymous socket. */
  viewer: TokenViewer | null | undefined;
  /** Cleared once connection_init arrives (graphql-ws's own timeout would stay armed, and held, for the socket's whole life). */
  initTimer: NodeJS.Timeout | undefined;
  readonly openedAt = Date.now();
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
  handling = 0;
  handlingBytes = 0;

  constructor(
    readonly socket: WebSocket,
    readonly parts: SessionParts,
    /** The upgrade request's id, so the socket's log lines join the proxy's: a string, not a child logger per socket. */
    readonly reqId: string,
    /** The client's address, which sign-ups over the socket are limited by. */
    readonly address: string,
    /** The network stream under the socket, which the fan-out writes its prepared frames to. */
    readonly stream: Duplex,
    /** What the socket's subscriptions are charged against. */
    readonly account: ConnectionAccount,
  ) {
    sessions.set(socket, this);
  }

  /** Starts listening: ws closes the socket itself on a protocol violation (1002, 1009, …), which only needs noting. */
  listen(closed: (code: number, reason: string) => Promise<void>): void {
    this.closed = closed;
    this.socket.on('error', noteSocketError);
    this.socket.on('close', closeSession);
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  get heartbeat(): Heartbeat {
    return this.parts.heartbeat;
  }

  get acknowledged(): boolean {
    return this.viewer !== undefined;
  }

  get openOperations(): number {
    return this.open.size;
  }

  openOperation(id: string): { released: boolean } | undefined {
    const operation = this.open.get(id);
    return operation && { released: operation.stream !== undefined };
  }

  send(data: string): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.socket.readyState !== this.socket.OPEN || !this.admits(0)) return resolve();
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

  /**
   * Lets the socket keep operation `id` once its stream is written by the fan-out, instead of
   * graphql-ws waiting on it: `forget` takes the id out of graphql-ws's own operations, and from
   * then on a client `complete` or the socket's close ends the stream, and a stream that ends
   * itself is answered with `complete`, as graphql-ws would.
   */
  release(id: string, forget: () => void): StreamRelease {
    const operation = this.pending.get(id);
    return operation ? new OperationRelease(this, operation, forget) : UNKNOWN_OPERATION;
  }

  /** Gives `share` back once operation `id` is over, however it ends: what it was charged against a budget. */
  settleWith(id: string, share: { release(): void }): void {
    const operation = this.pending.get(id);
    if (operation && !operation.settled) operation.share = share;
    else share.release();
  }

  log(): Logger {
    return this.parts.logger.child({ reqId: this.reqId });
  }

  /**
   * Closes the socket with `code` and ends every stream it holds at once rather than when the
   * close handshake ends (up to 30 s for a client that does not read), so nothing more is executed
   * for it. False when the socket was already closing: a connection is cut once.
   */
  cut(code: number, reason: string): boolean {
    if (this.socket.readyState !== this.socket.OPEN) return false;
    this.socket.close(code, reason);
    for (const operation of [...this.open.values()]) if (this.isReleased(operation)) operation.stream?.end();
    return true;
  }

  /**
   * The socket's one backlog check, for the fan-out's frames and graphql-ws's own messages alike:
   * true while what waits for the client, with `bytes` more, stays within MAX_SOCKET_BACKLOG;
   * past it the client is cut off and nothing more is written.
   */
  admits(bytes: number): boolean {
    if (this.stream.writableLength + bytes <= this.parts.bounds.maxBufferedBytes) return true;
    this.cutTooSlow();
    return false;
  }

  /** Cuts a client that fell behind (or that the fan-out sheds): cut, counted and logged once. */
  cutTooSlow(): void {
    if (!this.cut(CLOSE_TOO_SLOW, 'Subscriber is too slow')) return;
    this.parts.onTooSlow();
    this.log().warn('closing a WebSocket whose client stopped reading');
  }

  receive(data: RawData): void {
    const { socket, handle } = this;
    if (socket.readyState !== socket.OPEN || !handle) return;
    const text = String(data);
    const action = checkMessage(text, this.parts.bounds, this);
    if (action.kind === 'close') {
      socket.close(action.code ?? CloseCode.BadRequest, action.reason);
      return;
    }
    if (action.kind === 'refuse') {
      this.refuse(action.id, action.code, action.message);
      return;
    }
    if (action.kind === 'complete') this.complete(action.id);
    const operation = action.kind === 'subscribe' ? new Operation(action.id, text.length) : undefined;
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
    this.parts.onClosed(this, code);
  }

  /** The client completed operation `id`; a released one is ended here, since graphql-ws no longer knows it. */
  private complete(id: string): void {
    const operation = this.open.get(id);
    this.open.delete(id);
    if (operation?.stream) {
      this.settle(operation);
      operation.stream.end();
    }
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

  /** Answers a refused operation without waiting for the client to read it, so nothing is held meanwhile. */
  private refuse(id: string, code: ErrorCode, message: string): void {
    if (this.socket.readyState !== this.socket.OPEN || !this.admits(0)) return;
    // Every RATE_LIMITED error says when to retry; room comes when the client completes an operation.
    const extensions = code === 'RATE_LIMITED' ? { code, retryAfter: 1 } : { code };
    this.socket.send(stringifyMessage({ id, type: MessageType.Error, payload: [{ message, extensions }] }));
  }
}

function noteSocketError(this: WebSocket, error: Error): void {
  sessions.get(this)?.log().debug({ err: error }, 'websocket error');
}

function receiveMessage(this: WebSocket, data: RawData): void {
  const session = sessions.get(this);
  try {
    session?.parts.heartbeat.heard(this);
    session?.receive(data);
  } catch (error) {
    // A throw here would leave ws's listener and take the process down: one socket's message may
    // close that socket, never the server.
    session?.log().error({ err: error }, 'failed to handle a WebSocket message');
    this.close(CloseCode.InternalServerError, 'Internal server error');
  }
}

// The socket's one `close` listener; ws emits `close` once, and the session's own guard keeps it to once regardless.
function closeSession(this: WebSocket, code: number, reason: Buffer): void {
  sessions.get(this)?.socketClosed(code, String(reason));
}
