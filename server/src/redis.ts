/** How the server connects to Redis, one server or a Cluster, for every part that uses it. */

import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from './config.js';

/** One Redis server, or the seed nodes of a Redis Cluster. */
export type RedisTarget = { url: string } | { clusterNodes: Array<{ host: string; port: number }> };

const baseOptions: RedisOptions = {
  lazyConnect: true,
  retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
  connectionName: 'live-recipes',
  // Commands issued in one turn of the event loop (the limit checks and publishes of concurrent
  // writes) leave in one socket write instead of one each; under load the writes were a tenth of
  // an instance's CPU.
  enableAutoPipelining: true,
};

/** A lazily connecting ioredis client for the target, reconnecting with a capped backoff. */
export function redisConnection(target: RedisTarget, extra: RedisOptions = {}): Redis | Cluster {
  return 'url' in target
    ? new Redis(target.url, { ...baseOptions, ...extra })
    : new Cluster(target.clusterNodes, {
        lazyConnect: true,
        enableOfflineQueue: extra.enableOfflineQueue ?? true,
        enableAutoPipelining: true,
        clusterRetryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 2_000),
        redisOptions: { ...baseOptions, ...extra },
      });
}

export function describeRedisTarget(target: RedisTarget): string {
  return 'url' in target ? new URL(target.url).host : `cluster ${target.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}

/** Where the configuration points Redis, or null when the instance runs without it. */
export function redisTargetOf(config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>): RedisTarget | null {
  if (config.REDIS_CLUSTER_NODES) return { clusterNodes: config.REDIS_CLUSTER_NODES };
  return config.REDIS_URL ? { url: config.REDIS_URL } : null;
}
