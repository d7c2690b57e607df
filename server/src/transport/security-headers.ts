/** Security headers of the HTML pages served: the web app and GraphiQL. */

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

export type HeaderSetter = (req: IncomingMessage, res: ServerResponse) => void;

type Directives = Record<string, string[] | null>;

/**
 * Shared by every HTML page: nothing from other origins, no plugins, no framing, forms and
 * `<base>` kept to this origin. `upgrade-insecure-requests` is left out: an instance reached
 * over plain HTTP (development, a TLS-terminating proxy's health checks) must still load.
 */
const baseDirectives: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'object-src': ["'none'"],
  'script-src-attr': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  // 'self' covers ws:/wss: to this origin, where the live updates come from.
  'connect-src': ["'self'"],
  'upgrade-insecure-requests': null,
};

function headersWith(directives: Directives): HeaderSetter {
  const middleware = helmet({
    contentSecurityPolicy: { useDefaults: true, directives },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS belongs to whoever terminates TLS (the load balancer), not to an instance that may be
    // reached over plain HTTP.
    strictTransportSecurity: false,
  });
  return (req, res) => middleware(req, res, () => {});
}

/** The web app: its scripts and styles are files from this origin (Vite emits no inline script). */
export const webAppHeaders: HeaderSetter = headersWith({
  ...baseDirectives,
  'script-src': ["'self'"],
  'style-src': ["'self'"],
});

/** `'sha256-…'` for each inline `<script>` of a page, so exactly those scripts may run. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  for (const match of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) {
    hashes.push(
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
    );
  }
  return hashes;
}

/**
 * GraphiQL's page is one HTML document with its bundle inline: its scripts are allowed by hash.
 * Its editor (Monaco) adds style elements and runs its language service in workers made from
 * blob: URLs, so styles may be inline and workers may come from blob:.
 */
export function graphiqlHeaders(scriptHashes: string[]): HeaderSetter {
  return headersWith({
    ...baseDirectives,
    'script-src': ["'self'", ...scriptHashes],
    'style-src': ["'self'", "'unsafe-inline'"],
    'worker-src': ["'self'", 'blob:'],
  });
}
