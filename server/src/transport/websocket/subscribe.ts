/** Subscribe set-up: each operation of a socket through Yoga's envelop pipeline. */

import { type ExecutionArgs, GraphQLError, getOperationAST } from 'graphql';
import type { Context as GraphqlWsContext, SubscribePayload } from 'graphql-ws';
import { viewerOfSubscribe } from '../../auth/subscribe-authorization.js';
import type { TokenService } from '../../auth/tokens.js';
import type { TransportHooks } from '../../context.js';
import { clientError, type RequestErrorCode } from '../../errors.js';
import type { LiveBudget } from '../../live/budget.js';
import type { SubscriberSink } from '../../live/sink.js';
import type { StreamRelease } from '../../live/subscriber-stream.js';
import type { GraphqlServer } from '../graphql-http.js';
import { assertAcceptableInput } from '../request-input.js';
import { webSocketNextFrames } from './next-frames.js';
import type { SocketSession } from './session.js';

export interface SubscribeParts {
  yoga: GraphqlServer;
  tokens: TokenService;
  budget: LiveBudget;
}

/** Yoga's execute and subscribe for one operation, carried to graphql-ws's execute and subscribe as the root value. */
export interface Envelope {
  execute: ReturnType<GraphqlServer['getEnveloped']>['execute'];
  subscribe: ReturnType<GraphqlServer['getEnveloped']>['subscribe'];
}

/**
 * Sets up one operation of a socket through Yoga's envelop pipeline, so plugins, masking and the
 * schema are the same as over HTTP and SSE: the operation's own viewer, parse and validation, and
 * for a subscription its charge against the budgets. Whatever goes wrong with one operation is an
 * `error` for its id; the socket and its other operations stay.
 */
export async function prepareOperation(
  parts: SubscribeParts,
  ctx: GraphqlWsContext<Record<string, unknown>, SocketSession>,
  id: string,
  payload: SubscribePayload,
): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const session = ctx.extra;
  try {
    assertAcceptableInput(payload.query, payload.variables);
    const socketViewer = session.viewer ?? null;
    const viewer = await viewerOfSubscribe(parts.tokens, socketViewer, payload.extensions);
    // The socket closes when its own token expires; a token of this operation's headers ends just this stream.
    const endsAtTokenExpiry = viewer !== socketViewer;
    const { schema, execute, subscribe, contextFactory, parse, validate } = parts.yoga.getEnveloped({
      ...ctx,
      socket: session.socket,
      clientAddress: session.address,
      params: payload,
      viewer,
      transport: new SocketStreamHooks(
        session,
        endsAtTokenExpiry,
        // Live events skip graphql-ws's per-subscriber serialisation: shared bytes, this id spliced in.
        webSocketNextFrames(session, id),
        // Once the fan-out writes the stream, graphql-ws need not wait on it; a stream that ends at
        // its own token's expiry is ended by the consumer that watches the token, which must stay.
        endsAtTokenExpiry ? undefined : session.release(id, dropFromGraphqlWs(ctx.subscriptions, id)),
      ),
    });
    let document: ReturnType<typeof parse>;
    try {
      document = parse(payload.query);
    } catch (error) {
      return [operationError(session, error, 'GRAPHQL_PARSE_FAILED')];
    }
    let errors: readonly unknown[];
    try {
      errors = validate(schema, document);
    } catch (error) {
      // graphql-armor's limits throw from inside validation rather than report.
      errors = [error];
    }
    if (errors.length > 0) return errors.map((error) => operationError(session, error, 'GRAPHQL_VALIDATION_FAILED'));
    if (getOperationAST(document, payload.operationName)?.operation === 'subscription') {
      const admission = parts.budget.admit(session.account, payload.query, document, payload.operationName, payload.variables);
      if (!admission.admitted) {
        const { code, message, retryAfter } = admission;
        return [new GraphQLError(message, { extensions: retryAfter === undefined ? { code } : { code, retryAfter } })];
      }
      session.settleWith(id, admission.subscription);
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
    return [operationError(session, error, 'INTERNAL_SERVER_ERROR')];
  }
}

function operationError(session: SocketSession, error: unknown, fallbackCode: RequestErrorCode | 'INTERNAL_SERVER_ERROR'): GraphQLError {
  return clientError(error, { log: session.log(), fallbackCode });
}

/**
 * One operation's hooks for its stream, kept for as long as the stream lives: a class, so a live
 * subscriber holds one small object instead of a literal and the closures over the set-up's scope.
 */
class SocketStreamHooks implements TransportHooks {
  constructor(
    private readonly session: SocketSession,
    readonly endsAtTokenExpiry: boolean,
    readonly sink: SubscriberSink,
    readonly release: StreamRelease | undefined,
  ) {}

  onOverflow(): void {
    this.session.cutTooSlow();
  }
}

/**
 * Takes operation `id` out of graphql-ws's own operations. Made here rather than inline, where
 * the closure would keep the whole set-up's scope for the stream's life.
 */
function dropFromGraphqlWs(subscriptions: Record<string, unknown>, id: string): () => void {
  return () => Reflect.deleteProperty(subscriptions, id);
}
