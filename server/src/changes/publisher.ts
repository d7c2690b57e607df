/** Handing committed changes to the bus, best effort. */

import type { Logger } from 'pino';
import type { ChangeChannel } from '../pubsub/bus.js';
import type { SequencedBatch } from './log.js';

export interface Publisher {
  /** Hands the changes of one sequencer call to the bus without making anyone wait or fail on it. */
  publish(batch: SequencedBatch): void;
  /** Waits for publishes still in flight, so a stopping instance hands off what it committed. */
  flush(): Promise<void>;
}

/**
 * Publishing is best effort by design: the change is already durable, and every instance's feed
 * reads the log to fill whatever the bus did not carry.
 */
export function createPublisher(bus: ChangeChannel, logger: Logger, onPublished?: (ok: boolean, changes: number) => void): Publisher {
  const inFlight = new Set<Promise<void>>();
  return {
    publish(batch) {
      const sent = bus.publish(batch.changesJson).then(
        () => onPublished?.(true, batch.count),
        (error: unknown) => {
          onPublished?.(false, batch.count);
          logger.warn(
            { err: error instanceof Error ? error.message : error, changes: batch.count, upTo: batch.last },
            'publish failed; subscribers will get the change from the log',
          );
        },
      );
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
    },
    async flush() {
      await Promise.allSettled([...inFlight]);
    },
  };
}
