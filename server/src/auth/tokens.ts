import { randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';

export interface Viewer {
  id: string;
}

export interface TokenService {
  sign(viewer: Viewer): Promise<string>;
  /** Throws `InvalidTokenError` for anything but a valid, unexpired token signed with our secret. */
  verify(token: string): Promise<Viewer>;
}

export class InvalidTokenError extends Error {}

const issuer = 'live-recipes';
/** Verified tokens remembered until they expire, so a reconnect storm verifies each token once. */
const VERIFIED_TOKENS = 10_000;

export function createTokenService(secret: string | undefined, ttlMs: number): { tokens: TokenService; ephemeral: boolean } {
  const key = new TextEncoder().encode(secret ?? randomBytes(32).toString('hex'));
  const verified = new Map<string, { viewer: Viewer; expiresAtMs: number }>();
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
      if (known && known.expiresAtMs > Date.now()) return known.viewer;
      if (known) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer });
        if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('token has no subject');
        const viewer = { id: payload.sub };
        if (typeof payload.exp === 'number') {
          verified.set(token, { viewer, expiresAtMs: payload.exp * 1000 });
          // Oldest first: a Map iterates in insertion order.
          if (verified.size > VERIFIED_TOKENS) verified.delete(verified.keys().next().value as string);
        }
        return viewer;
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
  };
  return { tokens, ephemeral: secret === undefined };
}
