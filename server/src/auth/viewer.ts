/** The one reading of an Authorization value, for HTTP and WebSocket alike. */

import { userError } from '../errors.js';
import { InvalidTokenError, type TokenService, type TokenViewer } from './tokens.js';

/**
 * Resolves the viewer from an `Authorization` value (header or `connectionParams.authorization`).
 * Absent means anonymous; present but unusable is an error, never silently anonymous.
 */
export async function viewerFromAuthorization(tokens: TokenService, authorization: unknown): Promise<TokenViewer | null> {
  if (authorization === undefined || authorization === null || authorization === '') return null;
  if (typeof authorization !== 'string') throw unauthenticated('The authorization value must be a string.');
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw unauthenticated('The authorization value must be "Bearer <token>".');
  try {
    return await tokens.verify(match[1]);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw unauthenticated('The token is invalid or has expired; sign in again.');
    throw error;
  }
}

function unauthenticated(message: string) {
  return userError('UNAUTHENTICATED', message, { http: { status: 401 } });
}
