import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
// Generated beside schema.graphql by `npm run schema`; copy both when the API changes.
import possibleTypes from '../../../../possible-types.json' with { type: 'json' };

export function createApolloClient(options: { httpUrl: string; wsUrl: string; token?: string; webSocketImpl?: unknown }) {
  const authorization = options.token ? `Bearer ${options.token}` : undefined;
  const http = new HttpLink({ uri: options.httpUrl, headers: authorization ? { authorization } : {} });
  const ws = new GraphQLWsLink(
    createClient({
      url: options.wsUrl,
      webSocketImpl: options.webSocketImpl,
      connectionParams: authorization ? { authorization } : {},
      retryAttempts: Infinity,
    }),
  );
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    link: ApolloLink.split(isSubscription, ws, http),
    cache: new InMemoryCache({
      // Without it, fields selected through the Node and Change interfaces are dropped.
      possibleTypes,
      typePolicies: {
        // Events have no id of their own: keep them inside their subscription result.
        RecipeChange: { keyFields: false },
        BlogChange: { keyFields: false },
      },
    }),
  });
}

export const RECIPE_CHANGED = gql`
  fragment ChangeFields on Change {
    kind
    cursor
    occurredAt
  }
  subscription RecipeChanged($after: String) {
    recipeChanged(after: $after) {
      ...ChangeFields
      recipeId
      recipe { id title version tags }
    }
  }
`;

interface RecipeChange {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  recipeId: string;
  cursor: string;
  occurredAt: string;
  recipe: { id: string; title: string; version: number; tags: string[] } | null;
}

/**
 * CREATED and UPDATED need nothing: the event carries the Recipe, and the cache normalises it
 * over what it holds. DELETED carries no Recipe, so the entity is evicted by hand. Keep the
 * last cursor and pass it as `after` to resume without a gap.
 */
export function followRecipes(client: ApolloClient, after: string | null, onChange: (change: RecipeChange) => void) {
  return client.subscribe<{ recipeChanged: RecipeChange }>({ query: RECIPE_CHANGED, variables: { after } }).subscribe({
    next: ({ data }) => {
      const change = data?.recipeChanged;
      if (!change) return;
      if (change.kind === 'DELETED') {
        client.cache.evict({ id: client.cache.identify({ __typename: 'Recipe', id: change.recipeId }) });
        client.cache.gc();
      }
      onChange(change);
    },
  });
}
