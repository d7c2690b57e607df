/** One subscriber's stream: membership of each change (filter, visibility, dedupe), replay, and the hand-over to the fan-out. */

import { approximateBytes, type ChangeRecord } from '../changes/change.js';
import type { ChangeFeed } from '../changes/feed.js';
import { readChanges } from '../changes/log.js';
import type { Db } from '../db/client.js';
import type { ChangeKind, EntityKind } from '../db/schema.js';
import { type ViewerEvent, type ViewRules, viewerEvent, viewKind } from './viewer-event.js';

export interface ChangeStreamOptions<Row> {
  db: Db;
  feed: ChangeFeed;
  entity: EntityKind;
  /** Only changes to this entity, when the subscriber asked for one. */
  entityId?: string | undefined;
  rules: ViewRules<Row>;
  /** Further kinds whose changes can end the stream (a comment thread watches its target). */
  watch?: readonly EntityKind[];
  /** The stream completes after what came before this change: its subject went away for this subscriber. */
  ends?: (change: ChangeRecord) => boolean;
  /** Replay the log after this position before going live. */
  after?: number | undefined;
  /**
   * Without `after`: the position the subscription starts at. Changes at or below it came before
   * the subscribe; those above it that this instance already delivered are replayed. Without
   * either, the stream starts at what the feed last delivered.
   */
  startAt?: number | undefined;
  /** Bytes of undelivered events this subscriber may hold before it is cut off. */
  maxBacklogBytes: number;
  /** Called once when the backlog bound is crossed; the transport closes the client. */
  onOverflow: () => void;
  /** Counts for metrics: an event handed to the client, and whether it came from the replay. */
  onDelivered?: (replayed: boolean) => void;
  /** Set by a transport that keeps a handed-over stream itself; see StreamRelease. */
  release?: StreamRelease | undefined;
}

/**
 * How a transport takes a stream off its consumer once the direct path writes it: the iterator
 * then completes at once instead of waiting, so an idle subscriber holds no pending chain of
 * iterators and promises, while the stream itself lives on until `end` or until it ends itself.
 */
export interface StreamRelease {
  /** Called just before the iterator completes: from now on the transport owns the stream's end, `stream.end()`. */
  released(stream: Pick<StreamControl, 'end'>): void;
  /** A released stream ended by itself (its subject went away, or its client fell behind). */
  ended(): void;
}

const REPLAY_PAGE = 200;
/** Replay pauses while this many events wait for the client, so a long replay never piles up. */
const REPLAY_HIGH_WATER = 100;

type Entry<Row> = { event: ViewerEvent<Row>; bytes: number; replayed: boolean };

/** A transport that writes live changes to the client itself, from frames shared with other subscribers. */
export interface DirectDelivery {
  /** A change this subscriber receives as `kind`; called in position order, straight from the feed. */
  offer(change: ChangeRecord, kind: ChangeKind): void;
  /** The stream ends with this change; end it once everything offered before is written. */
  endAt(change: ChangeRecord): void;
}

/** What the direct path may do to the stream it took over. */
export interface StreamControl {
  /** The client fell behind past its bound: end the stream and let the transport cut it off. */
  overflow(): void;
  /** One event written to the client, for the metrics. */
  delivered(): void;
  /** Ends the stream (after `endAt`): the iterator completes, and the transport tells the client. */
  end(): void;
  readonly finished: boolean;
}

export interface ChangeStream<Row> extends AsyncIterableIterator<ViewerEvent<Row>> {
  /**
   * Hands live changes to `direct` from the moment the stream has nothing left to yield and no
   * replay in progress, so the seam is exact: everything before it was yielded (and sent) by the
   * iterator, everything after it goes to `direct`. The iterator then yields nothing more and
   * ends when the stream ends.
   */
  handOver(direct: DirectDelivery): StreamControl;
}

/**
 * One subscriber's stream: live changes from the instance feed, optionally preceded by a replay
 * of the log. Dedupe by position makes the seam exact: live changes that arrive during the
 * replay wait, and anything the replay already sent is dropped.
 */
export function changeStream<Row>(options: ChangeStreamOptions<Row>): ChangeStream<Row> {
  return new LiveChangeStream(options);
}

/**
 * One object per stream, its own iterator and the direct path's control, instead of a closure per
 * step over a shared scope: an idle subscriber's stream is this object, the listener the feed
 * calls and the feed's ways to stop calling it. Only what the stream needs after it has started is
 * kept; the queue and the changes held during a replay exist only while they are in use.
 */
class LiveChangeStream<Row> implements ChangeStream<Row>, StreamControl {
  private readonly entity: EntityKind;
  private readonly entityId: string | undefined;
  private readonly rules: ViewRules<Row>;
  private readonly ends: ((change: ChangeRecord) => boolean) | undefined;
  private readonly maxBacklogBytes: number;
  private readonly onOverflow: () => void;
  private readonly onDelivered: ((replayed: boolean) => void) | undefined;
  private readonly release: StreamRelease | undefined;
  /** Changes past this position happen while the subscriber listens; earlier ones are history. */
  private readonly startedAt: number;
  private lastPosition: number;
  /** What the feed returned for each kind listened to; just the one function when only the entity is listened to. */
  private readonly unlisten: (() => void) | Array<() => void>;
  /** Events for the iterator, from the first one queued until the direct path takes over. */
  private queue: Entry<Row>[] | undefined;
  private queuedBytes = 0;
  /** Live changes that arrived during the replay, from the first of them until the replay ends. */
  private heldDuringReplay: ChangeRecord[] | undefined;
  private replaying: boolean;
  private isFinished = false;
  private failure: unknown;
  private wake: (() => void) | undefined;
  private drained: (() => void) | undefined;
  private direct: DirectDelivery | undefined;
  /** True once live changes go to `direct` instead of the queue; with a release, the transport then owns the stream. */
  private handedOver = false;
  /** The end is decided and waits for the direct path to write what came before it. */
  private ending = false;

  constructor(options: ChangeStreamOptions<Row>) {
    this.entity = options.entity;
    this.entityId = options.entityId;
    this.rules = options.rules;
    this.ends = options.ends;
    this.maxBacklogBytes = options.maxBacklogBytes;
    this.onOverflow = options.onOverflow;
    this.onDelivered = options.onDelivered;
    this.release = options.release;
    this.startedAt = options.startAt ?? options.feed.position;
    const after = options.after ?? (options.startAt !== undefined && options.startAt < options.feed.position ? options.startAt : undefined);
    this.lastPosition = options.after ?? options.startAt ?? 0;
    this.replaying = after !== undefined;
    // One listener for every kind, so the feed counts a stream watching several kinds once.
    const listener = this.onChange.bind(this);
    const kinds = [options.entity, ...(options.watch ?? [])];
    this.unlisten =
      kinds.length === 1 ? options.feed.listen(options.entity, listener) : kinds.map((kind) => options.feed.listen(kind, listener));
    if (after === undefined) return;
    // A recent cursor is served from the feed's own window: no database read, and no wait.
    const recent = options.feed.changesAfter(after, kinds);
    if (recent) {
      for (const change of recent) this.enqueue(change);
      this.replaying = false;
    } else void this.replay(options.db, after, kinds);
  }

  get finished(): boolean {
    return this.isFinished;
  }

  handOver(target: DirectDelivery): StreamControl {
    this.direct = target;
    return this;
  }

  async next(): Promise<IteratorResult<ViewerEvent<Row>>> {
    for (;;) {
      const entry = this.queue?.shift();
      if (entry) {
        this.queuedBytes -= entry.bytes;
        this.onDelivered?.(entry.replayed);
        if ((this.queue?.length ?? 0) <= REPLAY_HIGH_WATER) {
          this.drained?.();
          this.drained = undefined;
        }
        return { value: entry.event, done: false };
      }
      if (this.failure) {
        const error = this.failure;
        this.failure = undefined;
        throw error;
      }
      if (this.isFinished) return { value: undefined, done: true };
      if (this.direct && !this.replaying) {
        // Nothing is queued from here on: live changes go to the direct path.
        this.handedOver = true;
        this.queue = undefined;
        if (this.release) {
          this.release.released(this);
          return { value: undefined, done: true };
        }
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<ViewerEvent<Row>>> {
    this.finish();
    this.queue = undefined;
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  overflow(): void {
    this.finish();
    this.onOverflow();
  }

  delivered(): void {
    this.onDelivered?.(false);
  }

  end(): void {
    this.finish();
  }

  private signal(): void {
    this.wake?.();
    this.wake = undefined;
  }

  private finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    if (typeof this.unlisten === 'function') this.unlisten();
    else for (const stop of this.unlisten) stop();
    this.signal();
    this.drained?.();
    // Handed over with a release means released: the transport is told its stream is gone.
    if (this.handedOver) this.release?.ended();
  }

  /** The membership decision, per subscriber and change: how this subscriber receives it, if at all. */
  private accept(change: ChangeRecord): ChangeKind | null {
    if (this.isFinished || this.ending || change.position <= this.lastPosition) return null;
    this.lastPosition = change.position;
    // What happened before the subscription began is the subscriber's business only through the
    // current state, which admitted it; replaying an old unpublish must not end a stream the blog is back in.
    if (change.position > this.startedAt && this.ends?.(change)) {
      // On the direct path earlier changes may still be on their way out; the end must follow them.
      if (this.handedOver && this.direct) {
        this.ending = true;
        this.direct.endAt(change);
      } else this.finish();
      return null;
    }
    if (change.entity !== this.entity) return null;
    if (this.entityId && change.entityId !== this.entityId) return null;
    return viewKind(change as Parameters<typeof viewKind<Row>>[0], this.rules);
  }

  private enqueue(change: ChangeRecord): void {
    const kind = this.accept(change);
    if (kind === null) return;
    const event = viewerEvent(change as Parameters<typeof viewerEvent<Row>>[0], kind);
    const bytes = approximateBytes(change);
    this.queue ??= [];
    this.queue.push({ event, bytes, replayed: this.replaying });
    this.queuedBytes += bytes;
    if (this.queuedBytes > this.maxBacklogBytes) {
      this.overflow();
      return;
    }
    this.signal();
  }

  private onChange(change: ChangeRecord): void {
    if (this.replaying) {
      this.heldDuringReplay ??= [];
      this.heldDuringReplay.push(change);
      if (this.heldDuringReplay.length * 512 > this.maxBacklogBytes) this.overflow();
      return;
    }
    if (this.handedOver) {
      const kind = this.accept(change);
      if (kind !== null) this.direct?.offer(change, kind);
      return;
    }
    this.enqueue(change);
  }

  private async replay(db: Db, from: number, kinds: readonly EntityKind[]): Promise<void> {
    try {
      let cursor = from;
      for (;;) {
        const rows = await readChanges(db, { after: cursor, limit: REPLAY_PAGE, entities: kinds });
        for (const change of rows) this.enqueue(change);
        if (this.isFinished || rows.length < REPLAY_PAGE) break;
        cursor = rows.at(-1)?.position ?? cursor;
        while (!this.isFinished && (this.queue?.length ?? 0) > REPLAY_HIGH_WATER)
          await new Promise<void>((resolve) => (this.drained = resolve));
      }
      this.replaying = false;
      const held = this.heldDuringReplay;
      this.heldDuringReplay = undefined;
      for (const change of held ?? []) this.enqueue(change);
      // A consumer waiting on an empty queue may now hand over to the direct path.
      this.signal();
    } catch (error) {
      this.failure = error;
      this.finish();
    }
  }
}
