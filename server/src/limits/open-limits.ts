/** Opening the rate limits at start, on a Redis connection of their own when there is Redis. */

import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { type RedisTarget, redisConnection } from '../redis.js';
import { createLimits, type Limits } from './limits.js';

/**
 * The limits every instance shares, counted in Redis when there is one. The limiter has a plain
 * command connection of its own (the bus's are busy subscribing and publishing) that fails fast,
 * so the limiter falls back to in-memory counters while Redis is away.
 */
export async function openLimits(
  config: Config,
  redis: RedisTarget | null,
  logger: Logger,
): Promise<{ limits: Limits; close(): Promise<void> }> {
  const connection = redis ? redisConnection(redis, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  connection?.on('error', (error: Error) => logger.warn({ err: error.message, connection: 'limiter' }, 'redis connection error'));
  await connection?.connect();
  const limits = createLimits(
    {
      signInFailures: config.SIGNIN_MAX_FAILURES,
      signInFailuresPerAddress: config.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      writes: config.RATE_LIMIT_WRITES,
      signUps: config.RATE_LIMIT_SIGNUPS,
    },
    connection ? { redis: connection, keyPrefix: config.REDIS_KEY_PREFIX } : null,
  );
  return {
    limits,
    async close() {
      await connection?.quit().catch(() => {});
    },
  };
}
