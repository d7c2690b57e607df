import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GraphqlServer } from './graphql-http.js';
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
  onEventStream: (delta: 1 | -1) => void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? '/', 'http://x').pathname;
  } catch {
    return '/';
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
    const pathname = pathOf(req);
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
      if (pathname === '/graphql') {
        const length = Number(req.headers['content-length'] ?? 0);
        if (length > options.maxBodyBytes) {
          res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
          res.end(
            JSON.stringify({
              errors: [
                { message: `Request body is larger than ${options.maxBodyBytes} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } },
              ],
            }),
          );
          req.resume();
          return;
        }
        if (req.method === 'POST' && req.headers['transfer-encoding'] && !req.headers['content-length']) {
          res.writeHead(411, { 'Content-Type': 'application/json' });
          return res.end(JSON.stringify({ errors: [{ message: 'Send the request body with a Content-Length.' }] }));
        }
        if (req.headers.accept?.includes('text/event-stream')) {
          eventStreams.add(res);
          options.onEventStream(1);
          res.once('close', () => options.onEventStream(-1));
        }
        return await yoga.requestListener(req, res);
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
