import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp, subscribeWs, wsClient } from '../support/clients.js';
import { type Cluster, startCluster, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';
import { openAcknowledgedRawWebSocket } from '../support/raw-websocket.js';
import type { ServerProcess } from '../support/servers.js';

const MAX_QUEUED_EVENTS = 5;
const SUBSCRIPTIONS_ON_HEAVY_SOCKET = 20;
/** The advisory lock sequence_changes() takes (migration 0003). */
const SEQUENCER_LOCK = 727_311_002;

describe('an instance whose fan-out falls behind (MAX_QUEUED_EVENTS)', () => {
  let cluster: Cluster;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = await startCluster(1, { MAX_QUEUED_EVENTS: String(MAX_QUEUED_EVENTS) });
    server = cluster.servers[0] as ServerProcess;
  });
  afterAll(() => cluster?.stop());

  it('closes with 1013 the socket whose subscriptions cost it the most, and every other subscriber gets every change in order', async () => {
    const cook = await signUp(server.url, 'Burst');
    const { createRecipe: recipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Burst 0' } }, cook.token);

    // Twenty documents of its own: twenty executions per change that no other subscriber shares.
    const heavy = await openAcknowledgedRawWebSocket(server.port);
    for (let i = 0; i < SUBSCRIPTIONS_ON_HEAVY_SOCKET; i++) {
      heavy.send({
        id: String(i),
        type: 'subscribe',
        payload: {
          query: `subscription Heavy${i} { watch${i}: recipeChanged { kind cursor recipe { id title version } } }`,
        },
      });
    }
    const client = wsClient(server.wsUrl);
    const light = subscribeWs(client, RECIPE_CHANGED, { id: recipe.id });
    await waitForSubscriptions(server.url, SUBSCRIPTIONS_ON_HEAVY_SOCKET + 1);

    // While the test holds the sequencer's lock, the writes commit without positions; once it lets
    // go, one sequencer call gives all of them theirs and the feed hands the fan-out the whole batch
    // at once: more changes waiting than MAX_QUEUED_EVENTS.
    const BURST = 15;
    const burst = `mutation Burst($id: ID!) { ${Array.from(
      { length: BURST },
      (_, i) => `w${i}: updateRecipe(id: $id, input: { title: "Take ${i}" }) { version }`,
    ).join(' ')} }`;
    const sql = postgres(cluster.db.url, { max: 1, onnotice: () => {} });
    try {
      await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(${SEQUENCER_LOCK})`;
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${cook.token}` },
          body: JSON.stringify({ query: burst, variables: { id: recipe.id } }),
        });
        const body = (await response.json()) as { errors?: unknown };
        expect(JSON.stringify(body.errors ?? null)).toBe('null');
      });
    } finally {
      await sql.end();
    }
    const written = BURST;

    expect(await heavy.closed).toBe(1013);
    // The instance says why in its log (written asynchronously, so it may follow the close).
    for (let i = 0; i < 40 && !/the fan-out fell behind/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 50));
    expect(server.output()).toMatch(/the fan-out fell behind/);
    const events = await light.waitFor(written, 20_000);
    expect(events.map((event) => event.recipe?.version)).toEqual(Array.from({ length: written }, (_, i) => i + 2));
    expect(server.child.exitCode).toBeNull();

    // The instance serves on: a new subscriber after the cut gets the next write.
    const after = subscribeWs(client, RECIPE_CHANGED, { id: recipe.id });
    await waitForSubscriptions(server.url, 2);
    await ok(server.url, UPDATE_RECIPE, { id: recipe.id, input: { title: 'After' } }, cook.token);
    const [next] = await after.waitFor(1);
    expect(next?.recipe?.title).toBe('After');
    light.stop();
    after.stop();
    await client.dispose();
  });
});
