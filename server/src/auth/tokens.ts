/** Who a request acts for (the viewer), and the signed tokens that say so. */

import { errors, jwtVerify, SignJWT } from 'jose';

export interface Viewer {
  id: string;
}

/** A viewer identified by a token, which stops identifying it at `expiresAt` (ms since the epoch). */
export interface TokenViewer extends Viewer {
  expiresAt: number;
}

export interface TokenService {
  sign(viewer: Viewer): Promise<string>;
  /** Throws `InvalidTokenError` for anything but a valid, unexpired token with an `exp`, signed with our secret. */
  verify(token: string): Promise<TokenViewer>;
}

export class InvalidTokenError extends Error {}

const issuer = 'live-recipes';
const USER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Verified tokens remembered until they expire, so a reconnect storm verifies each token once. */
const VERIFIED_TOKENS = 10_000;

export function createTokenService(secret: string, ttlMs: number): TokenService {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, TokenViewer>();
  const tokens: TokenService = {
    sign: (viewer) =>
      new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(viewer.id)
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime(new Date(Date.now() + ttlMs))
        .sign(key),
    verify: async (token) => {
      const known = verified.get(token);
      if (known && known.expiresAt > Date.now()) return known;
      if (known) verified.delete(token);
      try {
        // A token without `exp` would be good forever, and a live socket could never be told when to end.
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer, requiredClaims: ['exp'] });
        // Only a user id is a subject: anything else would reach the database as a uuid and fail there.
        if (typeof payload.sub !== 'string' || !USER_ID.test(payload.sub)) throw new InvalidTokenError('token subject is not a user id');
        const viewer: TokenViewer = { id: payload.sub, expiresAt: (payload.exp as number) * 1000 };
        verified.set(token, viewer);
        // Oldest first: a Map iterates in insertion order.
        if (verified.size > VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
        return viewer;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
  };
  return tokens;
}
