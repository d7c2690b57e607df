/** The Redis bus engine. */

import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { describeRedisTarget, type RedisTarget, redisConnection } from '../redis.js';
import { CHANGES_TOPIC, type ChangeBus } from './bus.js';

/**
 * Redis pub/sub on two ioredis connections (a subscribed connection cannot publish), carrying text
 * as it is given: ioredis resubscribes by itself after a reconnect. Publishing fails fast while
 * Redis is away instead of queueing in memory: the change log already holds the change, and every
 * instance catches up from it. Against a Redis Cluster the same channel works through the cluster
 * bus, which forwards every message to every node, so any node a subscriber lands on receives it
 * and a failover is survived.
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
    async publish(text) {
      await publisher.publish(topic, text);
    },
    async subscribe(onMessage) {
      subscriber.on('message', (channel: string, text: string) => {
        if (channel === topic) onMessage(text);
      });
      await subscriber.subscribe(topic);
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
      subscriber.removeAllListeners('message');
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
    },
  };
}
