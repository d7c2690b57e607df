import { createClient as createSseClient } from 'graphql-sse';
import { createClient, type Client as WsClient } from 'graphql-ws';
import type { GraphqlErrorLike } from '../../lib/graphql-errors';
import { backoffDelay, sleep } from './backoff';
import { withActivity } from './event-stream';
import type { LiveState, TransportKind } from './live-state';

/** A subscription as urql forwards it; `variables.after` is rewritten as cursors arrive. */
export interface SubscriptionRequest {
  query: string;
  operationName?: string | undefined;
  variables: Record<string, unknown>;
  extensions?: Record<string, unknown> | undefined;
}

export interface SubscriptionResult {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly GraphqlErrorLike[] | undefined;
  extensions?: Record<string, unknown> | undefined;
}

export interface ResultSink {
  next(result: SubscriptionResult): void;
  error(error: unknown): void;
  complete(): void;
}

export interface LiveTransportOptions {
  /** `ws://host/graphql` */
  wsUrl: string;
  /** `http://host/graphql`, for SSE and for telling "server down" from "WebSockets blocked". */
  httpUrl: string;
  /** The viewer's current token, read at every (re)connection. */
  token(): string | null;
  onState(state: LiveState): void;
  /** The server refused the token (socket closed with 4403, or UNAUTHENTICATED over SSE) and no newer one has come since. */
  onAuthRejected(): void;
  /** Consecutive WebSocket attempts that fail before opening, while HTTP answers, before SSE takes over. */
  wsFailuresBeforeSse?: number;
  backoff?: (attempt: number) => number;
  /** For Node tests; browsers use their own. */
  webSocketImpl?: unknown;
  fetchImpl?: typeof fetch;
  /** Browser events (online/offline); null in tests. */
  events?: Window | null;
  /** A stream that shows no sign of life this long is presumed dead and reopened (Yoga pings every 12 s). */
  sseIdleTimeoutMs?: number;
}

export interface LiveTransport {
  subscribe(request: SubscriptionRequest, sink: ResultSink): () => void;
  state(): LiveState;
  /**
   * The token was refreshed: reconnect with it. Every subscription resumes from its last cursor,
   * so nothing committed meanwhile is missed or repeated; the old token's connection is closed
   * before the server would close it at expiry.
   */
  reauthenticate(): void;
  dispose(): void;
}

interface Channel {
  request: SubscriptionRequest;
  sink: ResultSink;
  /** The subscription's root field (`recipeChanged`), for the gap signal. */
  field: string;
  /** Stops the channel on whichever transport currently carries it. */
  stop: () => void;
  /** SSE only: the stream is open. */
  open: boolean;
  /** SSE only: ends the current stream and opens the next one at once. */
  reopen: () => void;
}

const CURSOR_REASONS = new Set(['CURSOR_EXPIRED', 'CURSOR_INVALID']);

function hasCursorError(result: SubscriptionResult): boolean {
  return result.errors?.some((error) => CURSOR_REASONS.has(String(error.extensions?.reason))) ?? false;
}

function hasAuthError(result: SubscriptionResult): boolean {
  return result.errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED') ?? false;
}

/** The change's `cursor`, wherever the subscription's root field put it. */
function cursorOf(result: SubscriptionResult): string | null {
  for (const value of Object.values(result.data ?? {})) {
    if (typeof value === 'object' && value !== null && 'cursor' in value && typeof value.cursor === 'string') return value.cursor;
  }
  return null;
}

/** The first field of the operation's selection: `subscription X($after: String) { recipeChanged(…` → `recipeChanged`. */
export function rootFieldOf(query: string): string {
  return /^[^{]*\{\s*([_A-Za-z][_0-9A-Za-z]*)/.exec(query)?.[1] ?? '';
}

/**
 * graphql-ws's dispose waits for a connection attempt under way, which rejects when the attempt is
 * abandoned (no subscription left): nothing to report, the client is being thrown away.
 */
function disposeQuietly(client: WsClient | null): void {
  if (client) Promise.resolve(client.dispose()).catch(() => {});
}

function isGraphqlErrorList(value: unknown): value is GraphqlErrorLike[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'message' in item);
}

/**
 * Carries the app's live subscriptions and keeps them alive: graphql-ws with endless retries
 * (exponential backoff with jitter), resuming every subscription with `after:` its last cursor so
 * nothing committed while disconnected is missed; SSE when WebSockets cannot open but HTTP works.
 *
 * Why resuming works: graphql-ws re-sends the very `payload` object it was given on every
 * retry, so updating `request.variables.after` as each event arrives makes the retry ask for
 * exactly the changes after the last one seen.
 */
export function createLiveTransport(options: LiveTransportOptions): LiveTransport {
  const {
    wsUrl,
    httpUrl,
    token,
    onState,
    onAuthRejected,
    wsFailuresBeforeSse = 3,
    backoff = (attempt: number) => backoffDelay(attempt),
    webSocketImpl,
    fetchImpl = (input, init) => fetch(input, init),
    events = typeof window === 'undefined' ? null : window,
    sseIdleTimeoutMs = 30_000,
  } = options;

  const channels = new Set<Channel>();
  const authorizationOf = (current: string | null) => (current ? `Bearer ${current}` : null);
  let transport: TransportKind = 'websocket';
  let everLive = false;
  let disposed = false;
  let state: LiveState = { status: 'connecting', transport };
  let online = events?.navigator.onLine ?? true;

  const publish = (status: LiveState['status']) => {
    const next: LiveState = { status: online ? status : 'offline', transport };
    if (next.status === state.status && next.transport === state.transport) return;
    state = next;
    onState(state);
  };
  const disconnectedStatus = () => (everLive ? 'reconnecting' : 'connecting');
  // Callbacks may tear this transport down (a resync re-creates the client); never do that mid-callback.
  const later = (action: () => void) => queueMicrotask(() => !disposed && action());

  /**
   * Changes may have been missed that cannot be replayed (the cursor expired, or the connection
   * dropped before this subscription saw any change, so it has no cursor to resume from). The
   * sink gets the root field as `null`, which the server never sends (the field is non-null):
   * the cache takes it as "refetch the lists this subscription feeds".
   */
  function signalGap(channel: Channel): void {
    if (channel.field) channel.sink.next({ data: { [channel.field]: null } });
  }

  /** Refused with `usedToken`: sign out, unless a refreshed token has come since (the next connection carries it). */
  function rejectedWith(usedToken: string | null): void {
    if (usedToken === token()) later(onAuthRejected);
  }

  /** What every result passes through, whichever transport brought it (with `usedToken`). Returns false when the channel must restart. */
  function deliver(channel: Channel, result: SubscriptionResult, usedToken: string | null): boolean {
    if (hasCursorError(result)) {
      // Too old (or foreign) to replay: start over from now, and refetch instead.
      channel.request.variables.after = null;
      signalGap(channel);
      return false;
    }
    if (hasAuthError(result)) {
      rejectedWith(usedToken);
      return true;
    }
    const cursor = cursorOf(result);
    if (cursor) channel.request.variables.after = cursor;
    channel.sink.next(result);
    return true;
  }

  /**
   * The server ended this subscription (its subject was deleted, or hid from the viewer): no
   * retry, the sink completes. A server shutting down closes the socket or the stream instead,
   * which is retried.
   */
  function endChannel(channel: Channel): void {
    if (!channels.delete(channel)) return;
    channel.sink.complete();
  }

  // ---- WebSocket (graphql-ws) ----

  let ws: WsClient | null = null;
  let openedThisAttempt = false;
  let failedOpens = 0;
  let probing = false;
  let activeSocket: WebSocket | null = null;
  // The token the current (or last) connection_init carried.
  let socketToken: string | null = null;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  // Aborted when the network comes back, to cut short whatever backoff wait is running.
  let wake = new AbortController();

  function createWsClient(): WsClient {
    return createClient({
      url: wsUrl,
      webSocketImpl,
      connectionParams: () => {
        socketToken = token();
        const authorization = authorizationOf(socketToken);
        return authorization ? { authorization } : {};
      },
      retryAttempts: Number.POSITIVE_INFINITY,
      // Every drop is worth retrying: a restarting server, a proxy timeout, a laptop waking up.
      shouldRetry: () => true,
      retryWait: (retries) => sleep(backoff(retries), wake.signal),
      keepAlive: 10_000,
      on: {
        connecting: () => {
          openedThisAttempt = false;
          publish(disconnectedStatus());
        },
        opened: (socket) => {
          openedThisAttempt = true;
          failedOpens = 0;
          activeSocket = socket as WebSocket;
        },
        connected: (_socket, _payload, wasRetry) => {
          everLive = true;
          publish('live');
          // Resubscribed channels without a cursor cannot ask for what they missed.
          if (wasRetry) for (const channel of channels) if (!channel.request.variables.after) later(() => signalGap(channel));
        },
        ping: (received) => {
          // A socket that stops answering our pings is dead even if the OS has not noticed yet.
          if (!received) {
            pongTimer = setTimeout(() => {
              if (activeSocket?.readyState === 1) activeSocket.close(4408, 'Request Timeout');
            }, 5_000);
          }
        },
        pong: (received) => {
          if (received) clearTimeout(pongTimer);
        },
        closed: (event) => {
          clearTimeout(pongTimer);
          activeSocket = null;
          if (disposed || transport !== 'websocket') return;
          const code = typeof event === 'object' && event !== null && 'code' in event ? event.code : null;
          if (code === 4403) rejectedWith(socketToken);
          if (!openedThisAttempt) {
            failedOpens += 1;
            if (failedOpens >= wsFailuresBeforeSse) void considerSse();
          }
          if (channels.size > 0) publish(disconnectedStatus());
        },
      },
    });
  }

  function startOnWebSocket(channel: Channel, failures = 0): void {
    ws ??= createWsClient();
    let restarting = false;
    // graphql-ws calls `complete` for our own unsubscribe too; only the server's own matters.
    let stopped = false;
    const unsubscribe = ws.subscribe(channel.request, {
      next: (result) => {
        failures = 0;
        if (!deliver(channel, result as SubscriptionResult, socketToken)) restart(0);
      },
      error: (error) => {
        // graphql-ws gave up on this subscription: a close code it deems fatal. The feed must go on.
        if (!isGraphqlErrorList(error)) return restart(backoff(failures));
        // A cursor too old to replay: resubscribe from now (deliver dropped the cursor).
        if (!deliver(channel, { errors: error }, socketToken)) return restart(0);
        // Any other GraphQL error is the subscription's answer, already passed on: it ends here.
        endChannel(channel);
      },
      complete: () => {
        if (!stopped) endChannel(channel);
      },
    });
    channel.stop = () => {
      stopped = true;
      unsubscribe();
    };
    function restart(delayMs: number) {
      if (restarting) return;
      restarting = true;
      channel.stop();
      void sleep(delayMs, wake.signal).then(() => {
        if (!disposed && channels.has(channel) && transport === 'websocket') startOnWebSocket(channel, failures + 1);
      });
    }
  }

  /** WebSockets keep failing to open. If HTTP answers, something between us blocks them: use SSE. */
  async function considerSse(): Promise<void> {
    if (probing || transport === 'sse') return;
    probing = true;
    try {
      const response = await fetchImpl(httpUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      if (response.ok && !disposed && transport === 'websocket') switchToSse();
    } catch {
      // HTTP is down too: the server is away, not the WebSocket. Keep retrying it.
    } finally {
      probing = false;
    }
  }

  function switchToSse(): void {
    transport = 'sse';
    for (const channel of channels) channel.stop();
    disposeQuietly(ws);
    ws = null;
    publish(disconnectedStatus());
    for (const channel of channels) startOnSse(channel);
  }

  // ---- SSE (GraphQL over SSE, distinct connections, as Yoga serves it) ----

  function publishSseStatus(): void {
    const all = [...channels];
    if (all.length > 0 && all.every((channel) => channel.open)) {
      everLive = true;
      publish('live');
    } else {
      publish(disconnectedStatus());
    }
  }

  function startOnSse(channel: Channel): void {
    const controller = new AbortController();
    channel.stop = () => controller.abort();
    void runSse(channel, controller.signal);
  }

  async function runSse(channel: Channel, signal: AbortSignal): Promise<void> {
    let attempt = 0;
    let reopening = false;
    while (!signal.aborted && !disposed) {
      let restartNow = false;
      let endedByServer = false;
      await new Promise<void>((settle) => {
        let idle: ReturnType<typeof setTimeout> | undefined;
        let finished = false;
        let unsubscribe = () => {};
        const streamToken = token();
        const authorization = authorizationOf(streamToken);
        const client = createSseClient({
          url: httpUrl,
          headers: authorization ? { authorization } : {},
          // Retried below, with this transport's backoff, cursors and status.
          retryAttempts: 0,
          fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
            const response = await fetchImpl(input, init);
            if (!response.ok || !response.body) return response;
            channel.open = true;
            attempt = 0;
            publishSseStatus();
            if (reopening && !channel.request.variables.after) signalGap(channel);
            reopening = true;
            return withActivity(response, alive);
          },
        });
        const finish = () => {
          if (finished) return;
          finished = true;
          clearTimeout(idle);
          signal.removeEventListener('abort', finish);
          unsubscribe();
          client.dispose();
          settle();
        };
        // Keep-alive comments count too, so a quiet stream is not taken for a dead one.
        const alive = () => {
          clearTimeout(idle);
          idle = setTimeout(finish, sseIdleTimeoutMs);
        };
        // A refreshed token: reopen the stream with it, from the channel's cursor.
        channel.reopen = () => {
          restartNow = true;
          finish();
        };
        signal.addEventListener('abort', finish, { once: true });
        alive();
        unsubscribe = client.subscribe(channel.request, {
          next: (result) => {
            if (!deliver(channel, result as SubscriptionResult, streamToken)) {
              restartNow = true;
              finish();
            }
          },
          // Dropped, refused or timed out: retried below.
          error: finish,
          // graphql-sse also completes the sink when this side unsubscribes; only an unasked end is the server's.
          complete: () => {
            if (!finished) endedByServer = true;
            finish();
          },
        });
      });
      if (endedByServer) {
        endChannel(channel);
        return;
      }
      channel.open = false;
      if (signal.aborted || disposed) return;
      publishSseStatus();
      if (!restartNow) await sleep(backoff(attempt++), AbortSignal.any([signal, wake.signal]));
    }
  }

  // ---- browser network state ----

  const wentOffline = () => {
    online = false;
    publish(state.status);
  };
  const cameOnline = () => {
    online = true;
    publish(state.status === 'offline' ? disconnectedStatus() : state.status);
    // Skip the rest of a long backoff wait: the network just came back.
    wake.abort();
    wake = new AbortController();
  };
  events?.addEventListener('offline', wentOffline);
  events?.addEventListener('online', cameOnline);

  return {
    subscribe(request, sink) {
      const channel: Channel = {
        request: { ...request, variables: { ...request.variables } },
        field: rootFieldOf(request.query),
        sink,
        stop: () => {},
        open: false,
        reopen: () => {},
      };
      channels.add(channel);
      if (transport === 'websocket') startOnWebSocket(channel);
      else startOnSse(channel);
      return () => {
        channels.delete(channel);
        channel.stop();
      };
    },
    state: () => state,
    reauthenticate() {
      if (disposed) return;
      if (transport === 'websocket') ws?.terminate();
      else for (const channel of channels) channel.reopen();
    },
    dispose() {
      disposed = true;
      wake.abort();
      events?.removeEventListener('offline', wentOffline);
      events?.removeEventListener('online', cameOnline);
      for (const channel of channels) channel.stop();
      channels.clear();
      disposeQuietly(ws);
      ws = null;
    },
  };
}
