/**
 * What the rules of the domain refuse. The model knows nothing of GraphQL: the GraphQL layer maps
 * each kind to its error code (errors.ts).
 */
export type DomainErrorKind = 'invalid-input' | 'not-found' | 'forbidden' | 'conflict' | 'unauthenticated';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** Facts a client can act on, such as the failing fields or the current version. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const invalidInput = (message: string, details?: Record<string, unknown>) => new DomainError('invalid-input', message, details);
export const notFound = (message: string) => new DomainError('not-found', message);
export const forbidden = (message: string) => new DomainError('forbidden', message);
export const conflict = (message: string, details?: Record<string, unknown>) => new DomainError('conflict', message, details);
export const unauthenticated = (message: string) => new DomainError('unauthenticated', message);
