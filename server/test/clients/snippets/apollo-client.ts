import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { getMainDefinition } from '@apollo/client/utilities';
import { createLiveClient, type LiveClientOptions } from '@live-recipes/client';
import { LiveLink } from '@live-recipes/client/apollo';
// Copied beside this file from the API (`npm run schema` writes it next to schema.graphql).
import possibleTypes from './possible-types.json' with { type: 'json' };

/**
 * `token` is asked before every connection and again when the server refuses one; when it cannot
 * give a valid token the subscriptions end with an AuthenticationError instead of retrying forever.
 * On Node 20 pass `webSocketImpl` (the `ws` package's WebSocket); browsers and Node 22 have their own.
 */
export function createApolloClient(options: Pick<LiveClientOptions, 'token' | 'webSocketImpl' | 'onState'> & { httpUrl: string }) {
  const live = createLiveClient({
    url: options.httpUrl,
    token: options.token,
    webSocketImpl: options.webSocketImpl,
    onState: options.onState,
  });
  const auth = new SetContextLink(async ({ headers }) => {
    const token = await options.token?.({ rejected: null });
    return { headers: token ? { ...headers, authorization: `Bearer ${token}` } : headers };
  });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  const client = new ApolloClient({
    // Subscriptions resume from their last cursor after every reconnect; see @live-recipes/client.
    link: ApolloLink.split(isSubscription, new LiveLink(live), ApolloLink.from([auth, new HttpLink({ uri: options.httpUrl })])),
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
  return { client, live };
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

export interface RecipeChange {
  kind: 'CREATED' | 'UPDATED' | 'DELETED';
  recipeId: string;
  cursor: string;
  occurredAt: string;
  recipe: { id: string; title: string; version: number; tags: string[] } | null;
}

/**
 * CREATED and UPDATED need nothing: the event carries the Recipe, and the cache normalises it
 * over what it holds. DELETED carries no Recipe, so the entity is evicted by hand. `after` is the
 * cursor this process last handled (null: from now); reconnects resume by themselves. `onError`
 * gets a CursorError (refetch, then follow again with null) or an AuthenticationError (sign in).
 */
export function followRecipes(
  client: ApolloClient,
  after: string | null,
  onChange: (change: RecipeChange) => void,
  onError: (error: unknown) => void = (error) => console.error(error),
) {
  return client.subscribe<{ recipeChanged: RecipeChange }>({ query: RECIPE_CHANGED, variables: { after } }).subscribe({
    next: ({ data, error }) => {
      if (error) return onError(error);
      const change = data?.recipeChanged;
      if (!change) return;
      if (change.kind === 'DELETED') {
        client.cache.evict({ id: client.cache.identify({ __typename: 'Recipe', id: change.recipeId }) });
        client.cache.gc();
      }
      onChange(change);
    },
    error: onError,
  });
}
