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

export function createTokenService(secret: string | undefined, ttlMs: number): { tokens: TokenService; ephemeral: boolean } {
  const key = new TextEncoder().encode(secret ?? randomBytes(32).toString('hex'));
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
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], issuer });
        if (typeof payload.sub !== 'string' || payload.sub.length === 0) throw new InvalidTokenError('token has no subject');
        return { id: payload.sub };
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
  };
  return { tokens, ephemeral: secret === undefined };
}
