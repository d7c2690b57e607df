import type { Db } from '../db/client.js';
import type { ChangeKind, EntityKind } from '../db/schema.js';
import { approximateBytes, type ChangeRecord } from './change.js';
import type { ChangeFeed } from './feed.js';
import { readChanges } from './log.js';
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
  /** Bytes of undelivered events this subscriber may hold before it is cut off. */
  maxBacklogBytes: number;
  /** Called once when the backlog bound is crossed; the transport closes the client. */
  onOverflow: () => void;
  onClose?: () => void;
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
  /** Called just before the iterator completes: from now on the transport owns the stream's end. */
  released(end: () => void): void;
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

/** A class rather than a literal with a getter, which V8 keeps as a dictionary with a map of its own per stream. */
class Control implements StreamControl {
  constructor(
    readonly overflow: () => void,
    readonly delivered: () => void,
    readonly end: () => void,
    private readonly isFinished: () => boolean,
  ) {}

  get finished(): boolean {
    return this.isFinished();
  }
}

/**
 * One subscriber's stream: live changes from the instance feed, optionally preceded by a replay
 * of the log. Dedupe by position makes the seam exact: live changes that arrive during the
 * replay wait, and anything the replay already sent is dropped.
 */
export function changeStream<Row>(options: ChangeStreamOptions<Row>): ChangeStream<Row> {
  const queue: Entry<Row>[] = [];
  const heldDuringReplay: ChangeRecord[] = [];
  let queuedBytes = 0;
  let lastPosition = options.after ?? 0;
  /** Changes past this position happen while the subscriber listens; earlier ones are history. */
  const startedAt = options.feed.position;
  let replaying = options.after !== undefined;
  let finished = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  let drained: (() => void) | undefined;
  let direct: DirectDelivery | undefined;
  /** True once live changes go to `direct` instead of the queue. */
  let handedOver = false;
  /** The end is decided and waits for the direct path to write what came before it. */
  let ending = false;
  /** The iterator has completed and the transport owns the stream (options.release). */
  let released = false;

  const signal = () => {
    wake?.();
    wake = undefined;
  };

  const finish = () => {
    if (finished) return;
    finished = true;
    unlisten();
    options.onClose?.();
    signal();
    drained?.();
    if (released) options.release?.ended();
  };

  /** The membership decision, per subscriber and change: how this subscriber receives it, if at all. */
  const accept = (change: ChangeRecord): ChangeKind | null => {
    if (finished || ending || change.position <= lastPosition) return null;
    lastPosition = change.position;
    // What happened before the subscription began is the subscriber's business only through the
    // current state, which admitted it; replaying an old unpublish must not end a stream the blog is back in.
    if (change.position > startedAt && options.ends?.(change)) {
      // On the direct path earlier changes may still be on their way out; the end must follow them.
      if (handedOver && direct) {
        ending = true;
        direct.endAt(change);
      } else finish();
      return null;
    }
    if (change.entity !== options.entity) return null;
    if (options.entityId && change.entityId !== options.entityId) return null;
    return viewKind(change as Parameters<typeof viewKind<Row>>[0], options.rules);
  };

  const overflow = () => {
    finish();
    options.onOverflow();
  };

  const enqueue = (change: ChangeRecord) => {
    const kind = accept(change);
    if (kind === null) return;
    const event = viewerEvent(change as Parameters<typeof viewerEvent<Row>>[0], kind);
    const bytes = approximateBytes(change);
    queue.push({ event, bytes, replayed: replaying });
    queuedBytes += bytes;
    if (queuedBytes > options.maxBacklogBytes) {
      overflow();
      return;
    }
    signal();
  };

  const kinds = [options.entity, ...(options.watch ?? [])];
  const onChange = (change: ChangeRecord) => {
    if (replaying) {
      heldDuringReplay.push(change);
      if (heldDuringReplay.length * 512 > options.maxBacklogBytes) overflow();
      return;
    }
    if (handedOver) {
      const kind = accept(change);
      if (kind !== null) direct?.offer(change, kind);
      return;
    }
    enqueue(change);
  };
  const unlistens = kinds.map((kind) => options.feed.listen(kind, onChange));
  const unlisten = () => {
    for (const stop of unlistens) stop();
  };

  if (options.after !== undefined) {
    // A recent cursor is served from the feed's own window: no database read, and no wait.
    const recent = options.feed.changesAfter(options.after, kinds);
    if (recent) {
      for (const change of recent) enqueue(change);
      replaying = false;
    } else void replay(options.after);
  }

  async function replay(from: number) {
    try {
      let cursor = from;
      for (;;) {
        const rows = await readChanges(options.db, { after: cursor, limit: REPLAY_PAGE, entities: kinds });
        for (const change of rows) enqueue(change);
        if (finished || rows.length < REPLAY_PAGE) break;
        cursor = rows.at(-1)?.position ?? cursor;
        while (!finished && queue.length > REPLAY_HIGH_WATER) await new Promise<void>((resolve) => (drained = resolve));
      }
      replaying = false;
      for (const change of heldDuringReplay.splice(0)) enqueue(change);
      // A consumer waiting on an empty queue may now hand over to the direct path.
      signal();
    } catch (error) {
      failure = error;
      finish();
    }
  }

  const control = new Control(
    overflow,
    () => options.onDelivered?.(false),
    finish,
    () => finished,
  );

  const iterator: ChangeStream<Row> = {
    handOver(target) {
      direct = target;
      return control;
    },
    async next() {
      for (;;) {
        const entry = queue.shift();
        if (entry) {
          queuedBytes -= entry.bytes;
          options.onDelivered?.(entry.replayed);
          if (queue.length <= REPLAY_HIGH_WATER) {
            drained?.();
            drained = undefined;
          }
          return { value: entry.event, done: false };
        }
        if (failure) {
          const error = failure;
          failure = undefined;
          throw error;
        }
        if (finished) return { value: undefined, done: true };
        if (direct && !replaying) {
          handedOver = true;
          if (options.release) {
            released = true;
            options.release.released(finish);
            return { value: undefined, done: true };
          }
        }
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    async return() {
      finish();
      queue.length = 0;
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
