/** The WebSocket connection handler: graphql-ws on `ws`, each socket with its own session. */

import type { Server } from 'node:http';
import { CloseCode, handleProtocols, makeServer } from 'graphql-ws';
import type { Logger } from 'pino';
import { WebSocketServer } from 'ws';
import type { TokenService, TokenViewer } from '../../auth/tokens.js';
import { viewerFromAuthorization } from '../../auth/viewer.js';
import type { TrustProxy } from '../../config.js';
import { isGraphQLError } from '../../errors.js';
import { clientAddress } from '../../limits/client-address.js';
import type { LiveBudget } from '../../live/budget.js';
import type { GraphqlServer } from '../graphql-http.js';
import { requestIdOf } from '../request-id.js';
import { Heartbeat } from './heartbeat.js';
import { type SessionParts, SocketSession } from './session.js';
import { SocketExpiry } from './socket-expiry.js';
import { type Envelope, prepareOperation } from './subscribe.js';

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
  /** Connections per address and what their subscriptions may cost (live/budget.ts). */
  budget: LiveBudget;
  onCountChange: (open: number) => void;
  /** Called once per socket cut off for falling behind, so the drop is counted. */
  onDropped: () => void;
  /** Called once per socket refused for its address having too many open. */
  onRefused?: () => void;
}

/** Close code for a socket from an address that already has MAX_SOCKETS_PER_ADDRESS open (as HTTP 429). */
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;

/** How long a socket may take to send connection_init before it is closed with 4408. */
const CONNECTION_INIT_TIMEOUT_MS = 5_000;

/** Longest operation id: graphql-ws clients send UUIDs (36 bytes). */
export const MAX_OPERATION_ID_BYTES = 128;

/**
 * graphql-ws on the same HTTP server as Yoga, served on `ws` sockets by this server's own
 * sessions (session.ts) in place of graphql-ws's `useServer`: bounds are checked before a message
 * reaches graphql-ws (which keeps every operation's whole message for the operation's life), a
 * client breaking the protocol gets 4400 instead of an internal error, and failures are logged
 * through pino. Authentication happens once in connection_init; every subscribe then runs through
 * Yoga's envelop pipeline (subscribe.ts).
 */
export function attachWebSockets(options: WebSocketOptions) {
  const { tokens, logger } = options;
  // No compression: the fan-out writes prepared frames to the network stream itself (next-frames.ts).
  const wss = new WebSocketServer({
    server: options.server,
    path: '/graphql',
    maxPayload: options.maxMessageBytes,
    handleProtocols,
    perMessageDeflate: false,
  });
  const heartbeat = new Heartbeat(options.keepAliveMs);
  const expiry = new SocketExpiry((socket) => socket.close(CloseCode.Forbidden, 'Token expired'));
  const subscribeParts = { yoga: options.yoga, tokens, budget: options.budget };
  const parts: SessionParts = {
    logger,
    heartbeat,
    bounds: {
      maxIdBytes: MAX_OPERATION_ID_BYTES,
      maxDocumentBytes: options.maxDocumentBytes,
      maxOperations: options.maxOperations,
      // Room for one message of the largest size beside the usual small ones.
      maxOperationBytes: 2 * options.maxMessageBytes,
      maxBufferedBytes: options.maxBufferedBytes,
    },
    onTooSlow: options.onDropped,
    onClosed: (session, code) => {
      heartbeat.remove(session.socket);
      options.onCountChange(wss.clients.size);
      session.account.close();
      clearTimeout(session.initTimer);
      if (session.viewer) expiry.remove(session.socket, session.viewer.expiresAt);
      if (logger.isLevelEnabled('debug')) {
        logger.debug({ reqId: session.reqId, code, durationMs: Date.now() - session.openedAt }, 'websocket closed');
      }
    },
  };

  const graphqlWs = makeServer<Record<string, unknown>, SocketSession>({
    connectionInitWaitTimeout: Number.POSITIVE_INFINITY,
    onConnect: async (ctx) => {
      const session = ctx.extra;
      clearTimeout(session.initTimer);
      session.initTimer = undefined;
      let viewer: TokenViewer | null;
      try {
        viewer = await viewerFromAuthorization(tokens, ctx.connectionParams?.authorization);
      } catch (error) {
        if (isGraphQLError(error)) return false;
        throw error;
      }
      session.viewer = viewer;
      // graphql-ws keeps the init payload for the socket's life; once verified, its token is not needed.
      Object.assign(ctx, { connectionParams: undefined });
      // The socket is only as good as its token.
      if (viewer) expiry.add(session.socket, viewer.expiresAt);
      return true;
    },
    execute: (args) => (args.rootValue as Envelope).execute(args),
    subscribe: (args) => (args.rootValue as Envelope).subscribe(args),
    onSubscribe: (ctx, id, payload) => prepareOperation(subscribeParts, ctx, id, payload),
  });

  // The 101 answer carries the id too, so a client can quote it when reporting a problem.
  wss.on('headers', (headers, request) => headers.push(`X-Request-Id: ${requestIdOf(request)}`));
  wss.on('error', (error) => logger.error({ err: error }, 'WebSocket server error'));
  wss.on('connection', (socket, request) => {
    const address = clientAddress(request, options.trustProxy);
    const account = options.budget.connect(address);
    if (!account) {
      options.onRefused?.();
      logger.debug({ reqId: requestIdOf(request) }, 'websocket refused: too many from its address');
      socket.close(CLOSE_TOO_MANY_CONNECTIONS, 'Too many connections from this address');
      socket.once('close', () => options.onCountChange(wss.clients.size));
      return;
    }
    const session = new SocketSession(socket, parts, requestIdOf(request), address, request.socket, account);
    heartbeat.add(socket);
    session.initTimer = setTimeout(
      () => socket.close(CloseCode.ConnectionInitialisationTimeout, 'Connection initialisation timeout'),
      CONNECTION_INIT_TIMEOUT_MS,
    );
    session.listen(graphqlWs.opened(session, session));
    options.onCountChange(wss.clients.size);
    logger.debug({ reqId: session.reqId }, 'websocket opened');
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
