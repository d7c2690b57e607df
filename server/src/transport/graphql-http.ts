/** The Yoga server: GraphQL over HTTP and SSE, and the envelop pipeline WebSocket operations run through too. */

import type { IncomingMessage } from 'node:http';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { viewerFromAuthorization } from '../auth/viewer.js';
import type { Context, Services, TransportHooks } from '../context.js';
import { alreadyHandled, clientError, INTERNAL_ERROR_MESSAGE, isGraphQLError } from '../errors.js';
import { schema } from '../graphql/schema.js';
import { clientAddress } from '../limits/client-address.js';
import { retryAfterHeader } from '../limits/retry-after-header.js';
import type { LiveBudget } from '../live/budget.js';
import { useLiveSubscriptions } from '../live/live-subscriptions.js';
import { type CorsPolicy, corsPolicy, yogaCors } from './cors.js';
import { EventStreamSink } from './event-stream-sink.js';
import { boundedParseCache } from './parse-cache.js';
import { assertAcceptableInput } from './request-input.js';
import { useRequestParseErrors } from './request-parse-errors.js';
import { useStreamBudget } from './stream-budget.js';
import { useEndStreamsAtTokenExpiry } from './token-expiry.js';

/** What a WebSocket hands to the envelop pipeline: the viewer is already known from connection_init. */
export interface SocketContext {
  viewer: Context['viewer'];
  /** Worked out once from the upgrade request, so a socket need not keep the request. */
  clientAddress: string;
  transport: TransportHooks;
}

export type ServerContext = Partial<SocketContext> & {
  /** Called by the HTTP transport's plugin once a response turns out to be an event stream. */
  onEventStream?: () => void;
} & Record<string, unknown>;
export type GraphqlServer = YogaServerInstance<ServerContext, Context>;

/** Checked before anything parses or walks the input; a refusal is a request error (HTTP 400). */
function rejectUnacceptableInput(): Plugin {
  return {
    onParams({ params }) {
      try {
        assertAcceptableInput(params.query, params.variables);
      } catch (error) {
        if (isGraphQLError(error)) error.extensions.http = { status: 400, spec: true };
        throw error;
      }
    },
  };
}

/**
 * Proxies such as nginx buffer responses unless told not to; SSE must flow as it is written.
 * The HTTP transport learns here which responses really are event streams (a client may accept
 * one and still get JSON), so only those count as SSE clients.
 */
function eventStreams(): Plugin<Record<string, unknown>, ServerContext> {
  return {
    onResponse({ response, serverContext }) {
      if (response.headers.get('content-type')?.includes('text/event-stream')) {
        response.headers.set('X-Accel-Buffering', 'no');
        response.headers.set('Cache-Control', 'no-cache');
        serverContext.onEventStream?.();
      }
    },
  };
}

/** Whether a response may carry CORS headers depends on the request's Origin. */
function varyByOrigin(): Plugin {
  return {
    onResponse({ response }) {
      response.headers.append('Vary', 'Origin');
    },
  };
}

/**
 * graphql-armor's limits as validation errors rather than exceptions: then they are reported
 * like any invalid operation (`GRAPHQL_VALIDATION_FAILED`, HTTP 400 under
 * `application/graphql-response+json`) instead of escaping validation as a bare error.
 */
const reportLimit = {
  propagateOnRejection: false,
  onReject: [
    (context: unknown, error: GraphQLError) => {
      const message = error.message.replace(/^Syntax Error: /, '');
      (context as { reportError(error: GraphQLError): void }).reportError(
        new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
      );
    },
  ],
};

export interface GraphqlServerOptions {
  /** The instance's long-lived parts, which every request's context carries. */
  services: Services;
  logger: Logger;
  /** Counts an SSE subscriber cut off for falling behind (its stream then ends). */
  onSseDropped?: () => void;
  /** Which other origins may call from a browser; none unless given. */
  cors?: CorsPolicy;
  /** Events that may wait for the fan-out before it sheds connections (MAX_QUEUED_EVENTS); unbounded unless given. */
  maxQueuedEvents?: number;
  /** Told how many connections the fan-out cut when it fell behind. */
  onShed?: (connections: number) => void;
  /** What SSE streams may take of the instance, as WebSockets do (stream-budget.ts); unbounded unless given. */
  budget?: LiveBudget;
}

/** What parsed documents Yoga keeps between requests may take of the heap. */
const PARSE_CACHE_BYTES = 16 * 1024 * 1024;

/** Yoga over the schema, with the plugins every transport shares: input bounds, masking, shared execution, armor. */
export function createGraphqlServer(options: GraphqlServerOptions): GraphqlServer {
  const { services, logger, onSseDropped = () => {} } = options;
  const maskError = (error: unknown): GraphQLError => clientError(error, { log: logger, keepHttpStatus: true });

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    parserAndValidationCache: boundedParseCache(PARSE_CACHE_BYTES),
    // The HTTP transport reads and bounds every body itself before Yoga sees it (http-server.ts);
    // Yoga's own limit would pipe each body through a stream transform again.
    maxRequestBodySize: false,
    // The HTTP transport serves GraphiQL itself, rendered once (graphiql-page.ts).
    graphiql: false,
    cors: yogaCors(options.cors ?? corsPolicy([], true)),
    maskedErrors: { maskError, errorMessage: INTERNAL_ERROR_MESSAGE },
    logging: {
      debug: (...args) => logger.debug(describe(args)),
      info: (...args) => logger.info(describe(args)),
      warn: (...args) => logger.warn(describe(args)),
      error: (...args) => {
        // Yoga reports every error its masking replaced; clientError has logged what needed it.
        if (args.some(alreadyHandled)) return;
        const err = args.find((arg) => arg instanceof Error);
        logger.error(err ? { err } : {}, describe(args));
      },
    },
    plugins: [
      useRequestParseErrors(),
      rejectUnacceptableInput(),
      eventStreams(),
      varyByOrigin(),
      retryAfterHeader(),
      useEndStreamsAtTokenExpiry(),
      ...(options.budget ? [useStreamBudget(options.budget)] : []),
      useLiveSubscriptions({
        viewerOf: (context) => (context as Context).viewer,
        sinkOf: (context) => (context as Context).transport.sink ?? null,
        liveContextOf: (context): Context => {
          const { viewer, clientAddress, transport } = context as Context;
          // The context a live execution keeps never needs presence.
          return contextOf(services, viewer, clientAddress, transport, false);
        },
        maskError,
        fanout: { maxQueuedEvents: options.maxQueuedEvents ?? Number.POSITIVE_INFINITY, onShed: options.onShed },
      }),
      EnvelopArmorPlugin({
        maxDepth: { n: 12, ...reportLimit },
        maxAliases: { n: 20, ...reportLimit },
        maxDirectives: { n: 50, ...reportLimit },
        maxTokens: { n: 2_000 },
        costLimit: { maxCost: 5_000, ...reportLimit },
        blockFieldSuggestion: { enabled: false },
      }),
    ],
    context: async (initial): Promise<Context> => {
      if (initial.transport) return contextOf(services, initial.viewer ?? null, initial.clientAddress ?? 'unknown', initial.transport);
      const address = clientAddress((initial as { req?: IncomingMessage }).req, services.trustProxy);
      const request = (initial as { request?: Request }).request;
      const viewer = await viewerFromAuthorization(services.tokens, request?.headers.get('authorization') ?? undefined);
      // An SSE stream that falls behind is ended; the client resumes with its last cursor.
      const sink = new EventStreamSink(services.maxBacklogBytes, onSseDropped);
      return contextOf(services, viewer, address, { onOverflow: onSseDropped, endsAtTokenExpiry: true, sink, release: sink });
    },
  });
}

/** One line of text for Yoga's log calls, which pass strings and errors. */
function describe(args: unknown[]): string {
  return args.map((arg) => (arg instanceof Error ? arg.message : typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ');
}

/**
 * A context spelled out key by key: every one then shares one hidden class, where a spread of the
 * services followed by further keys builds each object key by key (a cost on every request) and,
 * once optimised, gives it a hidden class of its own (some 380 bytes, held as long as a live
 * subscription's context).
 */
function contextOf(
  services: Services,
  viewer: Context['viewer'],
  clientAddress: string,
  transport: TransportHooks,
  withPresence = true,
): Context {
  return {
    db: services.db,
    feed: services.feed,
    sequencer: services.sequencer,
    tokens: services.tokens,
    limits: services.limits,
    cursors: services.cursors,
    trustProxy: services.trustProxy,
    maxBacklogBytes: services.maxBacklogBytes,
    observeDelivery: services.observeDelivery,
    presence: withPresence ? services.presence : undefined,
    viewer,
    clientAddress,
    transport,
  };
}
