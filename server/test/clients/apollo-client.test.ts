import { gql } from '@apollo/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually, ok, signUp } from '../support/clients.js';
import { health, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE, DELETE_RECIPE, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { createApolloClient, followRecipes } from './snippets/apollo-client.js';

const TITLE = gql`
  fragment CachedRecipe on Recipe {
    title
    version
  }
`;

describe('Apollo Client 4, as docs/clients.md sets it up', () => {
  let server: RunningServer;
  let author: { token: string };

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
    author = await signUp(server.url, 'Apollo');
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('follows recipeChanged over graphql-ws: the cache takes each UPDATED, evicts on DELETED, and resumes with after', async () => {
    const { client, live: connection } = createApolloClient({ httpUrl: `${server.url}/graphql`, webSocketImpl: WebSocket });
    const changes: Array<{ kind: string; cursor: string; recipeId: string }> = [];
    const until = (count: number) =>
      eventually(
        async () => changes.length,
        (n) => n >= count,
      );
    const cached = (id: string) => client.cache.readFragment({ id: client.cache.identify({ __typename: 'Recipe', id }), fragment: TITLE });

    const live = followRecipes(client, null, (change) => changes.push(change));
    await waitForSubscriptions(server.url, 1);
    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Soda bread' } }, author.token);
    await until(1);
    expect(changes[0]).toMatchObject({ kind: 'CREATED', recipeId: createRecipe.id });
    expect(changes[0]?.cursor).toEqual(expect.any(String));
    expect(cached(createRecipe.id)).toEqual({ __typename: 'Recipe', title: 'Soda bread', version: 1 });

    await ok(server.url, UPDATE_RECIPE, { id: createRecipe.id, input: { title: 'Irish soda bread' } }, author.token);
    await until(2);
    expect(cached(createRecipe.id)).toEqual({ __typename: 'Recipe', title: 'Irish soda bread', version: 2 });

    await ok(server.url, DELETE_RECIPE, { id: createRecipe.id }, author.token);
    await until(3);
    expect(changes[2]?.kind).toBe('DELETED');
    expect(cached(createRecipe.id)).toBeNull();

    // Offline: two writes happen; the resumed subscription replays exactly those, then goes live.
    live.unsubscribe();
    await eventually(
      () => health(server.url),
      (h) => h.activeSubscriptions === 0,
    );
    const last = changes[2]?.cursor ?? null;
    const { createRecipe: missed } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Missed' } }, author.token);
    await ok(server.url, UPDATE_RECIPE, { id: missed.id, input: { title: 'Missed, then edited' } }, author.token);
    const resumed = followRecipes(client, last, (change) => changes.push(change));
    await until(5);
    expect(changes.slice(3).map((c) => [c.kind, c.recipeId])).toEqual([
      ['CREATED', missed.id],
      ['UPDATED', missed.id],
    ]);
    expect(cached(missed.id)).toEqual({ __typename: 'Recipe', title: 'Missed, then edited', version: 2 });
    resumed.unsubscribe();
    client.stop();
    connection.dispose();
  });
});
