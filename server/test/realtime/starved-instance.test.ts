import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp } from '../support/clients.js';
import { type Cluster, startCluster } from '../support/cluster.js';
import { ADD_COMMENT, CREATE_RECIPE } from '../support/operations.js';
import type { ServerProcess } from '../support/servers.js';

const UPDATE = 'mutation ($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { version } }';

/** One update with a deadline: resolves with whether it was answered without errors in time. */
async function updateWithin(url: string, token: string, id: string, title: string, ms: number): Promise<boolean> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: UPDATE, variables: { id, input: { title } } }),
      signal: AbortSignal.timeout(ms),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    return response.ok && !body.errors;
  } catch {
    return false;
  }
}

describe('an instance whose event loop stalls', () => {
  let cluster: Cluster;
  let stalled: ServerProcess;
  let healthy: ServerProcess;

  beforeAll(async () => {
    cluster = await startCluster(2);
    [stalled, healthy] = cluster.servers as [ServerProcess, ServerProcess];
  });
  afterAll(async () => {
    stalled?.child.kill('SIGCONT');
    await cluster?.stop();
  });

  it('holds nothing that writes through another instance wait for, however many of its own writes it is in the middle of', async () => {
    const cook = await signUp(healthy.url, 'Dee');
    const create = async (title: string) => (await ok(healthy.url, CREATE_RECIPE, { input: { title } }, cook.token)).createRecipe.id;
    const busy = await Promise.all(Array.from({ length: 16 }, (_, i) => create(`Busy ${i}`)));
    const calm = await Promise.all(Array.from({ length: 4 }, (_, i) => create(`Calm ${i}`)));

    // Writes and comments pour into one instance, which then stops dead in the middle of them, as
    // an instance starved by its event loop or paused by its host does.
    let pouring = true;
    const pour = busy.map(async (id) => {
      for (let n = 0; pouring; n++) {
        await Promise.all([
          updateWithin(stalled.url, cook.token, id, `busy ${n}`, 60_000),
          ok(stalled.url, ADD_COMMENT, { input: { targetId: id, body: `note ${n}` } }, cook.token).catch(() => {}),
        ]);
      }
    });
    await sleep(400);
    stalled.child.kill('SIGSTOP');
    await sleep(200);

    // Every write through the healthy instance is answered, none waits for the stopped one.
    const answered = await Promise.all(
      Array.from({ length: 12 }, (_, n) => updateWithin(healthy.url, cook.token, calm[n % calm.length] as string, `calm ${n}`, 5_000)),
    );
    expect(answered).toEqual(Array(12).fill(true));

    pouring = false;
    stalled.child.kill('SIGCONT');
    await Promise.all(pour);
  });
});
