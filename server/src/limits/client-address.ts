import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { TrustProxy } from '../config.js';

/**
 * The address a request came from: the socket's peer, or, through as many trusted proxies as
 * configured, the address they say they were talking to in X-Forwarded-For.
 */
export function clientAddress(request: IncomingMessage | undefined, trust: TrustProxy): string {
  if (!request?.socket) return 'unknown';
  return proxyAddr(request, trust);
}
