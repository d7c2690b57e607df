/** A GraphQL error as the server sends it; `extensions` carries `code`, `reason`, `retryAfter`. */
export interface GraphqlErrorLike {
  message: string;
  path?: ReadonlyArray<string | number> | undefined;
  extensions?: Readonly<Record<string, unknown>> | undefined;
}

export type CursorErrorReason = 'CURSOR_EXPIRED' | 'CURSOR_INVALID';

/**
 * The server cannot replay from the cursor this subscription holds: it is older than the change
 * log's retention (`CURSOR_EXPIRED`) or belongs to another field (`CURSOR_INVALID`). Changes may
 * have been missed that no resubscription can bring back: refetch what you show or store, then
 * subscribe again without `after`.
 */
export class CursorError extends Error {
  override name = 'CursorError';
  constructor(
    readonly reason: CursorErrorReason,
    readonly cursor: string | null,
    readonly errors: readonly GraphqlErrorLike[],
  ) {
    super(`${reason}: the server cannot replay after cursor ${cursor ?? '(none)'}; refetch, then subscribe without after`);
  }
}

/**
 * The server refused the token and the token provider could not supply a valid one (it threw,
 * returned nothing, returned the refused token again, or its tokens kept being refused). The
 * client has stopped: no further connection is attempted. Sign in again and create a new client.
 */
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The server answered the subscription with GraphQL errors (`NOT_FOUND`, `BAD_USER_INPUT`,
 * `RATE_LIMITED`…): it ends there. `errors` keeps every error with its `extensions`.
 */
export class GraphqlResultError extends Error {
  override name = 'GraphqlResultError';
  constructor(readonly errors: readonly GraphqlErrorLike[]) {
    super(
      errors.map((error) => (error.extensions?.code ? `${error.message} (${String(error.extensions.code)})` : error.message)).join('; '),
    );
  }

  /** `extensions.code` of the first error, e.g. `NOT_FOUND`. */
  get code(): string | undefined {
    const code = this.errors[0]?.extensions?.code;
    return typeof code === 'string' ? code : undefined;
  }
}

const CURSOR_REASONS: ReadonlySet<string> = new Set<CursorErrorReason>(['CURSOR_EXPIRED', 'CURSOR_INVALID']);

export function cursorReasonOf(errors: readonly GraphqlErrorLike[] | undefined): CursorErrorReason | null {
  for (const error of errors ?? []) {
    const reason = error.extensions?.reason;
    if (typeof reason === 'string' && CURSOR_REASONS.has(reason)) return reason as CursorErrorReason;
  }
  return null;
}

/** UNAUTHENTICATED for the request as a whole (no `path`): the token was refused, not a field of the answer. */
export function isTokenRefusal(errors: readonly GraphqlErrorLike[] | undefined): boolean {
  return errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED' && !error.path?.length) ?? false;
}

export function isGraphqlErrorList(value: unknown): value is GraphqlErrorLike[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'message' in item);
}
