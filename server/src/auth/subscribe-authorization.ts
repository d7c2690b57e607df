/** Who one WebSocket subscribe speaks for when it carries an Authorization header of its own. */

import { userError } from '../errors.js';
import type { TokenService, TokenViewer } from './tokens.js';
import { viewerFromAuthorization } from './viewer.js';

/**
 * GraphiQL (and other clients that send headers per operation) puts its Headers tab into
 * `payload.extensions.headers` of every `subscribe` and leaves `connection_init` empty.
 * An `Authorization` there is checked exactly like `connectionParams.authorization`; a bad one
 * fails that subscription with `UNAUTHENTICATED` and leaves the socket and its other
 * subscriptions alone. On a socket already signed in by `connection_init`, a header naming
 * another user is refused rather than letting one socket speak for two users.
 */
export async function viewerOfSubscribe(
  tokens: TokenService,
  socketViewer: TokenViewer | null,
  extensions: Record<string, unknown> | null | undefined,
): Promise<TokenViewer | null> {
  const authorization = authorizationHeader(extensions?.headers);
  if (authorization === undefined) return socketViewer;
  const viewer = await viewerFromAuthorization(tokens, authorization);
  if (!viewer) return socketViewer;
  if (socketViewer && viewer.id !== socketViewer.id) {
    throw userError('UNAUTHENTICATED', 'The Authorization header names another user than the one this connection signed in as.');
  }
  return viewer;
}

/** Header names are case-insensitive, as over HTTP. */
function authorizationHeader(headers: unknown): unknown {
  if (typeof headers !== 'object' || headers === null) return undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'authorization') return value;
  }
  return undefined;
}
