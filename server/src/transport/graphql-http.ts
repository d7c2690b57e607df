import { randomUUID } from 'node:crypto';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { createYoga, type Plugin, type YogaServerInstance } from 'graphql-yoga';
import type { Logger } from 'pino';
import { viewerFromAuthorization } from '../auth/viewer.js';
import type { Context, Services, TransportHooks } from '../context.js';
import { userError } from '../errors.js';
import { schema } from '../graphql/schema.js';
import { useSharedSubscriptionExecution } from '../graphql/shared-execution.js';

/** What a WebSocket hands to the envelop pipeline: the viewer is already known from connection_init. */
export interface SocketContext {
  viewer: Context['viewer'];
  transport: TransportHooks;
}

export type ServerContext = Partial<SocketContext> & Record<string, unknown>;
export type GraphqlServer = YogaServerInstance<ServerContext, Context>;

/** graphql can be loaded twice (ESM and CJS), so `instanceof GraphQLError` is not reliable. */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && 'extensions' in error && 'path' in error;
}

// The character itself, or its JSON escape inside a query string.
const NUL = new RegExp(`${String.fromCharCode(0)}|\\\\u0000`);

/** Postgres cannot store NUL; refusing it at the door means no resolver ever meets it. */
export function assertNoNul(query: string | undefined, variables: unknown): void {
  if ((query && NUL.test(query)) || (variables !== undefined && NUL.test(JSON.stringify(variables)))) {
    throw userError('BAD_USER_INPUT', 'Text must not contain NUL characters.');
  }
}

function rejectNul(): Plugin {
  return {
    onParams({ params }) {
      assertNoNul(params.query, params.variables);
    },
  };
}

/** Proxies such as nginx buffer responses unless told not to; SSE must flow as it is written. */
function unbufferedEventStreams(): Plugin {
  return {
    onResponse({ response }) {
      if (response.headers.get('content-type')?.includes('text/event-stream')) {
        response.headers.set('X-Accel-Buffering', 'no');
        response.headers.set('Cache-Control', 'no-cache');
      }
    },
  };
}

const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; it has been logged.';

/** @param onSseDropped counts an SSE subscriber cut off for falling behind (its stream then ends). */
export function createGraphqlServer(services: Services, logger: Logger, onSseDropped: () => void = () => {}): GraphqlServer {
  const maskError = (error: unknown, message: string): GraphQLError => {
    const located = isGraphQLError(error) ? error : undefined;
    const original = located?.originalError ?? error;
    const where = located ? { nodes: located.nodes, path: located.path } : {};
    if (original instanceof Error && original.name === PothosValidationError.name) {
      return new GraphQLError(original.message, { ...where, extensions: { code: 'BAD_USER_INPUT' } });
    }
    // Errors raised on purpose carry their code and a message meant for the client.
    if (located && (!located.originalError || isGraphQLError(located.originalError))) return located;
    const errorId = randomUUID();
    logger.error({ err: original, errorId }, 'unexpected error while executing an operation');
    return new GraphQLError(message, { ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } });
  };

  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: { title: 'Live Recipes GraphiQL', subscriptionsProtocol: 'WS' },
    // Bundled into the page instead of loaded from a CDN, so GraphiQL works offline and under a strict CSP.
    renderGraphiQL,
    maskedErrors: { maskError, errorMessage: INTERNAL_ERROR_MESSAGE },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) => logger.error(args.map(String).join(' ')),
    },
    plugins: [
      rejectNul(),
      unbufferedEventStreams(),
      useSharedSubscriptionExecution({
        viewerOf: (context) => (context as Context).viewer,
        framesOf: (context) => {
          const { transport, maxBacklogBytes } = context as Context;
          return transport.frames ? { sink: transport.frames, maxBacklogBytes } : null;
        },
        maskError: (error) => maskError(error, INTERNAL_ERROR_MESSAGE),
      }),
      EnvelopArmorPlugin({
        maxDepth: { n: 12 },
        maxAliases: { n: 20 },
        maxTokens: { n: 2_000 },
        costLimit: { maxCost: 5_000 },
        blockFieldSuggestion: { enabled: false },
      }),
    ],
    context: async (initial): Promise<Context> => {
      if (initial.transport) {
        return { ...services, viewer: initial.viewer ?? null, transport: initial.transport };
      }
      const request = (initial as { request?: Request }).request;
      const viewer = await viewerFromAuthorization(services.tokens, request?.headers.get('authorization') ?? undefined);
      // An SSE stream that falls behind is ended; the client resumes with its last cursor.
      return { ...services, viewer, transport: { onOverflow: onSseDropped } };
    },
  });
}
