/** Writes that arrive together run as one statement: group commit for the hot one-row writes. */

import type { Queryable } from './client.js';

/** How several one-row writes run as one statement, and how one runs alone. */
export interface BatchedWrite<Item, Result> {
  /**
   * One or more items in one statement, which must never wait for a row lock (`SKIP LOCKED`): one
   * answer per item in their order, undefined for an item it did not take (its row was locked by
   * another transaction), which then runs alone and waits for the lock there.
   */
  many(db: Queryable, items: readonly Item[]): Promise<ReadonlyArray<Result | undefined>>;
  /** The write alone, waiting for its row's lock: for an item a batch did not take, or when a batch failed. */
  one(db: Queryable, item: Item): Promise<Result>;
  /** Items with the same key (the row they write) never share a batch or run in two at once. */
  key(item: Item): string;
  /** About how many bytes the item adds to the statement's parameters. */
  bytes(item: Item): number;
}

/** A statement takes at most this many items... */
const MOST_ITEMS = 64;
/** ...and about this many bytes of their values, so one statement's parameters stay small. */
const MOST_BYTES = 256 * 1024;

interface Waiting<Item, Result> {
  item: Item;
  key: string;
  bytes: number;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

interface Lane<Item, Result> {
  waiting: Waiting<Item, Result>[];
  busy: boolean;
  /** Keys of the items whose write is running, in a batch or alone. */
  running: Set<string>;
}

/**
 * Runs a one-row write so that the writes an instance receives while one statement is in flight
 * go together in the next: one round trip, one plan execution and one commit for all of them,
 * which is most of what a small write costs PostgreSQL and the driver. A write that arrives when
 * nothing is in flight is sent at once, so a lone write waits for nothing.
 *
 * Each database (or transaction) has one lane with at most one batch in flight. A batch never
 * waits for a row lock, so a row held by a long transaction delays only its own writers, as
 * without batching. Writes of one row keep their order: the next waits while one runs. A batch
 * commits as one transaction; should it fail, each of its writes runs alone, so one write's error
 * is its own.
 */
export function batchedWrite<Item, Result>(write: BatchedWrite<Item, Result>): (db: Queryable, item: Item) => Promise<Result> {
  const lanes = new WeakMap<Queryable, Lane<Item, Result>>();

  /** The write alone, outside the lane: it may wait for a lock without holding up anyone else. */
  const alone = (db: Queryable, lane: Lane<Item, Result>, entry: Waiting<Item, Result>) => {
    lane.running.add(entry.key);
    write
      .one(db, entry.item)
      .then(entry.resolve, entry.reject)
      .finally(() => {
        lane.running.delete(entry.key);
        if (!lane.busy && lane.waiting.length > 0) void drain(db, lane);
      });
  };

  /** The next batch: waiting writes in arrival order, skipping rows already being written. */
  const take = (lane: Lane<Item, Result>): Waiting<Item, Result>[] => {
    const batch: Waiting<Item, Result>[] = [];
    const keys = new Set<string>();
    let bytes = 0;
    const left: Waiting<Item, Result>[] = [];
    for (const entry of lane.waiting) {
      const fits = batch.length < MOST_ITEMS && (batch.length === 0 || bytes + entry.bytes <= MOST_BYTES);
      if (fits && !keys.has(entry.key) && !lane.running.has(entry.key)) {
        batch.push(entry);
        keys.add(entry.key);
        bytes += entry.bytes;
      } else {
        // Once a row is passed over, its later writes wait behind it.
        keys.add(entry.key);
        left.push(entry);
      }
    }
    lane.waiting = left;
    return batch;
  };

  const drain = async (db: Queryable, lane: Lane<Item, Result>) => {
    lane.busy = true;
    try {
      for (let batch = take(lane); batch.length > 0; batch = take(lane)) {
        for (const entry of batch) lane.running.add(entry.key);
        let results: ReadonlyArray<Result | undefined> | undefined;
        try {
          results = await write.many(
            db,
            batch.map((entry) => entry.item),
          );
        } catch {
          results = undefined;
        }
        batch.forEach((entry, index) => {
          lane.running.delete(entry.key);
          const result = results?.[index];
          if (result === undefined) alone(db, lane, entry);
          else entry.resolve(result);
        });
      }
    } finally {
      lane.busy = false;
    }
  };

  return (db, item) =>
    new Promise<Result>((resolve, reject) => {
      let lane = lanes.get(db);
      if (!lane) {
        lane = { waiting: [], busy: false, running: new Set() };
        lanes.set(db, lane);
      }
      lane.waiting.push({ item, key: write.key(item), bytes: write.bytes(item), resolve, reject });
      if (!lane.busy) void drain(db, lane);
    });
}
