import { createClient } from 'graphql-sse';

/** GraphQL over SSE in distinct-connections mode (one request per subscription), which Yoga serves. */
export function createSseClient(url: string, token?: string) {
  return createClient({
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: Infinity,
  });
}

export const RECIPE_CHANGED = /* GraphQL */ `
  subscription RecipeChanged($after: String) {
    recipeChanged(after: $after) { kind recipeId cursor recipe { title version } }
  }
`;

/** Reads the stream as an async iterator; `after` resumes from the last cursor seen. */
export async function* recipeChanges(client: ReturnType<typeof createSseClient>, after: string | null) {
  for await (const result of client.iterate<{ recipeChanged: { kind: string; recipeId: string; cursor: string } }>({
    query: RECIPE_CHANGED,
    variables: { after },
  })) {
    if (result.errors) throw new Error(result.errors.map((error) => error.message).join('; '));
    if (result.data) yield result.data.recipeChanged;
  }
}
