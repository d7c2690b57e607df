/** This instance's sequencer: when committed changes get their positions and go to the bus. */

import type { Logger } from 'pino';
import type { Queryable } from '../db/client.js';
import { sequenceChanges, sequencedHead, vacuumPendingChanges } from './log.js';
import type { Publisher } from './publisher.js';

/** Changes given positions by one call to the database; more wait for the next call. */
const BATCH = 1_000;
/**
 * Least time between the starts of two calls that writers' commits ask for. A commit after a quiet
 * spell is sequenced at once; under load the commits of this many milliseconds share one call, so
 * the calls per second of an instance are bounded whatever its write rate. Writers do not wait for
 * it; it delays delivery by at most this much.
 */
const SPACING_MS = 10;

/** How often an instance vacuums the queue of changes waiting for a position (see `vacuumPendingChanges`). */
const VACUUM_PENDING_MS = 5_000;

/**
 * Gives committed changes their positions and hands them to the publisher, so a change is on the
 * bus as soon as it has its place in commit order. Calls coalesce: while one call is in flight,
 * every write that commits meanwhile is left to the next, which sequences all of them at once, so
 * an instance makes at most one call at a time whatever its write rate. `sequence` resolves once a
 * call that started after it has finished.
 *
 * Writers do not wait for it (`afterCommit`): a mutation answers at commit. What "before I
 * subscribed" means is kept by the other side instead: a subscription without a cursor starts at
 * `startPosition`, the head of the log after a call that started after the subscribe, so a write
 * answered before the subscribe is behind it and every later one ahead of it.
 *
 * A writer that dies between commit and the call leaves its change for the next call of any
 * instance; the sweep makes one every `sweepIntervalMs` so that happens even when nobody writes.
 */
export class Sequencer {
  private inFlight: Promise<number | undefined> | undefined;
  private queued: Promise<number | undefined> | undefined;
  /** Set when a caller needs the head even if the next call sequences nothing; taken by the call that begins next. */
  private headWanted = false;
  private timer: NodeJS.Timeout | undefined;
  private vacuumTimer: NodeJS.Timeout | undefined;
  /** When the last call began (performance.now()). */
  private lastBegun = Number.NEGATIVE_INFINITY;
  /** The call commits are waiting for while calls are spaced out. */
  private spaced: Promise<void> | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly publisher: Publisher,
    private readonly logger: Logger,
  ) {}

  /**
   * Resolves once every change committed before the call has a position and has been handed to
   * the bus; with the head of the log when the call that did it knows it.
   */
  sequence(): Promise<number | undefined> {
    if (this.queued) return this.queued;
    if (!this.inFlight) return this.begin();
    const after = () => {
      this.queued = undefined;
      return this.begin();
    };
    this.queued = this.inFlight.then(after, after);
    return this.queued;
  }

  /**
   * For a writer whose transaction has committed: starts (or joins) a call without making the
   * writer wait, and never fails, since the write stands whatever happens next; a failure is
   * logged and the sweep of any instance sequences the changes later.
   */
  afterCommit(): Promise<void> {
    if (this.spaced) return this.spaced;
    const wait = this.lastBegun + SPACING_MS - performance.now();
    if (wait <= 0) return this.settled();
    this.spaced = new Promise<void>((resolve) => {
      setTimeout(() => {
        this.spaced = undefined;
        resolve(this.settled());
      }, wait).unref();
    });
    return this.spaced;
  }

  /** `sequence`, with a failure logged rather than thrown. */
  private settled(): Promise<void> {
    return this.sequence().then(
      () => {},
      (error: unknown) => {
        this.logger.warn({ err: error }, 'sequencing committed changes failed; the sweep will sequence them');
      },
    );
  }

  /**
   * Where a subscription that starts now begins: the head of the log once a call that started
   * after this one has finished. Every change committed before the call has a position at or
   * below it, every change committed after the call took its snapshot one above it. Subscribers
   * starting together share the call. With the database away (no write is answered then either),
   * undefined: the subscription starts at what this instance last delivered.
   */
  async startPosition(): Promise<number | undefined> {
    this.headWanted = true;
    try {
      const head = await this.sequence();
      return head ?? (await sequencedHead(this.db));
    } catch (error) {
      this.logger.warn({ err: error }, 'no start position from the log; the subscription starts at what this instance delivered');
      return undefined;
    }
  }

  startSweeping(sweepIntervalMs: number): void {
    this.timer = setInterval(() => void this.settled(), sweepIntervalMs);
    this.timer.unref();
    const vacuum = () => {
      vacuumPendingChanges(this.db).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'vacuuming the changes waiting for a position failed; the next run retries');
      });
    };
    vacuum();
    this.vacuumTimer = setInterval(vacuum, VACUUM_PENDING_MS);
    this.vacuumTimer.unref();
  }

  /** Stops the sweep and makes one last call, so a stopping instance hands on what it committed. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.vacuumTimer);
    await this.spaced;
    await this.settled();
  }

  private begin(): Promise<number | undefined> {
    const wantHead = this.headWanted;
    this.headWanted = false;
    this.lastBegun = performance.now();
    const run = this.drain(wantHead).finally(() => {
      if (this.inFlight === run) this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async drain(wantHead: boolean): Promise<number | undefined> {
    for (;;) {
      const batch = await sequenceChanges(this.db, BATCH);
      if (batch.count > 0) this.publisher.publish(batch);
      if (batch.count === BATCH) continue;
      // The positions a call gives are the newest, so its last one is the head.
      if (batch.last !== undefined) return batch.last;
      return wantHead ? sequencedHead(this.db) : undefined;
    }
  }
}
