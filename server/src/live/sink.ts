/** The sink interface: what the fan-out writes to, whatever the transport. */

import type { ExecutionResult } from 'graphql';
import type { SharedResult } from './result-cache.js';

/**
 * One live subscriber's end of the fan-out, as its transport writes it: the fan-out hands every
 * sink the same serialised result and never looks at a socket. The sink owns the subscriber's one
 * backlog check: a client that does not take what it is sent is cut off here, however the bytes
 * got there.
 */
export interface SubscriberSink {
  /** Bytes written for this subscriber that its client has not taken yet. */
  readonly bufferedBytes: number;
  /**
   * Writes one event, executed and serialised once for everyone who sees it alike. Past the
   * subscriber's backlog bound the sink closes its connection (as too slow) instead, and says so
   * with false.
   */
  write(event: SharedResult): boolean;
  /** Closes the subscriber's connection, with every subscription on it: it fell behind, or the fan-out sheds it. */
  close(reason: 'too-slow' | 'shed'): void;
  /** The connection the client's subscriptions share, which is closed as a whole. */
  readonly connection: object;
  /**
   * For a transport that pulls its events (SSE, which Yoga writes): the events that follow the
   * subscriber's own stream once the fan-out writes it, or null while it does not.
   */
  continuation?(): AsyncIterableIterator<ExecutionResult> | null;
}
