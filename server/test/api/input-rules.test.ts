import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { gql, ok, signUp } from '../support/clients.js';
import { CREATE_BLOG, CREATE_RECIPE, UPDATE_BLOG, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const RECIPE = graphql(`query InputRules_Recipe($id: ID!) { recipe(id: $id) { title servings tags version } }`);
const COUNT = graphql(`query InputRules_Recipes { recipes(first: 100) { edges { node { id } } } }`);

describe('input rules', () => {
  let server: RunningServer;
  let cook: { token: string };

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
    cook = await signUp(server.url, 'Rules');
  });
  afterAll(async () => {
    await server?.stop();
  });

  const recipeCount = async () => (await ok(server.url, COUNT)).recipes.edges.length as number;

  it('refuses servings 0 with BAD_USER_INPUT on create and update, and writes nothing', async () => {
    const before = await recipeCount();
    const refused = await gql(server.url, CREATE_RECIPE, { input: { title: 'Nobody eats', servings: 0 } }, cook.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toBe('input.servings must be at least 1');
    expect(await recipeCount()).toBe(before);

    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'For one', servings: 1 } }, cook.token);
    const update = await gql(server.url, UPDATE_RECIPE, { id: createRecipe.id, input: { servings: 0 } }, cook.token);
    expect(update.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await ok(server.url, RECIPE, { id: createRecipe.id })).recipe).toMatchObject({ servings: 1, version: 1 });
  });

  it('stores a tag repeated in another case once, at its first spelling, on recipes and blogs', async () => {
    const tags = ['Bread', 'bread', ' BREAD ', 'rye', 'Rye'];
    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Loaf', tags } }, cook.token);
    expect(createRecipe.tags).toEqual(['Bread', 'rye']);
    const { updateRecipe } = await ok(
      server.url,
      UPDATE_RECIPE,
      { id: createRecipe.id, input: { tags: ['sour', 'Sour', 'Bread'] } },
      cook.token,
    );
    expect(updateRecipe.tags).toEqual(['sour', 'Bread']);

    const { createBlog } = await ok(server.url, CREATE_BLOG, { input: { title: 'Notes', body: 'b', tags: ['News', 'news'] } }, cook.token);
    expect(createBlog.tags).toEqual(['News']);
    const { updateBlog } = await ok(server.url, UPDATE_BLOG, { id: createBlog.id, input: { tags: ['a', 'A', 'b'] } }, cook.token);
    expect(updateBlog.tags).toEqual(['a', 'b']);
  });

  it('answers a stale expectedVersion with CONFLICT stating the current version, without guessing why, and changes nothing', async () => {
    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Version one' } }, cook.token);
    const stale = await gql(server.url, UPDATE_RECIPE, { id: createRecipe.id, input: { title: 'Ahead', expectedVersion: 7 } }, cook.token);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 1 });
    expect(stale.errors?.[0]?.message).toBe('expectedVersion is 7, but this recipe is at version 1; reload it and try again.');
    expect((await ok(server.url, RECIPE, { id: createRecipe.id })).recipe).toMatchObject({ title: 'Version one', version: 1 });
  });
});
