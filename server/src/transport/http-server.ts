/** The HTTP server: routing to GraphQL, probes and static files, the body limit, and a graceful stop. */

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { wantsGraphiql } from './graphiql-page.js';
import type { GraphqlServer } from './graphql-http.js';
import { answerTooLarge, readBody } from './request-body.js';
import { requestIdOf } from './request-id.js';

export interface Probe {
  health(): Record<string, unknown>;
  ready(): Promise<{ ok: boolean; failing: string[] }>;
  metrics(): Promise<{ contentType: string; body: string }>;
}

/** The app's HTTP server, plus the first step of a graceful stop. */
export interface HttpServer extends Server {
  /**
   * Lets in-flight requests finish but ends every SSE stream now (its client resumes elsewhere
   * with `after:`), and closes each keep-alive connection as soon as its request is answered,
   * so `server.close()` resolves without waiting for idle or endless connections.
   */
  drain(): void;
}

const PROBES = new Set(['/health', '/ready', '/metrics']);

export interface HttpServerOptions {
  yoga: GraphqlServer;
  probe: Probe;
  logger: Logger;
  maxBodyBytes: number;
  serveStatic: ((req: IncomingMessage, res: ServerResponse) => Promise<boolean>) | null;
  /** GraphiQL for browsers that GET /graphql; null when `GRAPHIQL` is off. */
  serveGraphiql: ((req: IncomingMessage, res: ServerResponse) => Promise<void>) | null;
  onEventStream: (delta: 1 | -1) => void;
}

/** A body read ahead, in the form @whatwg-node/server takes from body parsers: an async iterable with an own property. */
class ReadAhead implements AsyncIterable<Buffer> {
  constructor(readonly bytes: Buffer) {}
  async *[Symbol.asyncIterator]() {
    yield this.bytes;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** The decoded path, or null when it is not a valid URL path (bad percent-encoding, NUL). */
function pathOf(req: IncomingMessage): string | null {
  try {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    return pathname.includes('\0') ? null : pathname;
  } catch {
    return null;
  }
}

/** One HTTP server for the app, GraphQL (HTTP and SSE; WebSockets attach to it) and the probes. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { yoga, probe, logger } = options;
  const inFlight = new Set<ServerResponse>();
  const eventStreams = new Set<ServerResponse>();
  let draining = false;

  const server = createServer(async (req, res) => {
    const started = performance.now();
    const reqId = requestIdOf(req);
    const decoded = pathOf(req);
    const pathname = decoded ?? '(malformed)';
    res.setHeader('X-Request-Id', reqId);
    if (draining) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // Probes come every few seconds from every orchestrator; keep them out of the info log.
      logger[PROBES.has(pathname) ? 'debug' : 'info'](
        {
          reqId,
          method: req.method,
          path: pathname,
          status: res.statusCode,
          durationMs: Math.round(performance.now() - started),
          ...(eventStreams.has(res) ? { stream: 'sse' } : {}),
        },
        'request completed',
      );
      eventStreams.delete(res);
    });
    try {
      if (pathname === '/health') return sendJson(res, 200, probe.health());
      if (pathname === '/ready') {
        const { ok, failing } = await probe.ready();
        return sendJson(res, ok ? 200 : 503, ok ? { status: 'ok' } : { status: 'unavailable', failing });
      }
      if (pathname === '/metrics') {
        const { contentType, body } = await probe.metrics();
        res.writeHead(200, { 'Content-Type': contentType });
        return res.end(body);
      }
      if (decoded === null) return sendJson(res, 400, { error: 'The path is not a valid URL path.' });
      if (pathname === '/graphql') {
        if (options.serveGraphiql && wantsGraphiql(req)) return await options.serveGraphiql(req, res);
        const onEventStream = () => {
          eventStreams.add(res);
          options.onEventStream(1);
          res.once('close', () => options.onEventStream(-1));
        };
        if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') {
          return await yoga.handle(req, res, { onEventStream });
        }
        const outcome = await readBody(req, options.maxBodyBytes);
        if (outcome.kind === 'too-large') return answerTooLarge(req, res, options.maxBodyBytes);
        if (outcome.kind === 'aborted') return;
        // Read here (Yoga would take any length) so that chunked bodies meet the same limit.
        if (outcome.body.length > 0) Object.assign(req, { body: new ReadAhead(outcome.body) });
        return await yoga.handle(req, res, { onEventStream });
      }
      if (options.serveStatic && (await options.serveStatic(req, res))) return;
      sendJson(res, 404, { error: 'Not found' });
    } catch (error) {
      logger.error({ err: error, reqId }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
      else res.destroy();
    }
  });
  // Longer than nginx's upstream keepalive_timeout (60 s), so the proxy always closes first and
  // never sends a request on a connection we are closing.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  const drain = () => {
    draining = true;
    for (const res of inFlight) {
      if (eventStreams.has(res)) {
        // Yoga may still be writing an event; a write after end is harmless here, not a crash.
        res.on('error', () => {});
        res.end();
        continue;
      }
      if (!res.headersSent) res.setHeader('Connection', 'close');
      // Headers already gone out with keep-alive: close the connection once it falls idle.
      res.once('finish', () => setImmediate(() => server.closeIdleConnections()));
    }
  };
  return Object.assign(server, { drain });
}
