import { describe, expect, it } from 'vitest';
import { UpdateRecipeMutation } from '../../src/features/recipes/recipe-form-page';
import { RecipesListQuery } from '../../src/features/recipes/recipes-page';
import { RecipeDetailPage_DeleteDocument } from '../../src/graphql/generated/graphql';
import { conflictVersion } from '../../src/lib/graphql-errors';
import { createCacheHarness } from './support/cache-harness';
import { at, connection, recipe } from './support/fixtures';

const all = { first: 10, after: null, filter: null };
const original = recipe('R1', { title: 'Original', createdAt: at(1) });

/** A server whose answer to mutations the test releases by hand, to look at the cache meanwhile. */
function slowServer() {
  let release: (answer: unknown) => void = () => {};
  const answer = new Promise<unknown>((resolve) => {
    release = resolve;
  });
  const respond = (operationName: string) =>
    operationName === 'RecipesPage_List' ? { data: { recipes: connection('Recipe', [original]) } } : answer;
  return { respond, release: (value: unknown) => release(value) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the viewer's own edits", () => {
  it('show in every list before the server answers, and roll back when it answers CONFLICT', async () => {
    const server = slowServer();
    const harness = createCacheHarness(server.respond);
    await harness.load(RecipesListQuery, all);

    const saving = harness.client.mutation(UpdateRecipeMutation, { id: 'R1', input: { title: 'Mine', expectedVersion: 1 } }).toPromise();
    await tick();
    expect(harness.read(RecipesListQuery, all)?.recipes.edges.map((edge) => edge.node.title)).toEqual(['Mine']);

    server.release({
      data: null,
      errors: [{ message: 'changed by someone else', path: ['updateRecipe'], extensions: { code: 'CONFLICT', currentVersion: 2 } }],
    });
    const result = await saving;
    await tick();

    expect(conflictVersion(result.error)).toBe(2);
    expect(harness.read(RecipesListQuery, all)?.recipes.edges.map((edge) => edge.node.title)).toEqual(['Original']);
  });

  it('take a deleted recipe out of the lists at once, and keep it out once the server confirms', async () => {
    const server = slowServer();
    const harness = createCacheHarness(server.respond);
    await harness.load(RecipesListQuery, all);

    const deleting = harness.client.mutation(RecipeDetailPage_DeleteDocument, { id: 'R1' }).toPromise();
    await tick();
    expect(harness.read(RecipesListQuery, all)?.recipes.edges).toEqual([]);

    server.release({ data: { deleteRecipe: 'R1' } });
    await deleting;
    await tick();
    expect(harness.read(RecipesListQuery, all)?.recipes.edges).toEqual([]);
  });
});
