/** The Redis bus engine. */

import { RedisPubSub } from 'graphql-redis-subscriptions';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { describeRedisTarget, type RedisTarget, redisConnection } from '../redis.js';
import { CHANGES_TOPIC, type ChangeBus, type ChangeMessage, subscribeEngine } from './bus.js';

/**
 * Redis pub/sub through graphql-redis-subscriptions on two ioredis connections (a subscribed
 * connection cannot publish). Publishing fails fast while Redis is away instead of queueing in
 * memory: the change log already holds the change, and every instance catches up from it.
 * Against a Redis Cluster the same channel works through the cluster bus, which forwards every
 * message to every node, so any node a subscriber lands on receives it and a failover is survived.
 */
export async function createRedisBus(target: RedisTarget, keyPrefix: string, logger: Logger): Promise<ChangeBus> {
  const publisher = redisConnection(target, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const subscriber = redisConnection(target, { maxRetriesPerRequest: null });
  for (const [name, client] of [
    ['publisher', publisher],
    ['subscriber', subscriber],
  ] as const) {
    client.on('error', (error: Error) => logger.warn({ err: error.message, connection: name }, 'redis connection error'));
  }
  await Promise.all([publisher.connect(), subscriber.connect()]);

  const engine = new RedisPubSub({ publisher, subscriber });
  const topic = `${keyPrefix}${CHANGES_TOPIC}`;
  const reconnectListeners: Array<() => void> = [];
  let wasReady = true;
  subscriber.on('close', () => {
    wasReady = false;
  });
  subscriber.on('ready', () => {
    if (wasReady) return;
    wasReady = true;
    logger.info('redis subscriber reconnected');
    for (const listener of reconnectListeners) listener();
  });

  const status = (client: Redis | Cluster) => client.status;
  return {
    kind: 'redis',
    describe: `Redis PubSub at ${describeRedisTarget(target)} (channel ${topic})`,
    publish: (message: ChangeMessage) => engine.publish(topic, message),
    async subscribe(onMessage) {
      await subscribeEngine(engine, topic, onMessage);
    },
    onReconnect: (listener) => {
      reconnectListeners.push(listener);
    },
    async ping() {
      try {
        return (await publisher.ping()) === 'PONG' && status(subscriber) === 'ready';
      } catch {
        return false;
      }
    },
    state() {
      const statuses = [status(publisher), status(subscriber)];
      if (statuses.every((s) => s === 'ready')) return 'connected';
      if (statuses.some((s) => s === 'end' || s === 'close')) return 'disconnected';
      return 'connecting';
    },
    async close() {
      engine.close();
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
