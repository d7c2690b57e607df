import { createLiveClient, type LiveClientOptions } from '@live-recipes/client';

/** GraphQL over SSE (distinct connections, as Yoga serves it); nothing to install in Node 20 or a browser. */
export function createSseClient(url: string, token?: LiveClientOptions['token']) {
  return createLiveClient({ url, token, transport: 'sse' });
}

export const RECIPE_CHANGED = /* GraphQL */ `
  subscription RecipeChanged($after: String) {
    recipeChanged(after: $after) { kind recipeId cursor recipe { title version } }
  }
`;

interface RecipeChange {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  recipeId: string;
  cursor: string;
  recipe: { title: string; version: number } | null;
}

/**
 * Every change after `after` (null: from now), as an async iterator; dropped streams reopen after
 * the last change yielded. It throws a CursorError (`reason`: refetch, then start again with null),
 * an AuthenticationError, or a GraphqlResultError whose `errors` keep their `extensions`.
 */
export async function* recipeChanges(client: ReturnType<typeof createSseClient>, after: string | null) {
  for await (const data of client.iterate<{ recipeChanged: RecipeChange }, { after: string | null }>(RECIPE_CHANGED, { after })) {
    yield data.recipeChanged;
  }
}
