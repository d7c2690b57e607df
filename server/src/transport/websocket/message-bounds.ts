/** Message bounds: what one socket may send and hold, checked before graphql-ws sees it. */

import { CloseCode, MessageType } from 'graphql-ws';
import type { ErrorCode } from '../../errors.js';

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

/** What a socket holds that its bounds are measured against. */
export interface SocketLoad {
  /** True once connection_init was accepted; before that graphql-ws refuses operations itself (4401). */
  acknowledged: boolean;
  /** Operations not yet completed; `released` when the socket, not graphql-ws, holds its stream. */
  openOperation(id: string): { released: boolean } | undefined;
  openOperations: number;
  /** Subscribe messages graphql-ws is still handling, and their bytes. */
  handling: number;
  handlingBytes: number;
}

/** What to do with a client's message before graphql-ws handles it. */
export type MessageAction =
  | { kind: 'handle' }
  | { kind: 'complete'; id: string }
  | { kind: 'subscribe'; id: string }
  | { kind: 'close'; reason: string; code?: number }
  | { kind: 'refuse'; id: string; code: ErrorCode; message: string };

/** Message types only a server sends. */
const SERVER_ONLY: ReadonlySet<string> = new Set([MessageType.ConnectionAck, MessageType.Next, MessageType.Error]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one message against the socket's bounds. Whatever graphql-ws judges itself (malformed
 * messages, subscribes before connection_init, ids without a use) is left to it.
 */
export function checkMessage(text: string, bounds: SocketBounds, load: SocketLoad): MessageAction {
  let message: unknown;
  try {
    message = JSON.parse(text);
  } catch {
    return { kind: 'handle' };
  }
  if (!isRecord(message) || typeof message.type !== 'string') return { kind: 'handle' };
  if (SERVER_ONLY.has(message.type)) return { kind: 'close', reason: `Unexpected message of type ${message.type}` };
  if (message.type === MessageType.Complete && typeof message.id === 'string') return { kind: 'complete', id: message.id };
  if (message.type !== MessageType.Subscribe || !load.acknowledged) return { kind: 'handle' };
  const { id, payload } = message;
  // graphql-ws closes the socket with 4400 for a subscribe without a usable id; it cannot be answered for an id.
  if (typeof id !== 'string' || id === '' || !isRecord(payload)) return { kind: 'handle' };
  // graphql-ws no longer knows a released id, so its 4409 for a reused one is given here.
  if (load.openOperation(id)?.released)
    return { kind: 'close', code: CloseCode.SubscriberAlreadyExists, reason: `Subscriber for ${id} already exists` };
  // An error for an operation must carry its id, so a huge id is refused at the protocol level.
  if (Buffer.byteLength(id) > bounds.maxIdBytes) return { kind: 'close', reason: `Operation ids are at most ${bounds.maxIdBytes} bytes` };
  if (typeof payload.query === 'string' && Buffer.byteLength(payload.query) > bounds.maxDocumentBytes) {
    return { kind: 'refuse', id, code: 'BAD_USER_INPUT', message: `The document is larger than ${bounds.maxDocumentBytes} bytes.` };
  }
  if (load.openOperations >= bounds.maxOperations || load.handling >= 2 * bounds.maxOperations) {
    return {
      kind: 'refuse',
      id,
      code: 'RATE_LIMITED',
      message: `At most ${bounds.maxOperations} operations may be open on one connection; complete one first.`,
    };
  }
  if (load.handlingBytes + text.length > bounds.maxOperationBytes) {
    return {
      kind: 'refuse',
      id,
      code: 'RATE_LIMITED',
      message: 'The open operations of this connection are too large together; complete one first.',
    };
  }
  return { kind: 'subscribe', id };
}
