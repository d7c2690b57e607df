/** The bus changes travel on between instances, which both engines implement. */

/** One change as it travels on the bus: JSON-safe, dates as ISO strings (the log's own JSON form). */
export type ChangeMessage = Record<string, unknown> & { position: number };

/**
 * The one interface both engines implement. What travels is text: the changes of one sequencer
 * call as a JSON array, written by PostgreSQL and published as it came, so the instance that
 * sequenced them never parses or serialises them. Each instance holds a single bus subscription
 * and fans out locally, so the engine never sees one subscription per client.
 */
export interface ChangeBus {
  readonly kind: 'redis' | 'in-process';
  readonly describe: string;
  publish(text: string): Promise<void>;
  /** Starts receiving; resolves once the subscription is active. */
  subscribe(onMessage: (text: string) => void): Promise<void>;
  /** Called after the connection to the bus came back, when messages may have been missed. */
  onReconnect(listener: () => void): void;
  ping(): Promise<boolean>;
  /** `connected`, `connecting` or `disconnected`, for metrics and readiness. */
  state(): 'connected' | 'connecting' | 'disconnected';
  close(): Promise<void>;
}

/** What the feed hears: a batch of changes in position order, already scoped to this deployment's log. */
export interface ChangeChannel {
  readonly describe: string;
  /** Publishes one sequencer call's changes, given as the JSON text of an array of `ChangeMessage`. */
  publish(changesJson: string): Promise<void>;
  /** `onUnreadable` hears of a message of this log that could not be read, whose changes only the log can give now. */
  subscribe(onChanges: (changes: readonly ChangeMessage[]) => void, onUnreadable: () => void): Promise<void>;
  onReconnect(listener: () => void): void;
  ping(): Promise<boolean>;
  state(): 'connected' | 'connecting' | 'disconnected';
  close(): Promise<void>;
}

export const CHANGES_TOPIC = 'changes';
