import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp } from '../support/clients.js';
import { waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { createSseClient, recipeChanges } from './snippets/graphql-sse.js';

describe('graphql-sse’s client, as docs/clients.md uses it', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('receives recipeChanged over SSE and resumes after a cursor with exactly what came later', async () => {
    const author = await signUp(server.url, 'Sse');
    const client = createSseClient(`${server.url}/graphql`, () => author.token);
    const live = recipeChanges(client, null);
    const first = live.next();
    await waitForSubscriptions(server.url, 1);
    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Over SSE' } }, author.token);
    const created = (await first).value;
    expect(created).toMatchObject({ kind: 'CREATED', recipeId: createRecipe.id, recipe: { title: 'Over SSE', version: 1 } });
    await live.return(undefined);

    await ok(server.url, UPDATE_RECIPE, { id: createRecipe.id, input: { title: 'Edited while away' } }, author.token);
    const resumed = recipeChanges(client, created?.cursor ?? null);
    const replayed = (await resumed.next()).value;
    expect(replayed).toMatchObject({ kind: 'UPDATED', recipeId: createRecipe.id, recipe: { title: 'Edited while away', version: 2 } });
    await resumed.return(undefined);
    client.dispose();
  });
});
