import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { GraphQLError, getOperationAST } from 'graphql';
import { CloseCode, handleProtocols, makeServer, type SubscribePayload } from 'graphql-ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import { viewerOfSubscribe } from '../../auth/subscribe-authorization.js';
import type { TokenService, TokenViewer } from '../../auth/tokens.js';
import { viewerFromAuthorization } from '../../auth/viewer.js';
import type { StreamRelease } from '../../live/subscriber-stream.js';
import type { TrustProxy } from '../../config.js';
import type { TransportHooks } from '../../context.js';
import { clientError, isGraphQLError, type RequestErrorCode } from '../../errors.js';
import { clientAddress } from '../../limits/client-address.js';
import type { ConnectionAccount, LiveBudget } from '../../limits/live-budget.js';
import { type FrameSink, webSocketNextFrames } from './next-frames.js';
import type { GraphqlServer } from '../graphql-http.js';
import { cutConnection, type SocketExtra, serveGraphqlWs } from './session.js';
import { Heartbeat } from './heartbeat.js';
import { requestIdOf } from '../request-id.js';
import { assertAcceptableInput } from '../request-input.js';
import { SocketExpiry } from './socket-expiry.js';

export interface WebSocketOptions {
  server: Server;
  yoga: GraphqlServer;
  tokens: TokenService;
  logger: Logger;
  /** Which peers' X-Forwarded-For is believed when working out a client's address. */
  trustProxy: TrustProxy;
  keepAliveMs: number;
  maxMessageBytes: number;
  /** Largest `query` of one operation. */
  maxDocumentBytes: number;
  /** Operations open at once on one socket (MAX_SUBSCRIPTIONS_PER_SOCKET). */
  maxOperations: number;
  /** Bytes a client that does not read may have queued before it is cut off (MAX_SOCKET_BACKLOG). */
  maxBufferedBytes: number;
  /** Connections per address and what their subscriptions may cost (live-budget.ts). */
  budget: LiveBudget;
  onCountChange: (open: number) => void;
  /** Called once per socket cut off for falling behind, so the drop is counted. */
  onDropped: () => void;
  /** Called once per socket refused for its address having too many open. */
  onRefused?: () => void;
}

/** Close code for a subscriber that cannot keep up ("try again later"). */
export const CLOSE_TOO_SLOW = 1013;

/** Close code for a socket from an address that already has MAX_SOCKETS_PER_ADDRESS open (as HTTP 429). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

/** How long a socket may take to send connection_init before it is closed with 4408. */
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

/** Longest operation id: graphql-ws clients send UUIDs (36 bytes). */
export const MAX_OPERATION_ID_BYTES = 128;

/**
 * graphql-ws on the same HTTP server as Yoga. Authentication happens once in connection_init;
 * every subscribe then runs through Yoga's envelop pipeline, so plugins, masking and the
 * schema are the same as over HTTP and SSE.
 */
export function attachWebSockets(options: WebSocketOptions) {
  const { yoga, tokens, logger } = options;
  // No compression: the fan-out writes prepared frames to the network stream itself (next-frames.ts).
  const wss = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxMessageBytes,
    handleProtocols,
    perMessageDeflate: false,
  });
  const heartbeat = new Heartbeat(options.keepAliveMs);
  const sockets = new WeakMap<WebSocket, SocketState>();
  const expiry = new SocketExpiry((socket) => socket.close(CloseCode.Forbidden, 'Token expired'));

  // The 101 answer carries the id too, so a client can quote it when reporting a problem.
  wss.on('headers', (headers, request) => headers.push(`X-Request-Id: ${requestIdOf(request)}`));

  /** The adapter's `closed`: everything kept for the socket goes. */
  const forgetSocket = (socket: WebSocket, code: number) => {
    const state = sockets.get(socket);
    heartbeat.remove(socket);
    options.onCountChange(wss.clients.size);
    if (!state) return;
    state.account.close();
    clearTimeout(state.initTimer);
    if (state.viewer) expiry.remove(socket, state.viewer.expiresAt);
    if (logger.isLevelEnabled('debug')) {
      logger.debug({ reqId: state.reqId, code, durationMs: Date.now() - state.openedAt }, 'websocket closed');
    }
  };
  /**
   * Cuts the socket of a subscriber that fell behind, or that the fan-out sheds: the transport's
   * `onOverflow`, called by each of the socket's subscriptions that notices; the socket is cut,
   * counted and logged once.
   */
  const cutTooSlow = (socket: WebSocket) => {
    if (!cutConnection(socket, CLOSE_TOO_SLOW, 'Subscriber is too slow')) return;
    options.onDropped();
    logger.child({ reqId: sockets.get(socket)?.reqId }).warn('closing a WebSocket whose client stopped reading');
  };

  wss.on('connection', (socket, request) => {
    const address = clientAddress(request, options.trustProxy);
    const account = options.budget.connect(address);
    if (!account) {
      options.onRefused?.();
      logger.debug({ reqId: requestIdOf(request) }, 'websocket refused: too many from its address');
      socket.close(CLOSE_TOO_MANY_CONNECTIONS, 'Too many connections from this address');
      return;
    }
    const state = new SocketState(requestIdOf(request), address, request.socket, account);
    sockets.set(socket, state);
    heartbeat.add(socket);
    state.initTimer = setTimeout(
      () => socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout'),
      CONNECTION_INIT_TIMEOUT_MS,
    );
    options.onCountChange(wss.clients.size);
    logger.debug({ reqId: state.reqId }, 'websocket opened');
  });

  const server = makeServer<Record<string, unknown>, SocketExtra>({
    connectionInitWaitTimeout: Number.POSITIVE_INFINITY,
    onConnect: async (ctx) => {
      const state = sockets.get(ctx.extra.socket);
      if (!state) return false;
      clearTimeout(state.initTimer);
      state.initTimer = undefined;
      let viewer: TokenViewer | null;
      try {
        viewer = await viewerFromAuthorization(tokens, ctx.connectionParams?.authorization);
      } catch (error) {
        if (isGraphQLError(error)) return false;
        throw error;
      }
      state.viewer = viewer;
      // graphql-ws keeps the init payload for the socket's life; once verified, its token is not needed.
      Object.assign(ctx, { connectionParams: undefined });
      // The socket is only as good as its token.
      if (viewer) expiry.add(ctx.extra.socket, viewer.expiresAt);
      return true;
    },
    execute: (args) => (args.rootValue as Envelope).execute(args),
    subscribe: (args) => (args.rootValue as Envelope).subscribe(args),
    onSubscribe: async (ctx, id, payload: SubscribePayload) => {
      const socket = ctx.extra.socket;
      const state = sockets.get(socket);
      // A child logger only when one is needed: the live operation keeps whatever its closures hold.
      const log = () => logger.child({ reqId: state?.reqId });
      // Whatever goes wrong with one operation is an `error` for its id; the socket and its other operations stay.
      try {
        assertAcceptableInput(payload.query, payload.variables);
        const socketViewer = state?.viewer ?? null;
        const viewer = await viewerOfSubscribe(tokens, socketViewer, payload.extensions);
        // The socket closes when its own token expires; a token of this operation's headers ends just this stream.
        const endsAtTokenExpiry = viewer !== socketViewer;
        const stream = state?.stream;
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          socket,
          clientAddress: state?.address ?? 'unknown',
          params: payload,
          viewer,
          transport: new OperationTransport(
            socket,
            cutTooSlow,
            endsAtTokenExpiry,
            // Live events skip graphql-ws's per-subscriber serialisation: shared bytes, this id spliced in.
            stream && webSocketNextFrames(socket, stream, id, heartbeat),
            // Once the fan-out writes the stream, graphql-ws need not wait on it; a stream that ends at
            // its own token's expiry is ended by the consumer that watches the token, which must stay.
            endsAtTokenExpiry ? undefined : ctx.extra.release(id, forgetter(ctx.subscriptions, id)),
          ),
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [requestError(error, 'GRAPHQL_PARSE_FAILED', log())];
        }
        let errors: readonly unknown[];
        try {
          errors = validate(schema, document);
        } catch (error) {
          // graphql-armor's limits throw from inside validation rather than report.
          errors = [error];
        }
        if (errors.length > 0) return errors.map((error) => requestError(error, 'GRAPHQL_VALIDATION_FAILED', log()));
        if (state && getOperationAST(document, payload.operationName)?.operation === 'subscription') {
          const admission = options.budget.admit(state.account, payload.query, document, payload.operationName, payload.variables);
          if (!admission.admitted) {
            const { code, message, retryAfter } = admission;
            return [new GraphQLError(message, { extensions: retryAfter === undefined ? { code } : { code, retryAfter } })];
          }
          ctx.extra.settleWith(id, admission.subscription);
          // The live operation keeps the document shared by its text, not the one parsed with every token's location.
          document = admission.subscription.document;
        }
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies Envelope,
        };
      } catch (error) {
        return [requestError(error, 'INTERNAL_SERVER_ERROR', log())];
      }
    },
  });
  serveGraphqlWs({
    wss,
    server,
    logger,
    logFor: (socket) => logger.child({ reqId: sockets.get(socket)?.reqId }),
    acknowledged: (socket) => sockets.get(socket)?.viewer !== undefined,
    heard: (socket) => heartbeat.heard(socket),
    closed: forgetSocket,
    tooSlowCode: CLOSE_TOO_SLOW,
    bounds: {
      maxIdBytes: MAX_OPERATION_ID_BYTES,
      maxDocumentBytes: options.maxDocumentBytes,
      maxOperations: options.maxOperations,
      // Room for one message of the largest size beside the usual small ones.
      maxOperationBytes: 2 * options.maxMessageBytes,
      maxBufferedBytes: options.maxBufferedBytes,
    },
  });

  return {
    /** Tells every client to reconnect elsewhere (1001 Going Away) and stops the heartbeat. */
    async close(): Promise<void> {
      heartbeat.stop();
      for (const socket of wss.clients) socket.close(1001, 'Server is shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    count: () => wss.clients.size,
  };
}

/** What the server keeps of one socket, in one object: an idle socket should hold as little as possible. */
class SocketState {
  /** Set once connection_init is accepted: null for an anonymous socket. */
  viewer: TokenViewer | null | undefined;
  /** graphql-ws's own init timeout stays armed, and held, for the socket's whole life; this one is cleared once connection_init arrives. */
  initTimer: NodeJS.Timeout | undefined;
  readonly openedAt = Date.now();

  constructor(
    /** The upgrade request's id, so the socket's log lines join the proxy's: a string, not a child logger per socket. */
    readonly reqId: string,
    /** The client's address, which sign-ups over the socket are limited by. */
    readonly address: string,
    /** The network stream under the socket, which the fan-out writes its prepared frames to. */
    readonly stream: Duplex,
    /** What the socket's subscriptions are charged against. */
    readonly account: ConnectionAccount,
  ) {}
}

/**
 * One operation's hooks for its stream, kept for as long as the stream lives: a class, so a live
 * subscriber holds one small object instead of a literal and the closures over this call's scope.
 */
class OperationTransport implements TransportHooks {
  constructor(
    private readonly socket: WebSocket,
    private readonly cut: (socket: WebSocket) => void,
    readonly endsAtTokenExpiry: boolean,
    readonly frames: FrameSink | undefined,
    readonly release: StreamRelease | undefined,
  ) {}

  onOverflow(): void {
    this.cut(this.socket);
  }
}

/**
 * Takes operation `id` out of graphql-ws's own operations. Made here rather than inline, where
 * the closure would keep the whole `onSubscribe` scope for the stream's life.
 */
function forgetter(subscriptions: Record<string, unknown>, id: string): () => void {
  return () => Reflect.deleteProperty(subscriptions, id);
}

interface Envelope {
  execute: ReturnType<GraphqlServer['getEnveloped']>['execute'];
  subscribe: ReturnType<GraphqlServer['getEnveloped']>['subscribe'];
}

/** An error graphql-ws can send for one operation (see clientError). */
function requestError(error: unknown, fallbackCode: RequestErrorCode | 'INTERNAL_SERVER_ERROR', log: Logger): GraphQLError {
  return clientError(error, { log, fallbackCode });
}
