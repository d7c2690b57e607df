/** Keeping the bus to one change log: messages stamped with it, any other dropped. */

import type { Logger } from 'pino';
import type { ChangeBus, ChangeMessage } from './bus.js';

/** Where a message on the bus names the change log it came from. */
const LOG_FIELD = 'log';

/**
 * Positions mean something only within one change log. Two deployments with databases of their own
 * that share a Redis server and a key prefix (Redis database numbers do not separate pub/sub
 * channels) publish on the same channel, and a feed that took the other's positions for its own
 * would deliver the other's changes and skip its own as already delivered. So every message is
 * stamped with its log's identity, and anything else, including an unstamped message from an
 * instance of an older version, is dropped before the feed sees it: the feed then reads what it
 * missed from its own log, as for any message the bus lost.
 */
export function scopeToLog(bus: ChangeBus, logId: string, options: { logger: Logger; onDropped: () => void }): ChangeBus {
  let warned = false;
  const drop = (message: ChangeMessage) => {
    options.onDropped();
    if (warned) return;
    warned = true;
    const from = message[LOG_FIELD];
    options.logger.warn(
      { pubsub: bus.describe, log: logId, otherLog: typeof from === 'string' ? from : null },
      'dropping changes of another change log on this PubSub channel (said once): another deployment shares this Redis and REDIS_KEY_PREFIX, or an instance of an older version runs beside this one; give every deployment its own REDIS_KEY_PREFIX',
    );
  };
  return {
    kind: bus.kind,
    describe: bus.describe,
    publish: (message) => bus.publish({ ...message, [LOG_FIELD]: logId }),
    subscribe: (onMessage) =>
      bus.subscribe((message) => {
        if (message[LOG_FIELD] === logId) onMessage(message);
        else drop(message);
      }),
    onReconnect: (listener) => bus.onReconnect(listener),
    ping: () => bus.ping(),
    state: () => bus.state(),
    close: () => bus.close(),
  };
}
