import { gql } from '@urql/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually, ok, signUp } from '../support/clients.js';
import { waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, DELETE_RECIPE, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { createUrqlClient, RECIPE_CHANGED } from './snippets/urql.js';

const RECIPE = gql`
  query Recipe($id: ID!) {
    recipe(id: $id) { id title version }
  }
`;

describe('@urql/core with graphcache, as docs/clients.md sets it up', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('keeps a cached recipe current from recipeChanged and drops it on DELETED', async () => {
    const author = await signUp(server.url, 'Urql');
    const { client, live: connection } = createUrqlClient({ url: `${server.url}/graphql`, webSocketImpl: WebSocket });
    const kinds: string[] = [];
    const live = client.subscription(RECIPE_CHANGED, { after: null }).subscribe((result) => {
      if (result.data) kinds.push(result.data.recipeChanged.kind);
    });
    await waitForSubscriptions(server.url, 1);
    const cached = async (id: string) => (await client.query(RECIPE, { id }, { requestPolicy: 'cache-only' }).toPromise()).data?.recipe;
    const until = (count: number) =>
      eventually(
        async () => kinds.length,
        (n) => n >= count,
      );

    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Urql bread' } }, author.token);
    expect((await client.query(RECIPE, { id: createRecipe.id }).toPromise()).data?.recipe).toMatchObject({ title: 'Urql bread' });
    await ok(server.url, UPDATE_RECIPE, { id: createRecipe.id, input: { title: 'Urql rye' } }, author.token);
    await until(2);
    expect(await cached(createRecipe.id)).toMatchObject({ title: 'Urql rye', version: 2 });

    await ok(server.url, DELETE_RECIPE, { id: createRecipe.id }, author.token);
    await until(3);
    expect(kinds).toEqual(['CREATED', 'UPDATED', 'DELETED']);
    expect(await cached(createRecipe.id)).toBeFalsy();
    live.unsubscribe();
    connection.dispose();
  });
});
