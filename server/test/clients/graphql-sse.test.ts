import { createLiveClient } from '@live-recipes/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp } from '../support/clients.js';
import { settle, until, waitForNoSubscriptions, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { createSseClient, RECIPE_CHANGED, recipeChanges } from './snippets/graphql-sse.js';

describe('graphql-sse’s client, as docs/clients.md uses it', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
  });
  afterAll(async () => {
    await server?.stop();
  });
  // A test's waitForSubscriptions counts every subscription on the instance: the next test starts
  // once the ones this test closed are gone from that count.
  afterEach(async () => {
    await waitForNoSubscriptions(server.url);
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

  it('reopens the stream with the new token on reauthenticate, through graphql-sse’s own retry, with nothing lost or repeated at the seam', async () => {
    const first = await signUp(server.url, 'First');
    const second = await signUp(server.url, 'Second');
    let token = first.token;
    // The token each stream request carried, in order.
    const streams: Array<string | null> = [];
    const client = createLiveClient({
      url: `${server.url}/graphql`,
      transport: 'sse',
      token: () => token,
      fetchImpl: (input, init) => {
        streams.push(new Headers(init?.headers).get('authorization'));
        return fetch(input, init);
      },
    });
    const seen: string[] = [];
    const subscription = client.subscribe<{ recipeChanged: { recipeId: string } }, { after: string | null }>(
      RECIPE_CHANGED,
      { after: null },
      { next: (data) => seen.push(data.recipeChanged.recipeId) },
    );
    await waitForSubscriptions(server.url, 1);
    const written: string[] = [];
    const write = async (title: string) =>
      written.push((await ok(server.url, CREATE_RECIPE, { input: { title } }, first.token)).createRecipe.id);
    await write('Before 1');
    await write('Before 2');
    await until(() => seen.length === 2, 'the first two changes arrived');

    // A refreshed token: the stream is dropped and reopened with it, from the cursor, while writes go on.
    token = second.token;
    client.reauthenticate();
    await write('During 1');
    await write('During 2');
    await until(() => seen.length >= 4, 'the changes made across the reopen arrived');
    await settle();
    expect(seen).toEqual(written);
    expect(streams).toEqual([`Bearer ${first.token}`, `Bearer ${second.token}`]);
    subscription();
    client.dispose();
  });
});
