/** Request ids, for log lines and the X-Request-Id header. */

import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** What we accept from a client or proxy: short, printable, and harmless in a log line or header. */
const ACCEPTABLE = /^[\w.:@/+=-]{1,128}$/;

const assigned = new WeakMap<IncomingMessage, string>();

/**
 * The request's id: the X-Request-Id a proxy (our nginx) or client sent, else a fresh UUID.
 * Memoised per request so the HTTP handler and the WebSocket upgrade log the same id.
 */
export function requestIdOf(req: IncomingMessage): string {
  let id = assigned.get(req);
  if (id === undefined) {
    const sent = req.headers['x-request-id'];
    id = typeof sent === 'string' && ACCEPTABLE.test(sent) ? sent : flat(randomUUID());
    assigned.set(req, id);
  }
  return id;
}

/**
 * The same text as one flat string. randomUUID joins its id from pieces, which V8 keeps as a chain
 * of 14 strings (some 480 bytes against 56) until something reads the whole; a socket keeps its id
 * for as long as it is open.
 */
function flat(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}
