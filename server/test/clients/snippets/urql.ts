import { createLiveClient, type LiveClientOptions } from '@live-recipes/client';
import { liveSubscriptionExchange } from '@live-recipes/client/urql';
import { Client, fetchExchange, gql } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';

/**
 * `token` is asked before every connection and again when the server refuses one. On Node 20 pass
 * `webSocketImpl` (the `ws` package's WebSocket); browsers and Node 22 have their own.
 */
export function createUrqlClient(options: Pick<LiveClientOptions, 'token' | 'webSocketImpl' | 'onState' | 'onError'> & { url: string }) {
  const live = createLiveClient({ ...options, url: options.url });
  const client = new Client({
    url: options.url,
    // The provider may be async, which `fetchOptions` may not: add the header in `fetch`.
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      const token = await options.token?.({ rejected: null });
      if (token) headers.set('authorization', `Bearer ${token}`);
      return fetch(input, { ...init, headers });
    },
    exchanges: [
      cacheExchange({
        // Change events have no id: embed them in their result instead of warning about them.
        keys: { RecipeChange: () => null, BlogChange: () => null, PageInfo: () => null },
        updates: {
          Subscription: {
            // CREATED/UPDATED carry the Recipe, which graphcache normalises by itself.
            recipeChanged(result, _args, cache) {
              const change = result.recipeChanged as { kind: string; recipeId: string };
              if (change.kind === 'DELETED') cache.invalidate({ __typename: 'Recipe', id: change.recipeId });
            },
          },
        },
      }),
      fetchExchange,
      // Every subscription resumes from its last cursor after a reconnect, on any instance.
      liveSubscriptionExchange(live),
    ],
  });
  return { client, live };
}

export const RECIPE_CHANGED = gql`
  subscription RecipeChanged($after: String) {
    recipeChanged(after: $after) { kind recipeId cursor recipe { id title version } }
  }
`;
