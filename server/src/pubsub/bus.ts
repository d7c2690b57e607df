/** The bus interface changes travel on between instances, which both engines implement. */

import type { PubSubEngine } from 'graphql-subscriptions';

/** The wire form of a change on the bus: JSON-safe, dates as ISO strings. */
export type ChangeMessage = Record<string, unknown> & { position: number };

/**
 * The one interface both engines implement. Each instance holds a single bus subscription and
 * fans out locally, so the engine never sees one subscription per client.
 */
export interface ChangeBus {
  readonly kind: 'redis' | 'in-process';
  readonly describe: string;
  publish(message: ChangeMessage): Promise<void>;
  /** Starts receiving; resolves once the subscription is active. */
  subscribe(onMessage: (message: ChangeMessage) => void): Promise<void>;
  /** Called after the connection to the bus came back, when messages may have been missed. */
  onReconnect(listener: () => void): void;
  ping(): Promise<boolean>;
  /** `connected`, `connecting` or `disconnected`, for metrics and readiness. */
  state(): 'connected' | 'connecting' | 'disconnected';
  close(): Promise<void>;
}

export const CHANGES_TOPIC = 'changes';

/** Shared by both engines: subscribe through graphql-subscriptions' engine interface. */
export async function subscribeEngine(engine: PubSubEngine, topic: string, onMessage: (message: ChangeMessage) => void): Promise<number> {
  return engine.subscribe(topic, onMessage, {});
}
