import { randomBytes } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ok, signUp, subscribeSse, subscribeWs, wsClient } from '../support/clients.js';
import { type Cluster, health, sleep, startCluster } from '../support/cluster.js';
import { findNginx, type Nginx, startNginx } from '../support/nginx.js';
import { CREATE_RECIPE, RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';

const nginxBinary = findNginx();
if (!nginxBinary) console.warn('SKIPPED load-balancer tests: nginx is not installed (apt-get install -y nginx)');

const totalSubscriptions = async (cluster: Cluster) =>
  (await Promise.all(cluster.servers.map((server) => health(server.url)))).reduce((sum, h) => sum + h.activeSubscriptions, 0);

async function untilSubscriptions(cluster: Cluster, atLeast: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await totalSubscriptions(cluster)) < atLeast) {
    if (Date.now() > deadline) throw new Error(`fewer than ${atLeast} subscriptions across the instances`);
    await sleep(50);
  }
}

describe.skipIf(!nginxBinary)('the nginx load balancer (deploy/nginx) in front of three instances', () => {
  let cluster: Cluster;
  let lb: Nginx;

  beforeAll(async () => {
    // info level: the instances' access log lines are what the request-id test reads.
    cluster = await startCluster(3, { LOG_LEVEL: 'info' });
    lb = await startNginx(cluster.servers.map((server) => server.port));
  });
  afterAll(async () => {
    await lb?.stop();
    await cluster?.stop();
  });

  it('answers plain requests from every instance in turn', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 9; i++) seen.add((await health(lb.url)).instance);
    expect([...seen].sort()).toEqual(['test-1', 'test-2', 'test-3']);
  });

  it('sends each new WebSocket to the instance holding the fewest, so an emptied instance fills up again', async () => {
    const counts = async () => Promise.all(cluster.servers.map(async (server) => (await health(server.url)).connectedClients));
    const open: Array<{ client: Client; instance: number }> = [];
    onTestFinished(() => Promise.all(open.map(({ client }) => client.dispose())).then(() => undefined));
    const connect = async () => {
      const before = await counts();
      const client = wsClient(lb.wsUrl, undefined, { lazy: false });
      await new Promise<void>((resolve, reject) => {
        client.on('connected', () => resolve());
        client.on('error', reject);
      });
      const after = await counts();
      open.push({ client, instance: after.findIndex((count, i) => count > (before[i] ?? 0)) });
    };

    for (let i = 0; i < 6; i++) await connect();
    expect(await counts()).toEqual([2, 2, 2]);
    // Empty one instance (as after its restart); round robin would now still spread new sockets
    // over all three, least_conn sends them all to the empty one.
    const emptied = open.find(({ instance }) => instance >= 0)?.instance ?? 0;
    for (const entry of open.filter(({ instance }) => instance === emptied)) await entry.client.dispose();
    const deadline = Date.now() + 5_000;
    while ((await counts())[emptied] !== 0 && Date.now() < deadline) await sleep(50);
    await connect();
    await connect();
    expect(await counts()).toEqual([2, 2, 2]);
  });

  it('delivers changes made through nginx to a WebSocket and an SSE subscriber connected through nginx, SSE without buffering', async () => {
    const { token } = await signUp(lb.url, 'Balanced');
    const client = wsClient(lb.wsUrl);
    onTestFinished(() => client.dispose());
    const overWs = subscribeWs(client, RECIPE_CHANGED);
    const overSse = subscribeSse(lb.url, RECIPE_CHANGED);
    onTestFinished(() => {
      overWs.stop();
      overSse.stop();
    });
    await overSse.opened;
    await untilSubscriptions(cluster, 2);

    const created = (
      await ok(lb.url, CREATE_RECIPE, { input: { title: 'Through nginx', ingredients: ['a'], steps: ['b'], tags: [] } }, token)
    ).createRecipe as { id: string };
    // One small event on a stream that stays open: a buffering proxy would hold it back.
    const [first] = await overSse.waitFor(1, 5_000);
    expect(overSse.completed).toBe(false);
    expect(first).toMatchObject({ kind: 'CREATED', recipeId: created.id });

    await ok(lb.url, UPDATE_RECIPE, { id: created.id, input: { title: 'Still through nginx' } }, token);
    for (const stream of [overWs, overSse]) {
      const events = await stream.waitFor(2, 10_000);
      expect(events.map((event) => [event.kind, event.recipe?.version])).toEqual([
        ['CREATED', 1],
        ['UPDATED', 2],
      ]);
    }
    expect(overSse.completed).toBe(false);
  });

  it('passes a caller X-Request-Id through to the instance that served it and echoes it back, and mints one otherwise', async () => {
    const reqId = `ops-${randomBytes(6).toString('hex')}`;
    const response = await fetch(`${lb.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': reqId },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(reqId);

    const servedBy = async () => {
      for (let i = 0; i < 50; i++) {
        const found = cluster.servers.filter((server) => server.output().includes(`"reqId":"${reqId}"`));
        if (found.length > 0) return found;
        await sleep(100);
      }
      return [];
    };
    expect(await servedBy()).toHaveLength(1);
    expect((await lb.accessLog()).some((line) => line.reqId === reqId && line.uri === '/graphql')).toBe(true);

    const minted = (await fetch(`${lb.url}/health`)).headers.get('x-request-id');
    // nginx's $request_id: 32 hex digits, made by the balancer, not the instance.
    expect(minted).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps /metrics for direct scrapes of each instance, not the public entry point', async () => {
    expect((await fetch(`${lb.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${cluster.servers[0]?.url}/metrics`)).status).toBe(200);
  });
});
