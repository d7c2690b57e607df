/** Serving the built web app. */

import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { webAppHeaders } from './security-headers.js';

// Vite names every file under assets/ by its content hash, so a changed file has a new name.
const HASHED = /^\/assets\//;

/**
 * Serves the built web app through sirv. sirv lists the folder once at start and answers only
 * paths on that list, so no path (`..`, encoded separators, a sibling folder sharing the
 * prefix) can reach a file outside it. Precompressed `.br`/`.gz` siblings written by the
 * build are sent to clients that accept them; hashed assets are cached for a year, everything
 * else (index.html) is revalidated with its ETag. Unknown paths without an extension get
 * index.html, so a reload of a client-side route works.
 */
export function createStaticHandler(root: string) {
  const serve = sirv(root, {
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
    single: true,
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // Set before sirv answers, so 304s carry them too; they apply to HTML and do no harm elsewhere.
    webAppHeaders(req, res);
    // sirv answers synchronously (the body streams afterwards) or calls next when it has no such file.
    let found = true;
    serve(req, res, () => {
      found = false;
    });
    return found;
  };
}
