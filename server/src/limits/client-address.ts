/** Who a request comes from, as the limits see it: its address, and the bucket a budget counts it in. */

import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';
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

/**
 * What a per-address budget counts by. An IPv4 address is one client, but an IPv6 client is
 * usually handed a whole /64 and may take any address in it, so IPv6 addresses count by their
 * /64; an IPv4 address written as IPv6 (`::ffff:203.0.113.7`) counts as itself.
 */
export function addressBucket(address: string): string {
  const bare = address.split('%')[0] ?? address;
  if (!isIPv6(bare)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return mapped[1];
  const [head = '', tail] = bare.split('::');
  const groups = (text: string | undefined) =>
    text ? text.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : [];
  const before = groups(head);
  const after = groups(tail);
  const all = tail === undefined ? before : [...before, ...Array<string>(8 - before.length - after.length).fill('0'), ...after];
  return `${all
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
