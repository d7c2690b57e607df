/** The GraphiQL page a browser gets at /graphql. */

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { graphiqlExamples } from './graphiql-examples.js';
import { graphiqlHeaders, type HeaderSetter, inlineScriptHashes } from './security-headers.js';

type Encoding = 'br' | 'gzip' | 'identity';

interface Representation {
  body: Buffer;
  etag: string;
}

interface RenderedPage {
  variants: Record<Encoding, Representation>;
  securityHeaders: HeaderSetter;
}

const compressBrotli = promisify(brotliCompress);
const compressGzip = promisify(gzip);

/** Whether a request is a browser asking for the page rather than a GraphQL client. */
export function wantsGraphiql(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD' ? Boolean(req.headers.accept?.includes('text/html')) : false;
}

function encodingFor(req: IncomingMessage): Encoding {
  const accepted = String(req.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accepted)) return 'br';
  if (/\bgzip\b/.test(accepted)) return 'gzip';
  return 'identity';
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * GraphiQL keeps its tabs in localStorage, shared by every window of a browser profile. Once
 * tabs are stored, `defaultQuery` is no longer read: a window whose URL has no `?query=` adds an
 * empty "<untitled>" tab and opens on it. A window opened on `?query=` opens on the tab holding
 * that text, adding it only when no tab does, and GraphiQL rewrites `?query=` as the reader
 * types, so a reload keeps their text. Hence a script, run before GraphiQL, that gives a window
 * opened on plain /graphql the examples as its `?query=`. (Yoga's own `query` option would
 * override the URL, reloads included.)
 */
function withExamplesInEveryWindow(html: string): string {
  const anchor = '<div id="root"></div>';
  if (!html.includes(anchor)) throw new Error(`GraphiQL's page has no ${anchor} to put the examples script after`);
  const examples = JSON.stringify(graphiqlExamples).replace(/</g, '\\u003c');
  // A block, so its `url` is not a global the bundle's own scripts could clash with.
  const script = `{
  const url = new URL(location.href);
  if (!url.searchParams.has('query')) {
    url.searchParams.set('query', ${examples});
    history.replaceState(history.state, '', url);
  }
}`;
  // A function, so a `$` in the examples is not read as a replacement pattern.
  return html.replace(anchor, () => `${anchor}\n<script>${script}</script>`);
}

async function render(options: { title: string }): Promise<RenderedPage> {
  // Imported on first use: the bundle is some 30 MB of strings on the heap, which an instance
  // with GraphiQL off, or never opened, should not hold.
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = withExamplesInEveryWindow(
    renderGraphiQL({ title: options.title, subscriptionsProtocol: 'WS', defaultQuery: graphiqlExamples }),
  );
  const identity = Buffer.from(html);
  const digest = createHash('sha256').update(identity).digest('base64url').slice(0, 22);
  // Brotli's quality 5 compresses the 9 MB page to about a fifth in a fraction of a second;
  // the top quality would take many seconds for a few percent more.
  const [br, gz] = await Promise.all([
    compressBrotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
    compressGzip(identity, { level: 6 }),
  ]);
  return {
    variants: {
      br: { body: br, etag: `"${digest}-br"` },
      gzip: { body: gz, etag: `"${digest}-gz"` },
      identity: { body: identity, etag: `"${digest}"` },
    },
    securityHeaders: graphiqlHeaders(inlineScriptHashes(html)),
  };
}

/**
 * GraphiQL, bundled (no CDN), rendered and compressed once on first use; every response then
 * hands out the same Buffer, so clients that ask for it and never read cost no copy each, and a
 * browser that has it already gets a 304.
 */
export function createGraphiqlPage(options: { title: string }) {
  let rendered: Promise<RenderedPage> | undefined;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    rendered ??= render(options);
    const page = await rendered;
    const encoding = encodingFor(req);
    const { body, etag } = page.variants[encoding];
    page.securityHeaders(req, res);
    res.setHeader('ETag', etag);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Vary', 'Accept-Encoding');
    if (matches(req.headers['if-none-match'], etag)) {
      res.writeHead(304);
      res.end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      ...(encoding === 'identity' ? {} : { 'Content-Encoding': encoding }),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}
