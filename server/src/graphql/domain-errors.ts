import type { GraphQLError } from 'graphql';
import { type ErrorCode, userError } from '../errors.js';
import { DomainError, type DomainErrorKind } from '../model/errors.js';

const codes: Record<DomainErrorKind, ErrorCode> = {
  'invalid-input': 'BAD_USER_INPUT',
  'not-found': 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  unauthenticated: 'UNAUTHENTICATED',
};

/** A refusal by the domain rules as the client sees it: the contract's code, the rule's message and details. */
export function domainErrorToGraphQL(error: unknown): GraphQLError | null {
  // Compared by name as well, in case the module is loaded twice (tsx and a built copy).
  if (!(error instanceof DomainError) && !(error instanceof Error && error.name === 'DomainError')) return null;
  const domain = error as DomainError;
  return userError(codes[domain.kind], domain.message, domain.details);
}
