/** What every resolver is given: the instance's shared services, and the request's viewer and transport. */

import type { TokenService, TokenViewer } from './auth/tokens.js';
import type { CursorSeal } from './changes/cursor.js';
import type { ChangeFeed } from './changes/feed.js';
import type { Sequencer } from './changes/sequencer.js';
import type { TrustProxy } from './config.js';
import type { Db } from './db/client.js';
import type { Limits } from './limits/limits.js';
import type { SubscriberSink } from './live/sink.js';
import type { StreamRelease } from './live/subscriber-stream.js';
import type { Presence } from './presence/presence.js';

/** Long-lived parts of one instance, shared by every request and socket. */
export interface Services {
  db: Db;
  feed: ChangeFeed;
  /** Gives committed changes their positions and publishes them. */
  sequencer: Sequencer;
  tokens: TokenService;
  limits: Limits;
  cursors: CursorSeal;
  /** Which peers' X-Forwarded-For is believed when working out a client's address. */
  trustProxy: TrustProxy;
  maxBacklogBytes: number;
  /** Metrics hook, called once per event handed to a subscriber. */
  observeDelivery: (replayed: boolean) => void;
  /** Who is on which target; absent only from the contexts live executions keep, which never need it. */
  presence?: Presence;
}

/** How a subscription's transport reacts when its client cannot keep up, and when its token expires. */
export interface TransportHooks {
  onOverflow(): void;
  /** True where each subscription is a stream of its own (SSE) and ends at token expiry; a socket closes as a whole instead. */
  endsAtTokenExpiry: boolean;
  /** Set by a transport whose live events the fan-out writes, pre-serialised (WebSocket). */
  sink?: SubscriberSink;
  /** Set by a transport that keeps a stream the fan-out writes without a consumer waiting on it (WebSocket). */
  release?: StreamRelease;
}

export interface Context extends Services {
  viewer: TokenViewer | null;
  /** The client's address, as far as trusted proxies vouch for it; sign-ups are limited by it. */
  clientAddress: string;
  transport: TransportHooks;
}
