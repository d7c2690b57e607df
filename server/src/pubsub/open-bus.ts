/** Choosing and opening the bus at start. */

import type { Logger } from 'pino';
import type { RedisTarget } from '../redis.js';
import type { ChangeBus, ChangeChannel } from './bus.js';
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
  /** Told of the changes in each message from another change log. */
  onForeignDropped: (changes: number) => void;
}

/** The bus changes travel on between instances, scoped to this deployment's change log. */
export async function openChangeBus(options: BusOptions): Promise<ChangeChannel> {
  const { logger } = options;
  let bus: ChangeBus;
  if (options.redis) bus = await createRedisBus(options.redis, options.keyPrefix, logger);
  else {
    bus = createInProcessBus();
    logger.warn('REDIS_URL is not set: using an in-process PubSub, so this must be the only instance');
  }
  const channel = scopeToLog(bus, options.logId, { logger, onDropped: options.onForeignDropped });
  logger.info({ pubsub: channel.describe, log: options.logId }, 'pubsub ready');
  return channel;
}
