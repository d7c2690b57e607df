/** Choosing and opening the bus at start. */

import type { Logger } from 'pino';
import type { RedisTarget } from '../redis.js';
import type { ChangeBus } from './bus.js';
import { createInProcessBus } from './in-process-bus.js';
import { scopeToLog } from './log-scope.js';
import { createRedisBus } from './redis-bus.js';

export interface BusOptions {
  /** Redis, or null for a bus inside this one process (a single instance only). */
  redis: RedisTarget | null;
  keyPrefix: string;
  /** The change log this deployment writes; messages from any other are dropped (log-scope.ts). */
  logId: string;
  logger: Logger;
  /** Told of each message from another change log. */
  onForeignDropped: () => void;
}

/** The bus changes travel on between instances, scoped to this deployment's change log. */
export async function openChangeBus(options: BusOptions): Promise<ChangeBus> {
  const { logger } = options;
  let bus: ChangeBus;
  if (options.redis) bus = await createRedisBus(options.redis, options.keyPrefix, logger);
  else {
    bus = createInProcessBus();
    logger.warn('REDIS_URL is not set: using an in-process PubSub, so this must be the only instance');
  }
  bus = scopeToLog(bus, options.logId, { logger, onDropped: options.onForeignDropped });
  logger.info({ pubsub: bus.describe, log: options.logId }, 'pubsub ready');
  return bus;
}
