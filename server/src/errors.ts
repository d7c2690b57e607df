/** The one place an error becomes what a client may see. */

import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, type DomainErrorKind } from './model/errors.js';

/**
 * What a client may see of an error, in one place: the contract's codes, the domain's refusals
 * mapped to them, and the one function every transport (HTTP, SSE, WebSocket) and the fan-out
 * pass every error through before it leaves.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR';

/** Codes of a request graphql itself refused, before anything ran. */
export type RequestErrorCode = 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED';

/** An error meant for the client: its message is shown as is, with the contract's `extensions.code`. */
export function userError(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** graphql can be loaded twice (ESM and CJS), so `instanceof GraphQLError` is not reliable. */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && 'extensions' in error && 'path' in error;
}

/** The code each refusal of the domain rules (model/errors.ts) reaches the client with. */
const DOMAIN_CODES: Record<DomainErrorKind, ErrorCode> = {
  'invalid-input': 'BAD_USER_INPUT',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  unauthenticated: 'UNAUTHENTICATED',
};

export const INTERNAL_ERROR_MESSAGE = 'Something went wrong on our side; it has been logged.';

/**
 * Set on an error `clientError` has dealt with (meant for the client, or logged with its errorId),
 * so a library's own report of it (Yoga logs every error its masking replaced) is not logged again.
 */
const HANDLED = Symbol('handled by clientError');

export interface ClientErrorOptions {
  /** Where an unexpected error is logged, with the errorId the client is given. */
  log: Logger;
  /** The code of an error meant for the client that carries none: by default a field's is internal, a request's the client's input. */
  fallbackCode?: ErrorCode | RequestErrorCode;
  /**
   * Keeps `extensions.http`, which tells Yoga the status of an HTTP answer (and which Yoga strips
   * before answering). Elsewhere it means nothing and is dropped.
   */
  keepHttpStatus?: boolean;
}

/**
 * Turns any error into what a client may see. A refusal of the domain rules gets its code and
 * details; an error raised for the client on purpose keeps its message and gets a code if it has
 * none; anything else is logged with a new errorId and masked. The result is always a new
 * GraphQLError of this server's copy of graphql, which is what graphql-ws checks for.
 */
export function clientError(error: unknown, options: ClientErrorOptions): GraphQLError {
  const located = isGraphQLError(error) ? error : undefined;
  const original = located?.originalError ?? error;
  const where = located ? whereOf(located) : {};
  if (original instanceof Error && original.name === 'PothosValidationError') {
    return new GraphQLError(original.message, { ...where, extensions: { code: 'BAD_USER_INPUT' } });
  }
  // Compared by name as well, in case the module is loaded twice (tsx and a built copy).
  if (original instanceof DomainError || (original instanceof Error && original.name === 'DomainError')) {
    const refusal = original as DomainError;
    return new GraphQLError(refusal.message, { ...where, extensions: { code: DOMAIN_CODES[refusal.kind], ...refusal.details } });
  }
  if (located && (!located.originalError || isGraphQLError(located.originalError))) {
    const own = located.extensions?.code;
    const code = typeof own === 'string' ? own : (options.fallbackCode ?? (located.path ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT'));
    // graphql-armor words every limit as a "Syntax Error", even those found by validation.
    const message = code === 'GRAPHQL_VALIDATION_FAILED' ? located.message.replace(/^Syntax Error: /, '') : located.message;
    const { http, ...extensions } = located.extensions ?? {};
    markHandled(error);
    return new GraphQLError(message, {
      ...where,
      extensions: options.keepHttpStatus && http !== undefined ? { ...extensions, code, http } : { ...extensions, code },
    });
  }
  const errorId = randomUUID();
  options.log.error({ err: original, errorId }, 'unexpected error while serving an operation');
  markHandled(error);
  markHandled(original);
  return new GraphQLError(INTERNAL_ERROR_MESSAGE, { ...where, extensions: { code: 'INTERNAL_SERVER_ERROR', errorId } });
}

/** Where in the request an error points: its nodes, or where no nodes are kept, its source and positions. */
function whereOf(error: GraphQLError) {
  const at = error.nodes ? { nodes: error.nodes } : { source: error.source, positions: error.positions };
  return { ...at, path: error.path };
}

function markHandled(error: unknown): void {
  if (error instanceof Error && !(HANDLED in error)) Object.defineProperty(error, HANDLED, { value: true });
}

/** True for an error `clientError` has dealt with: there is nothing more to log about it. */
export function alreadyHandled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && HANDLED in error;
}
