import {
  createLiveTransport as createResumableTransport,
  type LiveClientOptions,
  type LiveState,
  type LiveTransport,
  type ResultSink,
  type SubscriptionRequest,
  type SubscriptionResult,
} from '@live-recipes/client';

export type { LiveTransport, ResultSink, SubscriptionRequest, SubscriptionResult };

export interface LiveTransportOptions
  extends Pick<LiveClientOptions, 'wsFailuresBeforeSse' | 'backoff' | 'webSocketImpl' | 'fetchImpl' | 'events' | 'sseIdleTimeoutMs'> {
  /** `ws://host/graphql` */
  wsUrl: string;
  /** `http://host/graphql` */
  httpUrl: string;
  /** The viewer's current token, read before every (re)connection. */
  token(): string | null;
  onState(state: LiveState): void;
  /** The server refused the token and no newer one has come since: the caller signs the viewer out. */
  onAuthRejected(): void;
}

/**
 * The app's live subscriptions on @live-recipes/client: every subscription resumes from its last
 * cursor after a reconnect, WebSockets fall back to SSE where a proxy blocks them.
 *
 * Where changes were missed that cannot be replayed (an expired cursor, or a drop before the
 * subscription saw any change), the sink gets the root field as `null`, which the server never
 * sends (the field is non-null): the cache takes it as "refetch the lists this subscription feeds".
 */
export function createLiveTransport(options: LiveTransportOptions): LiveTransport {
  const { wsUrl, httpUrl, token, onState, onAuthRejected, ...rest } = options;
  return createResumableTransport({
    ...rest,
    url: httpUrl,
    wsUrl,
    // A refused token the session still holds means the session is over; a refreshed one is used.
    token: () => token(),
    onState,
    onError: () => queueMicrotask(onAuthRejected),
    onGap: (gap, sink: ResultSink) => {
      if (gap.field) sink.next({ data: { [gap.field]: null } });
    },
  });
}
