/** This instance's feed of the change log, which every live subscription listens to. */

import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { type EntityKind, entityKinds } from '../db/schema.js';
import type { ChangeChannel, ChangeMessage } from '../pubsub/bus.js';
import { approximateBytes, type ChangeRecord, reviveChange } from './change.js';
import type { CursorSeal } from './cursor.js';
import { headPosition, readChanges, resolveCursor } from './log.js';

export type ChangeListener = (change: ChangeRecord) => void;

/** Told about every change the feed hands on: which path brought it, and how long after commit. */
export type FeedObserver = (path: 'bus' | 'log', lagMs: number) => void;

const LOG_READ_PAGE = 500;
/**
 * How long a change that arrived ahead of the next expected one waits for the bus to bring the
 * ones before it, before the log is read for them. Instances publish what they sequence
 * independently, so their messages often cross on the way; reading the log at once for every
 * such crossing cost a query per few writes on every instance.
 */
const GAP_GRACE_MS = 100;
/**
 * Recent changes each instance keeps, in order, so a resume from a recent cursor reads no
 * database: at most this many, and at most about this many bytes of entity state.
 */
const RECENT_CHANGES = 10_000;
const RECENT_BYTES = 8 * 2 ** 20;

/**
 * This instance's single, gap-free, in-order view of the change log. The bus is the fast path;
 * the log is the truth. A change whose position is past the next expected one means something
 * was missed (Redis dropped it, was away, or a writer died between commit and publish), so the
 * feed reads the log up to it. A periodic read does the same when the bus is silent, so nothing
 * committed is ever left undelivered. Because positions become visible in commit order,
 * reading the log up to position p yields every change before p that will ever exist.
 */
export class ChangeFeed {
  private lastDelivered = 0;
  private readonly pending = new Map<number, ChangeRecord>();
  private readonly listeners = new Map<EntityKind, Set<ChangeListener>>(entityKinds.map((kind) => [kind, new Set()]));
  /** The last changes delivered, in position order, with nothing missing after `recentFloor`. */
  private readonly recent: Array<ChangeRecord | undefined> = [];
  private recentStart = 0;
  private recentFloor = 0;
  private recentBytes = 0;
  private draining = false;
  private logReadRequested = false;
  private timer: NodeJS.Timeout | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  constructor(
    private readonly db: Db,
    private readonly bus: ChangeChannel,
    private readonly logger: Logger,
    private readonly durations: { relayIntervalMs: number; retentionMs: number },
    private readonly observe: FeedObserver = () => {},
  ) {}

  async start(): Promise<void> {
    this.lastDelivered = await headPosition(this.db);
    this.recentFloor = this.lastDelivered;
    await this.bus.subscribe(
      (changes) => this.receive(changes),
      () => {
        this.logger.error('dropped an unreadable bus message; the log read will cover it');
        this.readLog();
      },
    );
    this.bus.onReconnect(() => this.readLog());
    this.timer = setInterval(() => this.readLog(), this.durations.relayIntervalMs);
    this.timer.unref();
    // Anything committed between reading the head and subscribing.
    this.readLog();
  }

  stop(): void {
    clearInterval(this.timer);
    clearTimeout(this.gapTimer);
  }

  /** The last position delivered to listeners on this instance. */
  get position(): number {
    return this.lastDelivered;
  }

  /** True when every change after `position` is in this instance's window of recent changes. */
  private remembers(position: number): boolean {
    return position >= this.recentFloor && position <= this.lastDelivered;
  }

  /**
   * The log position a client's `after` cursor of `entity` resumes from; throws `BAD_USER_INPUT`
   * (CURSOR_INVALID, CURSOR_EXPIRED) when it cannot. A recent cursor is checked against this
   * instance's window, without reading the log.
   */
  resumePosition(cursors: CursorSeal, entity: EntityKind, cursor: string): Promise<number> {
    return resolveCursor(this.db, cursors, entity, cursor, this.durations.retentionMs, (position) => this.recorded(position));
  }

  /**
   * Every change of `entity` after `position`, from this instance's window of recent changes, or
   * null when the window does not reach back that far (or the position is ahead of this instance),
   * in which case only the log can answer.
   */
  changesAfter(position: number, entities: readonly EntityKind[]): ChangeRecord[] | null {
    if (!this.remembers(position)) return null;
    const found: ChangeRecord[] = [];
    for (let i = this.firstAfter(position); i < this.recent.length; i++) {
      const change = this.recent[i] as ChangeRecord;
      if (entities.includes(change.entity)) found.push(change);
    }
    return found;
  }

  /** The change at `position`, while this instance's window holds it. */
  private recorded(position: number): ChangeRecord | undefined {
    if (!this.remembers(position)) return undefined;
    const index = this.firstAfter(position) - 1;
    const change = index >= this.recentStart ? this.recent[index] : undefined;
    return change?.position === position ? change : undefined;
  }

  /** Index in the window of the first change past `position` (positions ascend). */
  private firstAfter(position: number): number {
    let low = this.recentStart;
    let high = this.recent.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.recent[middle] as ChangeRecord).position <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  listen(entity: EntityKind, listener: ChangeListener): () => void {
    const set = this.listeners.get(entity);
    set?.add(listener);
    return () => set?.delete(listener);
  }

  /** Listeners of one kind, or of any kind; a listener of several kinds (a thread watching its target) counts once. */
  listenerCount(entity?: EntityKind): number {
    if (entity) return this.listeners.get(entity)?.size ?? 0;
    const all = new Set<ChangeListener>();
    for (const set of this.listeners.values()) for (const listener of set) all.add(listener);
    return all.size;
  }

  /** Reads the log past the last delivered position; safe to call at any time and often. */
  readLog(): void {
    this.logReadRequested = true;
    void this.drain();
  }

  /** One sequencer call's changes, in position order. */
  private receive(messages: readonly ChangeMessage[]): void {
    for (const message of messages) {
      let change: ChangeRecord;
      try {
        change = reviveChange(message as Parameters<typeof reviveChange>[0]);
      } catch (error) {
        this.logger.error({ err: error }, 'dropped an unreadable change from the bus; the log read will cover it');
        this.readLog();
        continue;
      }
      if (change.position > this.lastDelivered) this.pending.set(change.position, change);
    }
    if (this.pending.size === 0) return;
    // Whatever is next in order is delivered before drain() first waits; what is left waits for the bus a while.
    void this.drain();
    this.awaitGap();
  }

  /** Reads the log for what is still missing before the pending changes, unless the bus brings it first. */
  private awaitGap(): void {
    if (this.pending.size === 0 || this.gapTimer) return;
    this.gapTimer = setTimeout(() => {
      this.gapTimer = undefined;
      if (this.pending.size > 0) this.readLog();
    }, GAP_GRACE_MS);
    this.gapTimer.unref();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (;;) {
        for (let next = this.pending.get(this.lastDelivered + 1); next; next = this.pending.get(this.lastDelivered + 1)) {
          this.pending.delete(next.position);
          this.deliver(next, 'bus');
        }
        if (!this.logReadRequested) return;
        this.logReadRequested = false;
        const rows = await readChanges(this.db, { after: this.lastDelivered, limit: LOG_READ_PAGE });
        for (const change of rows) {
          if (change.position <= this.lastDelivered) continue;
          const path = this.pending.delete(change.position) ? 'bus' : 'log';
          this.deliver(change, path);
        }
        for (const position of this.pending.keys()) if (position <= this.lastDelivered) this.pending.delete(position);
        if (rows.length === LOG_READ_PAGE) this.logReadRequested = true;
        // A bus message ahead of what the log shows can only mean a lagging read; the next tick retries.
        else if (rows.length === 0 && !this.pending.has(this.lastDelivered + 1)) return;
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'change log read failed; retrying on the next tick');
    } finally {
      this.draining = false;
    }
  }

  private deliver(change: ChangeRecord, path: 'bus' | 'log'): void {
    this.lastDelivered = change.position;
    this.remember(change);
    this.observe(path, Date.now() - change.occurredAt.getTime());
    const listeners = this.listeners.get(change.entity);
    if (!listeners) return;
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error({ err: error, position: change.position }, 'change listener failed');
      }
    }
  }

  private remember(change: ChangeRecord): void {
    this.recent.push(change);
    // Both states are held; the estimate covers one.
    this.recentBytes += 2 * approximateBytes(change);
    while (this.recent.length - this.recentStart > RECENT_CHANGES || this.recentBytes > RECENT_BYTES) {
      const oldest = this.recent[this.recentStart] as ChangeRecord;
      this.recentFloor = oldest.position;
      this.recentBytes -= 2 * approximateBytes(oldest);
      this.recent[this.recentStart] = undefined;
      this.recentStart += 1;
    }
    // Compact now and then instead of shifting on every change.
    if (this.recentStart >= 1_024 && this.recentStart * 2 >= this.recent.length) {
      this.recent.splice(0, this.recentStart);
      this.recentStart = 0;
    }
  }
}
