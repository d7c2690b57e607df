/** The change log's retention: removing what is older than it keeps. */

import type { Logger } from 'pino';
import type { Queryable } from '../db/client.js';
import { pruneChanges } from './log.js';

/** How often the log is pruned; the retention is counted in days, so this only bounds the overshoot. */
const PRUNE_EVERY_MS = 10 * 60_000;

/** Deletes changes past the retention, at start and then now and then; a failed run is retried at the next. */
export function createPruner(db: Queryable, retentionMs: number, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  const prune = async () => {
    try {
      const removed = await pruneChanges(db, retentionMs);
      if (removed > 0) logger.info({ removed }, 'pruned changes older than the retention');
    } catch (error) {
      logger.warn({ err: error }, 'pruning the change log failed');
    }
  };
  return {
    async start(): Promise<void> {
      await prune();
      timer = setInterval(prune, PRUNE_EVERY_MS);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
