/** CORS: which browser origins may call the API. */

/** Loopback origins on any port: a development tool or app on this machine. */
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):\d{1,5}$/;

export interface CorsPolicy {
  /** Whether a browser page from `origin` may call the API. */
  allows(origin: string): boolean;
}

/**
 * Which other origins may call the API from a browser. Same-origin requests need no CORS at
 * all. With `CORS_ORIGINS` exactly those origins; without it, none in production and loopback
 * origins on any port in development. An origin that is not allowed gets no CORS headers.
 */
export function corsPolicy(allowList: string[] | undefined, production: boolean): CorsPolicy {
  if (allowList) {
    const allowed = new Set(allowList);
    return { allows: (origin) => allowed.has(origin) };
  }
  return { allows: (origin) => !production && LOOPBACK.test(origin) };
}

/** In the shape GraphQL Yoga's `cors` option takes: the request's own origin when allowed, else none. */
export function yogaCors(policy: CorsPolicy) {
  return (request: Request) => {
    const origin = request.headers.get('origin');
    if (!origin || !policy.allows(origin)) return false as const;
    return {
      origin,
      credentials: true,
      methods: ['GET', 'POST', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', 'Accept', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id'],
      maxAge: 600,
    };
  };
}
