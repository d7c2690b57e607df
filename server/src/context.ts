import type { TokenService, Viewer } from './auth/tokens.js';
import type { ChangeFeed } from './changes/feed.js';
import type { Publisher } from './changes/publisher.js';
import type { Db } from './db/client.js';
import type { FrameSink } from './transport/frame-sink.js';

/** Long-lived parts of one instance, shared by every request and socket. */
export interface Services {
  db: Db;
  feed: ChangeFeed;
  publisher: Publisher;
  tokens: TokenService;
  maxBacklogBytes: number;
  /** Metrics hook, called once per event handed to a subscriber. */
  observeDelivery: (replayed: boolean) => void;
}

/** How a subscription's transport reacts when its client cannot keep up. */
export interface TransportHooks {
  onOverflow(): void;
  /** Set by a transport that writes shared, pre-serialised events itself (WebSocket). */
  frames?: FrameSink;
}

export interface Context extends Services {
  viewer: Viewer | null;
  transport: TransportHooks;
}
