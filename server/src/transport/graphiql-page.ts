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

async function render(options: { title: string }): Promise<RenderedPage> {
  // Imported on first use: the bundle is some 30 MB of strings on the heap, which an instance
  // with GraphiQL off, or never opened, should not hold.
  const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
  const html = renderGraphiQL({ title: options.title, subscriptionsProtocol: 'WS', defaultQuery: graphiqlExamples });
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
