import type { Logger } from 'pino';
import type { Queryable } from '../db/client.js';
import { sequenceChanges, sequencedHead } from './log.js';
import type { Publisher } from './publisher.js';

/** Changes given positions by one call to the database; more wait for the next call. */
const BATCH = 1_000;

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
    this.timer = setInterval(() => void this.afterCommit(), sweepIntervalMs);
    this.timer.unref();
  }

  /** Stops the sweep and makes one last call, so a stopping instance hands on what it committed. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.afterCommit();
  }

  private begin(): Promise<number | undefined> {
    const wantHead = this.headWanted;
    this.headWanted = false;
    const run = this.drain(wantHead).finally(() => {
      if (this.inFlight === run) this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async drain(wantHead: boolean): Promise<number | undefined> {
    for (;;) {
      const changes = await sequenceChanges(this.db, BATCH);
      for (const change of changes) this.publisher.publish(change);
      if (changes.length === BATCH) continue;
      // The positions a call gives are the newest, so its last one is the head.
      const last = changes.at(-1)?.position;
      if (last !== undefined) return last;
      return wantHead ? sequencedHead(this.db) : undefined;
    }
  }
}
