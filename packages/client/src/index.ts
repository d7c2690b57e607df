export { backoffDelay, sleep } from './backoff.js';
export { createLiveClient, type LiveClient, type Observer } from './client.js';
export {
  AuthenticationError,
  CursorError,
  type CursorErrorReason,
  type GraphqlErrorLike,
  GraphqlResultError,
  isTokenRefusal,
} from './errors.js';
export { type WatchedStream, watchStream } from './event-stream.js';
export { cursorIn, type ResumePoint, resumePointOf } from './operation.js';
export {
  type ConnectionStatus,
  createLiveTransport,
  type Gap,
  type LiveClientOptions,
  type LiveState,
  type LiveTransport,
  type ResultSink,
  type SubscriptionRequest,
  type SubscriptionResult,
  type TokenProvider,
  type TokenRequest,
  type TransportKind,
} from './transport.js';
