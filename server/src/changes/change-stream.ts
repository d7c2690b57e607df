import type { Db } from '../db/client.js';
import type { EntityKind } from '../db/schema.js';
import type { ChangeRecord } from './change.js';
import type { ChangeFeed } from './feed.js';
import { readChanges } from './log.js';
import { type ViewerEvent, type ViewRules, viewChange } from './viewer-event.js';

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
}

const REPLAY_PAGE = 200;
/** Replay pauses while this many events wait for the client, so a long replay never piles up. */
const REPLAY_HIGH_WATER = 100;

type Entry<Row> = { event: ViewerEvent<Row>; bytes: number; replayed: boolean };

/**
 * One subscriber's stream: live changes from the instance feed, optionally preceded by a replay
 * of the log. Dedupe by position makes the seam exact: live changes that arrive during the
 * replay wait, and anything the replay already sent is dropped.
 */
export function changeStream<Row>(options: ChangeStreamOptions<Row>): AsyncIterableIterator<ViewerEvent<Row>> {
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
  };

  const enqueue = (change: ChangeRecord) => {
    if (finished || change.position <= lastPosition) return;
    lastPosition = change.position;
    // What happened before the subscription began is the subscriber's business only through the
    // current state, which admitted it; replaying an old unpublish must not end a stream the blog is back in.
    if (change.position > startedAt && options.ends?.(change)) return finish();
    if (change.entity !== options.entity) return;
    if (options.entityId && change.entityId !== options.entityId) return;
    const event = viewChange(change as Parameters<typeof viewChange<Row>>[0], options.rules);
    if (!event) return;
    const bytes = approximateBytes(change);
    queue.push({ event, bytes, replayed: replaying });
    queuedBytes += bytes;
    if (queuedBytes > options.maxBacklogBytes) {
      finish();
      options.onOverflow();
      return;
    }
    signal();
  };

  const kinds = [options.entity, ...(options.watch ?? [])];
  const onChange = (change: ChangeRecord) => {
    if (replaying) {
      heldDuringReplay.push(change);
      if (heldDuringReplay.length * 512 > options.maxBacklogBytes) {
        finish();
        options.onOverflow();
      }
      return;
    }
    enqueue(change);
  };
  const unlistens = kinds.map((kind) => options.feed.listen(kind, onChange));
  const unlisten = () => {
    for (const stop of unlistens) stop();
  };

  if (options.after !== undefined) void replay(options.after);

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
    } catch (error) {
      failure = error;
      finish();
    }
  }

  const iterator: AsyncIterableIterator<ViewerEvent<Row>> = {
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

const sizes = new WeakMap<ChangeRecord, number>();

/** Estimate of what the event costs once serialised; computed once per change, not per subscriber. */
function approximateBytes(change: ChangeRecord): number {
  const known = sizes.get(change);
  if (known !== undefined) return known;
  const row = (change.after ?? change.before) as Record<string, unknown> | null;
  let bytes = 200;
  for (const value of Object.values(row ?? {})) {
    if (typeof value === 'string') bytes += value.length;
    else if (Array.isArray(value)) for (const item of value) bytes += String(item).length + 3;
    else bytes += 16;
  }
  sizes.set(change, bytes);
  return bytes;
}
