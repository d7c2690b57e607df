import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, ok, signUp, subscribeWs, wsClient } from '../support/clients.js';
import { type Cluster, startCluster, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';
import { type RedisCluster, startRedisCluster } from '../support/redis.js';
import type { ServerProcess } from '../support/servers.js';

describe('instances sharing a Redis Cluster', () => {
  let redis: RedisCluster;
  let cluster: Cluster;

  beforeAll(async () => {
    redis = await startRedisCluster(3);
    // The log poll is slowed to a minute, so events that arrive quickly came through the cluster.
    cluster = await startCluster(2, { REDIS_URL: '', REDIS_CLUSTER_NODES: redis.seeds, RELAY_INTERVAL: '60s', RATE_LIMIT_WRITES: '8/1m' });
  });
  afterAll(async () => {
    await cluster?.stop();
    redis?.stop();
  });

  it('carries changes between instances through the cluster and reports it ready', async () => {
    const [reader, writer] = cluster.servers as [ServerProcess, ServerProcess];
    for (const server of [reader, writer]) expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    const { token } = await signUp(writer.url, 'Clustered');
    const client = wsClient(reader.wsUrl);
    const stream = subscribeWs(client, RECIPE_CHANGED);
    await waitForSubscriptions(reader.url, 1);

    const created = (await ok(writer.url, CREATE_RECIPE, { input: { title: 'Sharded', ingredients: [], steps: [], tags: [] } }, token))
      .createRecipe as { id: string };
    for (let servings = 1; servings <= 4; servings++) await ok(writer.url, UPDATE_RECIPE, { id: created.id, input: { servings } }, token);
    const events = await stream.waitFor(5, 5_000);
    expect(events.map((e) => e.recipe?.version)).toEqual([1, 2, 3, 4, 5]);
    stream.stop();
    await client.dispose();
  });

  it('keeps the write limit in the cluster, shared by both instances', async () => {
    const { token } = await signUp(cluster.servers[0]?.url ?? '', 'Limited');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gql(
          cluster.servers[i % 2]?.url ?? '',
          CREATE_RECIPE,
          { input: { title: `Batch ${i}`, ingredients: [], steps: [], tags: [] } },
          token,
        ),
      ),
    );
    const codes = answers.map((answer) => answer.errors?.[0]?.extensions?.code ?? 'OK').sort();
    expect(codes).toEqual([...Array(8).fill('OK'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
