import { retryExchange } from '@urql/exchange-retry';
import { Client, type Exchange, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createNewItems, type HeldNewItems } from '../lib/new-items';
import { createCacheExchange } from './cache/cache-exchange';
import { blogMatchesFilter, recipeMatchesFilter } from './cache/list-filters';
import type { BlogFilter, RecipeFilter } from './generated/graphql';
import type { LiveState } from './live/live-state';
import { createLiveTransport, type LiveTransportOptions } from './live/live-transport';

export interface AppClientOptions {
  /** Where /graphql lives, e.g. `http://localhost:4000`; the page's own origin in the browser. */
  origin: string;
  /** The viewer's current token, read for every request and (re)connection, so a refreshed one is used at once. */
  token(): string | null;
  onLiveState(state: LiveState): void;
  /** The server refused the token: the caller signs the viewer out. */
  onAuthRejected(): void;
  onLiveChange?(id: string): void;
  /** The signed-in viewer, whose own new recipes and posts go straight into the lists; null when signed out. */
  viewerId?: string | null;
  /** Test seams for Node, where there is no browser WebSocket or window. */
  transport?: Pick<LiveTransportOptions, 'webSocketImpl' | 'events' | 'wsFailuresBeforeSse' | 'backoff'>;
}

export interface AppClient {
  client: Client;
  /** The live connection's state now; changes after this arrive through `onLiveState`. */
  liveState(): LiveState;
  /** Recipes and posts others created that wait behind the lists' "N new — show" bars. */
  newItems: HeldNewItems;
  /** The token was refreshed: the live connection moves to it, resuming every subscription from its cursor. */
  reauthenticate(): void;
  dispose(): void;
}

/**
 * One urql client per viewer: it is made anew when the viewer changes, so the cache never mixes
 * what two viewers may see (drafts). A refreshed token for the same viewer keeps the client and
 * its cache; requests and the next connection_init simply carry the new token.
 */
export function createAppClient(options: AppClientOptions): AppClient {
  const { origin, token } = options;
  const httpUrl = `${origin}/graphql`;
  const live = createLiveTransport({
    wsUrl: httpUrl.replace(/^http/, 'ws'),
    httpUrl,
    token,
    onState: options.onLiveState,
    onAuthRejected: options.onAuthRejected,
    ...options.transport,
  });

  // A stale token on HTTP is UNAUTHENTICATED, never anonymous: sign out rather than keep failing.
  // Only request-level errors (no `path`) mean the token; a wrong password on signIn has a path.
  const signOutOnRejectedToken: Exchange = mapExchange({
    onError(error) {
      if (token() && error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && !e.path)) options.onAuthRejected();
    },
  });

  const newItems: HeldNewItems = {
    recipes: createNewItems<RecipeFilter | null>(recipeMatchesFilter),
    blogs: createNewItems<BlogFilter | null>(blogMatchesFilter),
  };
  const client = new Client({
    url: httpUrl,
    requestPolicy: 'cache-first',
    fetchOptions: () => {
      const current = token();
      return current ? { headers: { authorization: `Bearer ${current}` } } : {};
    },
    exchanges: [
      signOutOnRejectedToken,
      createCacheExchange({ onLiveChange: options.onLiveChange, newItems: { ...newItems, viewerId: options.viewerId ?? null } }),
      // A query that meets an instance going away (a 502 from the proxy, a reset connection) is
      // asked again on another, as a page reload would; a mutation is never sent twice.
      retryExchange({
        initialDelayMs: 250,
        maxDelayMs: 4_000,
        randomDelay: true,
        maxNumberAttempts: 5,
        retryIf: (error, operation) => operation.kind === 'query' && Boolean(error.networkError),
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: live.subscribe(
              {
                query: request.query ?? '',
                operationName: request.operationName,
                variables: { ...request.variables },
                extensions: request.extensions,
              },
              sink,
            ),
          }),
        }),
      }),
    ],
  });
  return { client, newItems, liveState: () => live.state(), reauthenticate: () => live.reauthenticate(), dispose: () => live.dispose() };
}
