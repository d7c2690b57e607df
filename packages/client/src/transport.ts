import { createClient as createSseClient } from 'graphql-sse';
import { createClient, type Client as WsClient } from 'graphql-ws';
import { backoffDelay, sleep } from './backoff.js';
import {
  AuthenticationError,
  CursorError,
  type CursorErrorReason,
  cursorReasonOf,
  type GraphqlErrorLike,
  isGraphqlErrorList,
  isTokenRefusal,
} from './errors.js';
import { watchStream } from './event-stream.js';
import { cursorIn, type ResumePoint, resumePointOf } from './operation.js';

/**
 * `connecting`: no connection made yet; `live`: events flow; `reconnecting`: the connection
 * dropped and is being retried (what is committed meanwhile is replayed from each subscription's
 * cursor); `offline`: the browser says there is no network; `failed`: stopped for good (see the
 * error passed to `onError`), nothing is retried.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'failed';
export type TransportKind = 'websocket' | 'sse';

export interface LiveState {
  status: ConnectionStatus;
  transport: TransportKind;
}

/** A subscription as urql and Apollo hand it over: a printed document and its variables. */
export interface SubscriptionRequest {
  query: string;
  operationName?: string | null | undefined;
  variables?: Record<string, unknown> | null | undefined;
  extensions?: Record<string, unknown> | undefined;
}

export interface SubscriptionResult {
  data?: Record<string, unknown> | null | undefined;
  errors?: readonly GraphqlErrorLike[] | undefined;
  extensions?: Record<string, unknown> | undefined;
}

export interface ResultSink {
  next(result: SubscriptionResult): void;
  /** A `CursorError`, an `AuthenticationError`, or a transport failure that retrying cannot mend. */
  error(error: unknown): void;
  complete(): void;
}

export interface TokenRequest {
  /** The token the server just refused (socket closed with 4403, HTTP 401, UNAUTHENTICATED); null before an ordinary connection. */
  rejected: string | null;
}

/**
 * Called before every connection attempt, and with `rejected` after the server refused a token.
 * Return the token to send (null: connect anonymously). After a refusal, a provider that throws,
 * returns nothing or returns the refused token again stops the client with an `AuthenticationError`.
 */
export type TokenProvider = (request: TokenRequest) => string | null | undefined | Promise<string | null | undefined>;

/**
 * Changes may have been missed that no resubscription can replay: the server refused the cursor
 * (`CURSOR_EXPIRED`, `CURSOR_INVALID`), or the connection dropped before the subscription saw a
 * single event (`NO_CURSOR`), so it had no position to resume from.
 */
export interface Gap {
  /** The response key of the subscription's root field, e.g. `recipeChanged`. */
  field: string;
  reason: CursorErrorReason | 'NO_CURSOR';
}

export interface LiveClientOptions {
  /** `http(s)://host/graphql`: SSE, and the probe that tells "server down" from "WebSockets blocked". */
  url: string;
  /** `ws(s)://host/graphql`; derived from `url` when absent. */
  wsUrl?: string;
  /**
   * `auto` (default): graphql-ws, moving to SSE when WebSockets keep failing to open while HTTP
   * answers (a proxy that refuses the upgrade). `websocket` or `sse`: that one only.
   */
  transport?: 'auto' | TransportKind;
  token?: TokenProvider;
  onState?(state: LiveState): void;
  /** The client stopped for good (an `AuthenticationError`); every open subscription got the same error. */
  onError?(error: AuthenticationError): void;
  /**
   * When given, a refused cursor does not end the subscription: it goes on from now (live), and
   * `onGap` tells what to refetch. Without it, a refused cursor ends the subscription with a
   * `CursorError`, and `NO_CURSOR` gaps go unreported.
   */
  onGap?(gap: Gap, sink: ResultSink): void;
  /** A connection closed or failed (for logs): the WebSocket close code and reason, or null for a dropped SSE stream. */
  onDisconnect?(info: { code: number | null; reason: string }): void;
  /** Node 20 has no global WebSocket: pass `ws`'s. */
  webSocketImpl?: unknown;
  fetchImpl?: typeof fetch;
  /** Consecutive WebSocket attempts that fail before opening, while HTTP answers, before SSE takes over (`auto`). */
  wsFailuresBeforeSse?: number;
  /** Milliseconds to wait before retry `attempt` (0-based); exponential with jitter by default. */
  backoff?: (attempt: number) => number;
  /** Browser events (online/offline); the page's `window` by default, null in Node. */
  events?: Window | null;
  /** A stream that shows no sign of life this long is presumed dead and reopened (Yoga pings SSE every 12 s). */
  sseIdleTimeoutMs?: number;
  /** Client pings on an idle socket; a socket that does not answer one within 5 s is presumed dead. */
  keepAliveMs?: number;
}

export interface LiveTransport {
  subscribe(request: SubscriptionRequest, sink: ResultSink): () => void;
  state(): LiveState;
  /** Every state change, as `onState` gets it; returns the unsubscribe. */
  onState(listener: (state: LiveState) => void): () => void;
  /**
   * The token changed (a refresh, a new sign-in of the same viewer): reconnect with the provider's
   * current token. Every subscription resumes from its last cursor, nothing missed or repeated.
   */
  reauthenticate(): void;
  dispose(): void;
}

interface Channel {
  request: { query: string; operationName?: string; variables: Record<string, unknown>; extensions?: Record<string, unknown> };
  resume: ResumePoint | null;
  sink: ResultSink;
  /** Stops the channel on whichever transport currently carries it. */
  stop: () => void;
  /** SSE only: the stream is open. */
  open: boolean;
  /** SSE only: ends the current stream and opens the next one at once. */
  reopen: () => void;
}

/** Consecutive refusals, each with a token the provider said was fresh, before the client gives up. */
const MAX_REFUSALS = 3;
/** WebSocket close code for a refused token (connection_init). */
const FORBIDDEN = 4403;

/**
 * graphql-ws's dispose waits for a connection attempt under way, which rejects when the attempt is
 * abandoned (no subscription left): nothing to report, the client is being thrown away.
 */
function disposeQuietly(client: WsClient | null): void {
  if (client) Promise.resolve(client.dispose()).catch(() => {});
}

function closeCodeOf(event: unknown): number | null {
  return typeof event === 'object' && event !== null && 'code' in event && typeof event.code === 'number' ? event.code : null;
}

/**
 * Carries subscriptions to the server and keeps them whole across reconnects, on whichever
 * instance the next connection lands: each subscription whose root field takes `after: $var`
 * remembers the cursor of the last event it delivered, and every resubscription asks for what
 * came after it, so the server replays exactly the missed events, with no gap and no duplicate.
 *
 * Why it works: graphql-ws's retry re-sends the very `payload` object it was given, and
 * graphql-sse's retry serialises the very request object again, so rewriting
 * `variables[var]` of the object they were given as each event is delivered makes every retry
 * ask for exactly the changes after the last one seen. Both libraries do their own retrying;
 * this module only supplies the backoff, the token and the status. A plain client hands them
 * a request whose variables never change, which is how it loses or repeats events across a
 * restart.
 */
export function createLiveTransport(options: LiveClientOptions): LiveTransport {
  const {
    url: httpUrl,
    wsUrl = options.url.replace(/^http/, 'ws'),
    token: tokenProvider,
    onGap,
    wsFailuresBeforeSse = 3,
    backoff = (attempt: number) => backoffDelay(attempt),
    webSocketImpl,
    fetchImpl = (input, init) => fetch(input, init),
    events = typeof window === 'undefined' ? null : window,
    sseIdleTimeoutMs = 30_000,
    keepAliveMs = 10_000,
  } = options;
  const mode = options.transport ?? 'auto';

  const channels = new Set<Channel>();
  const stateListeners = new Set<(state: LiveState) => void>();
  if (options.onState) stateListeners.add(options.onState);
  let transport: TransportKind = mode === 'sse' ? 'sse' : 'websocket';
  let everLive = false;
  let disposed = false;
  let failure: AuthenticationError | null = null;
  let state: LiveState = { status: 'connecting', transport };
  let online = events?.navigator.onLine ?? true;

  const publish = (status: ConnectionStatus) => {
    const next: LiveState = { status: failure ? 'failed' : online ? status : 'offline', transport };
    if (next.status === state.status && next.transport === state.transport) return;
    state = next;
    for (const listener of stateListeners) listener(state);
  };
  const disconnectedStatus = () => (everLive ? 'reconnecting' : 'connecting');
  // Callbacks may tear this transport down; never do that in the middle of one.
  const later = (action: () => void) => queueMicrotask(() => !disposed && action());

  // ---- tokens ----

  /** The token connections carry; undefined until the provider was first asked. */
  let currentToken: string | null | undefined;
  /** The token the server refused, until the provider was asked for another one. */
  let refused: string | null = null;
  let refusals = 0;
  let asking: Promise<boolean> | null = null;
  const authorizationOf = (token: string | null | undefined) => (token ? `Bearer ${token}` : null);

  /** The server refused `usedToken`; the next connection asks the provider for another one. */
  function refusedToken(usedToken: string | null | undefined): void {
    if (!usedToken || failure) return;
    refused = usedToken;
    refusals += 1;
  }

  /** A connection with the current token worked: past refusals are forgiven. */
  function accepted(): void {
    refusals = 0;
  }

  /**
   * Asks the provider for the token of the next connection; false when the client has stopped
   * (it could not supply a valid one), in which case nothing may connect.
   */
  function freshToken(): Promise<boolean> {
    if (failure || disposed) return Promise.resolve(false);
    if (!tokenProvider) {
      currentToken = null;
      return Promise.resolve(true);
    }
    asking ??= (async () => {
      const rejected = refused;
      try {
        const next = (await tokenProvider({ rejected })) ?? null;
        if (rejected !== null) {
          if (next === null) throw new AuthenticationError('the server refused the token and the token provider has no other one');
          if (next === rejected) throw new AuthenticationError('the server refused the token and the token provider returned the same one');
          if (refusals >= MAX_REFUSALS) throw new AuthenticationError(`the server refused ${refusals} tokens in a row`);
        }
        refused = null;
        currentToken = next;
        return true;
      } catch (error) {
        fail(error instanceof AuthenticationError ? error : new AuthenticationError('the token provider failed', { cause: error }));
        return false;
      } finally {
        asking = null;
      }
    })();
    return asking;
  }

  /** Stops everything for good: every subscription gets the error, nothing reconnects. */
  function fail(error: AuthenticationError): void {
    if (failure || disposed) return;
    failure = error;
    publish('failed');
    const open = [...channels];
    channels.clear();
    // Unsubscribing first leaves graphql-ws nothing to reconnect for, so no socket is opened after this.
    for (const channel of open) channel.stop();
    disposeQuietly(ws);
    ws = null;
    for (const channel of open) channel.sink.error(error);
    options.onError?.(error);
  }

  // ---- what every result passes through ----

  function reportGap(channel: Channel, reason: Gap['reason']): void {
    if (onGap) onGap({ field: channel.resume?.responseKey ?? '', reason }, channel.sink);
  }

  function cursorOf(channel: Channel): string | null {
    const variable = channel.resume?.variable;
    const value = variable ? channel.request.variables[variable] : null;
    return typeof value === 'string' && value !== '' ? value : null;
  }

  /** Outcome of one result: go on, restart the channel (cursor dropped), or the channel ended. */
  function deliver(channel: Channel, result: SubscriptionResult, usedToken: string | null | undefined): 'ok' | 'restart' | 'ended' {
    const reason = cursorReasonOf(result.errors);
    if (reason) {
      if (onGap) {
        // Too old (or foreign) to replay: go on from now, and let the caller refetch.
        if (channel.resume?.variable) channel.request.variables[channel.resume.variable] = null;
        reportGap(channel, reason);
        return 'restart';
      }
      const cursor = cursorOf(channel);
      endChannel(channel, () => channel.sink.error(new CursorError(reason, cursor, result.errors ?? [])));
      return 'ended';
    }
    if (usedToken && isTokenRefusal(result.errors)) {
      refusedToken(usedToken);
      return 'restart';
    }
    const cursor = cursorIn(result.data, channel.resume);
    if (cursor && channel.resume?.variable) channel.request.variables[channel.resume.variable] = cursor;
    channel.sink.next(result);
    return 'ok';
  }

  /** The subscription ended (the server's `complete`, or its error answer): no retry. */
  function endChannel(channel: Channel, notify: () => void = () => channel.sink.complete()): void {
    if (!channels.delete(channel)) return;
    channel.stop();
    notify();
  }

  // ---- WebSocket (graphql-ws) ----

  let ws: WsClient | null = null;
  let openedThisAttempt = false;
  let failedOpens = 0;
  let probing = false;
  let activeSocket: WebSocket | null = null;
  /** A socket is open and acknowledged: a new subscription rides on it without asking for a token. */
  let socketLive = false;
  // The token the current (or last) connection_init carried.
  let socketToken: string | null | undefined;
  let pongTimer: ReturnType<typeof setTimeout> | undefined;
  // Aborted when the network comes back, to cut short whatever backoff wait is running.
  let wake = new AbortController();

  function createWsClient(): WsClient {
    return createClient({
      url: wsUrl,
      webSocketImpl,
      connectionParams: () => {
        socketToken = currentToken;
        const authorization = authorizationOf(socketToken);
        return authorization ? { authorization } : {};
      },
      retryAttempts: Number.POSITIVE_INFINITY,
      // Every drop is worth retrying (a restarting server, a proxy timeout, a laptop waking up),
      // unless the client has stopped.
      shouldRetry: () => !failure && !disposed,
      // The provider is asked before every retry; when it cannot help, `fail` unsubscribes
      // everything first, so graphql-ws finds no subscription left and opens no socket.
      retryWait: async (retries) => {
        await sleep(backoff(retries), wake.signal);
        await freshToken();
      },
      keepAlive: keepAliveMs,
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
          socketLive = true;
          everLive = true;
          accepted();
          publish('live');
          // Resubscribed channels without a cursor cannot ask for what they missed.
          if (wasRetry) for (const channel of channels) if (!cursorOf(channel)) later(() => reportGap(channel, 'NO_CURSOR'));
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
          socketLive = false;
          if (disposed || failure || transport !== 'websocket') return;
          const code = closeCodeOf(event);
          options.onDisconnect?.({
            code,
            reason: typeof event === 'object' && event !== null && 'reason' in event ? String(event.reason) : '',
          });
          if (code === FORBIDDEN) refusedToken(socketToken);
          if (!openedThisAttempt && mode === 'auto') {
            failedOpens += 1;
            if (failedOpens >= wsFailuresBeforeSse) void considerSse();
          }
          if (channels.size > 0) publish(disconnectedStatus());
        },
      },
    });
  }

  function startOnWebSocket(channel: Channel, failures = 0): void {
    let stopped = false;
    let unsubscribe = () => {};
    channel.stop = () => {
      stopped = true;
      unsubscribe();
    };
    // A new connection carries a token the provider just gave; one already open is reused as it is.
    const ready = socketLive && refused === null ? Promise.resolve(true) : freshToken();
    void ready.then((go) => {
      if (!go || stopped || disposed || !channels.has(channel) || transport !== 'websocket') return;
      ws ??= createWsClient();
      let restarting = false;
      unsubscribe = ws.subscribe(channel.request, {
        next: (result) => {
          failures = 0;
          if (deliver(channel, result as SubscriptionResult, socketToken) === 'restart') restart(0);
        },
        error: (error) => {
          if (stopped || failure) return;
          // graphql-ws gave up on this subscription: a close code it deems fatal. The feed must go on.
          if (!isGraphqlErrorList(error)) return restart(backoff(failures));
          const outcome = deliver(channel, { errors: error }, socketToken);
          if (outcome === 'restart') return restart(0);
          // Any other GraphQL error is the subscription's answer, already passed on: it ends here.
          if (outcome === 'ok') endChannel(channel);
        },
        // graphql-ws calls `complete` for our own unsubscribe too; only the server's own matters.
        complete: () => {
          if (!stopped) endChannel(channel);
        },
      });
      function restart(delayMs: number) {
        if (restarting) return;
        restarting = true;
        channel.stop();
        void sleep(delayMs, wake.signal).then(() => {
          if (!disposed && channels.has(channel) && transport === 'websocket') startOnWebSocket(channel, failures + 1);
        });
      }
    });
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
      if (response.ok && !disposed && !failure && transport === 'websocket') switchToSse();
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
    let stopped = false;
    /** The token the stream being opened carries. */
    let streamToken: string | null | undefined;
    /** A stream was open before: one opened now is a reopen. */
    let reopened = false;
    /** Consecutive subscriptions graphql-sse ended with an error, restarted here. */
    let failures = 0;
    let dropStream: (reason: string) => void = () => {};
    // Aborted to cut a retry wait short: the token changed.
    let hurry = new AbortController();
    let abandon = () => {};
    const client = createSseClient({
      url: httpUrl,
      // graphql-sse itself reopens a stream that dropped, failed to open or was refused (401). Each
      // retry sends `channel.request` again, whose `after` deliver() rewrites as every event is
      // delivered, so the retry asks for exactly what came after the last event this side saw.
      retryAttempts: Number.POSITIVE_INFINITY,
      retry: async (retries) => {
        channel.open = false;
        publishSseStatus();
        await sleep(backoff(retries), AbortSignal.any([hurry.signal, wake.signal]));
        hurry = new AbortController();
      },
      // Asked before every attempt: the provider's token, or a fresh one after a refusal. When it has
      // none, `fail` has already stopped this channel, and graphql-sse, aborted, opens nothing.
      headers: async (): Promise<Record<string, string>> => {
        if (!(await freshToken())) throw failure ?? new Error('this live client was disposed');
        streamToken = currentToken;
        const authorization = authorizationOf(streamToken);
        return authorization ? { authorization } : {};
      },
      fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
        const usedToken = streamToken;
        // An abort is this side letting go (unsubscribed, restarting): no disconnect to report.
        const report = (reason: string) => {
          if (!stopped && !init?.signal?.aborted && channels.has(channel)) options.onDisconnect?.({ code: null, reason });
        };
        const response = await fetchImpl(input, init).catch((error: unknown) => {
          report(error instanceof Error ? error.message : String(error));
          throw error;
        });
        if (!response.ok || !response.body) {
          if (response.status === 401) refusedToken(usedToken);
          report(`HTTP ${response.status}`);
          return response;
        }
        channel.open = true;
        accepted();
        publishSseStatus();
        if (reopened && !cursorOf(channel)) reportGap(channel, 'NO_CURSOR');
        reopened = true;
        const watched = watchStream(response, sseIdleTimeoutMs, report);
        dropStream = watched.drop;
        return watched.response;
      },
    });

    function run(): void {
      let abandoned = false;
      const unsubscribe = client.subscribe(channel.request, {
        next: (result) => {
          if (abandoned) return;
          failures = 0;
          const outcome = deliver(channel, result as SubscriptionResult, streamToken);
          // A refused cursor (the variable now null: from now) or token: subscribe again.
          if (outcome === 'restart') restart(refused === null ? 0 : backoff(failures));
        },
        // graphql-sse gave up on this subscription: an error it does not retry. The feed must go on.
        error: (error) => {
          if (abandoned || stopped || failure) return;
          options.onDisconnect?.({ code: null, reason: error instanceof Error ? error.message : String(error) });
          restart(backoff(failures++));
        },
        // graphql-sse also completes the sink when this side unsubscribes; only an unasked end is the server's.
        complete: () => {
          if (!abandoned && !stopped) endChannel(channel);
        },
      });
      abandon = () => {
        abandoned = true;
        unsubscribe();
      };
    }

    function restart(delayMs: number): void {
      abandon();
      channel.open = false;
      publishSseStatus();
      void sleep(delayMs, AbortSignal.any([hurry.signal, wake.signal])).then(() => {
        if (!stopped && !disposed && channels.has(channel)) run();
      });
    }

    channel.stop = () => {
      stopped = true;
      abandon();
      client.dispose();
      // A retry waiting out its backoff ends now; graphql-sse, aborted, then opens nothing.
      hurry.abort();
    };
    // A changed token: drop the stream; graphql-sse reopens it at once, with the new token, from the cursor.
    channel.reopen = () => {
      hurry.abort();
      dropStream('reopening with a new token');
    };
    run();
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
      if (failure || disposed) {
        const error = failure ?? new Error('this live client was disposed');
        queueMicrotask(() => sink.error(error));
        return () => {};
      }
      const channel: Channel = {
        // A copy: its variables are rewritten with every cursor, the caller's object never is.
        request: {
          query: request.query,
          variables: { ...request.variables },
          ...(request.operationName ? { operationName: request.operationName } : {}),
          ...(request.extensions ? { extensions: request.extensions } : {}),
        },
        resume: resumePointOf(request.query, request.operationName),
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
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    reauthenticate() {
      if (disposed || failure) return;
      if (transport === 'websocket') {
        // The next connection asks the provider before it opens.
        socketLive = false;
        ws?.terminate();
      } else for (const channel of channels) channel.reopen();
    },
    dispose() {
      disposed = true;
      wake.abort();
      events?.removeEventListener('offline', wentOffline);
      events?.removeEventListener('online', cameOnline);
      const open = [...channels];
      channels.clear();
      stateListeners.clear();
      // Their subscriptions end with the client: an iterator waiting for the next event returns.
      for (const channel of open) {
        channel.stop();
        channel.sink.complete();
      }
      disposeQuietly(ws);
      ws = null;
    },
  };
}
