import { Client, fetchExchange, gql, subscriptionExchange } from '@urql/core';
import { cacheExchange } from '@urql/exchange-graphcache';
import { createClient as createWsClient } from 'graphql-ws';

export function createUrqlClient(options: { url: string; wsUrl: string; token?: string; webSocketImpl?: unknown }) {
  const authorization = options.token ? `Bearer ${options.token}` : undefined;
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const ws = createWsClient({
    url: options.wsUrl,
    webSocketImpl: options.webSocketImpl,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: Infinity,
  });
  return new Client({
    url: options.url,
    fetchOptions: () => ({ headers }),
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
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
}

export const RECIPE_CHANGED = gql`
  subscription RecipeChanged($after: String) {
    recipeChanged(after: $after) { kind recipeId cursor recipe { id title version } }
  }
`;
