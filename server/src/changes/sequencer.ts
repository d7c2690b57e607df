import type { Logger } from 'pino';
import type { Queryable } from '../db/client.js';
import { sequenceChanges } from './log.js';
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
 * A writer that dies between commit and its call leaves its change for the next call of any
 * instance; the sweep makes one every `sweepIntervalMs` so that happens even when nobody writes.
 */
export class Sequencer {
  private inFlight: Promise<void> | undefined;
  private queued: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly publisher: Publisher,
    private readonly logger: Logger,
  ) {}

  /** Resolves once every change committed before the call has a position and has been handed to the bus. */
  sequence(): Promise<void> {
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
   * For a writer whose transaction has committed: as `sequence`, but never fails, since the write
   * stands whatever happens next; a failure is logged and the sweep sequences the changes later.
   */
  afterCommit(): Promise<void> {
    return this.sequence().catch((error: unknown) => {
      this.logger.warn({ err: error }, 'sequencing committed changes failed; the sweep will sequence them');
    });
  }

  startSweeping(sweepIntervalMs: number): void {
    this.timer = setInterval(() => void this.afterCommit(), sweepIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private begin(): Promise<void> {
    const run = this.drain().finally(() => {
      if (this.inFlight === run) this.inFlight = undefined;
    });
    this.inFlight = run;
    return run;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const changes = await sequenceChanges(this.db, BATCH);
      for (const change of changes) this.publisher.publish(change);
      if (changes.length < BATCH) return;
    }
  }
}
