import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { GraphqlServer } from './graphql-http.js';

export interface Probe {
  health(): Record<string, unknown>;
  ready(): Promise<{ ok: boolean; failing: string[] }>;
  metrics(): Promise<{ contentType: string; body: string }>;
}

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

/** One HTTP server for the app, GraphQL (HTTP and SSE; WebSockets attach to it) and the probes. */
export function createHttpServer(options: HttpServerOptions): Server {
  const { yoga, probe, logger } = options;
  const server = createServer(async (req, res) => {
    try {
      const pathname = new URL(req.url ?? '/', 'http://x').pathname;
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
          options.onEventStream(1);
          res.once('close', () => options.onEventStream(-1));
        }
        return await yoga.requestListener(req, res);
      }
      if (options.serveStatic && (await options.serveStatic(req, res))) return;
      sendJson(res, 404, { error: 'Not found' });
    } catch (error) {
      logger.error({ err: error }, 'request failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal error' });
      else res.destroy();
    }
  });
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}
