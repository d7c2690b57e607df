import type { Server } from 'node:http';
import { GraphQLError } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import type { TokenService, Viewer } from '../auth/tokens.js';
import { viewerFromAuthorization } from '../auth/viewer.js';
import { webSocketNextFrames } from './frame-sink.js';
import { assertNoNul, type GraphqlServer } from './graphql-http.js';
import { requestIdOf } from './request-id.js';

export interface WebSocketOptions {
  server: Server;
  yoga: GraphqlServer;
  tokens: TokenService;
  logger: Logger;
  keepAliveMs: number;
  maxMessageBytes: number;
  onCountChange: (open: number) => void;
  /** Called when a subscriber is cut off for falling behind, so the drop is counted. */
  onDropped: () => void;
}

/** Close code for a subscriber that cannot keep up ("try again later"). */
export const CLOSE_TOO_SLOW = 1013;

/**
 * graphql-ws on the same HTTP server as Yoga. Authentication happens once in connection_init;
 * every subscribe then runs through Yoga's envelop pipeline, so plugins, masking and the
 * schema are the same as over HTTP and SSE.
 */
export function attachWebSockets(options: WebSocketOptions) {
  const { yoga, tokens, logger } = options;
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: options.maxMessageBytes });
  const viewers = new WeakMap<WebSocket, Viewer | null>();
  const alive = new WeakMap<WebSocket, boolean>();
  // The upgrade request's id per socket, so its log lines join the proxy's; a string, not a child
  // logger per socket, because an idle socket should hold as little as possible.
  const requestIds = new WeakMap<WebSocket, string>();

  // The 101 answer carries the id too, so a client can quote it when reporting a problem.
  wss.on('headers', (headers, request) => headers.push(`X-Request-Id: ${requestIdOf(request)}`));

  wss.on('connection', (socket, request) => {
    const opened = Date.now();
    const reqId = requestIdOf(request);
    requestIds.set(socket, reqId);
    alive.set(socket, true);
    socket.on('pong', () => alive.set(socket, true));
    options.onCountChange(wss.clients.size);
    logger.debug({ reqId }, 'websocket opened');
    socket.once('close', (code) => {
      options.onCountChange(wss.clients.size);
      logger.debug({ reqId, code, durationMs: Date.now() - opened }, 'websocket closed');
    });
  });

  // Protocol-level pings find peers that vanished without a FIN (sleeping laptops, dead NATs).
  const heartbeat = setInterval(() => {
    for (const socket of wss.clients) {
      if (alive.get(socket) === false) {
        socket.terminate();
        continue;
      }
      alive.set(socket, false);
      socket.ping();
    }
  }, options.keepAliveMs);
  heartbeat.unref();

  const disposable = useServer(
    {
      connectionInitWaitTimeout: 5_000,
      onConnect: async (ctx) => {
        try {
          viewers.set(ctx.extra.socket, await viewerFromAuthorization(tokens, ctx.connectionParams?.authorization));
          return true;
        } catch (error) {
          if (error instanceof GraphQLError) return false;
          throw error;
        }
      },
      execute: (args) => (args.rootValue as Envelope).execute(args),
      subscribe: (args) => (args.rootValue as Envelope).subscribe(args),
      onSubscribe: async (ctx, id, payload: SubscribePayload) => {
        const socket = ctx.extra.socket;
        try {
          assertNoNul(payload.query, payload.variables);
        } catch (error) {
          return [error as GraphQLError];
        }
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket,
          params: payload,
          viewer: viewers.get(socket) ?? null,
          transport: {
            onOverflow: () => {
              options.onDropped();
              logger.warn({ reqId: requestIds.get(socket) }, 'closing a WebSocket whose client stopped reading');
              socket.close(CLOSE_TOO_SLOW, 'Subscriber is too slow');
            },
            // Live events skip graphql-ws's per-subscriber serialisation: shared bytes, this id spliced in.
            frames: webSocketNextFrames(socket, id),
          },
        });
        let document: ReturnType<typeof parse>;
        try {
          document = parse(payload.query);
        } catch (error) {
          return [error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed.')];
        }
        const errors = validate(schema, document);
        if (errors.length > 0) return errors;
        return {
          schema,
          operationName: payload.operationName,
          document,
          variableValues: payload.variables,
          contextValue: await contextFactory(),
          rootValue: { execute, subscribe } satisfies Envelope,
        };
      },
    },
    wss,
  );

  return {
    /** Tells every client to reconnect elsewhere (1001 Going Away) and stops the heartbeat. */
    async close(): Promise<void> {
      clearInterval(heartbeat);
      for (const socket of wss.clients) socket.close(1001, 'Server is shutting down');
      await disposable.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
    count: () => wss.clients.size,
  };
}

interface Envelope {
  execute: ReturnType<GraphqlServer['getEnveloped']>['execute'];
  subscribe: ReturnType<GraphqlServer['getEnveloped']>['subscribe'];
}
