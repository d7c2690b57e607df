/** Handing committed changes to the bus, best effort. */

import type { Logger } from 'pino';
import type { ChangeBus } from '../pubsub/bus.js';
import type { ChangeRecord } from './change.js';

export interface Publisher {
  /** Hands a committed change to the bus without making the writer wait or fail on it. */
  publish(change: ChangeRecord): void;
  /** Waits for publishes still in flight, so a stopping instance hands off what it committed. */
  flush(): Promise<void>;
}

/**
 * Publishing is best effort by design: the change is already durable, and every instance's feed
 * reads the log to fill whatever the bus did not carry.
 */
export function createPublisher(bus: ChangeBus, logger: Logger, onPublished?: (ok: boolean) => void): Publisher {
  const inFlight = new Set<Promise<void>>();
  return {
    publish(change) {
      const sent = bus.publish({ ...change }).then(
        () => onPublished?.(true),
        (error: unknown) => {
          onPublished?.(false);
          logger.warn(
            { err: error instanceof Error ? error.message : error, position: change.position },
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
