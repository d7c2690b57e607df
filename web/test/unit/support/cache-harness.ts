import { cacheExchange } from '@urql/exchange-graphcache';
import { Client, type ExecutionResult, fetchExchange, type OperationResult, subscriptionExchange, type TypedDocumentNode } from 'urql';
import {
  BlogChangedSubscription,
  NotificationChangedSubscription,
  RecipeChangedSubscription,
} from '../../../src/features/live/live-updates';
import { type CacheOptions, createCacheConfig } from '../../../src/graphql/cache/cache-exchange';

/** The app's subscription operations by root field. */
const SUBSCRIPTIONS: Record<string, string> = {
  recipeChanged: 'LiveUpdates_RecipeChanged',
  blogChanged: 'LiveUpdates_BlogChanged',
  notificationChanged: 'LiveUpdates_NotificationChanged',
  commentChanged: 'CommentThread_CommentChanged',
};

export type Responder = (operationName: string, variables: Record<string, unknown>) => unknown;

interface Sink {
  next(result: ExecutionResult): void;
  complete(): void;
}

/**
 * The app's real graphcache config inside a real urql client. Only the far side is stood in for:
 * HTTP answers come from `respond` (a function of the operation), and live events are pushed by
 * the test through the subscription exchange, as the live transport would push them.
 */
export function createCacheHarness(respond: Responder, options: Omit<CacheOptions, 'onLiveChange'> = {}) {
  const highlighted: string[] = [];
  const feeds = new Map<string, Sink>();
  const client = new Client({
    url: 'http://cache.test/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-first',
    fetch: async (_input, init) => {
      const body = JSON.parse(String(init?.body)) as { operationName: string; variables?: Record<string, unknown> };
      const result = await respond(body.operationName, body.variables ?? {});
      return new Response(JSON.stringify(result), { headers: { 'content-type': 'application/json' } });
    },
    exchanges: [
      cacheExchange(createCacheConfig({ ...options, onLiveChange: (id) => highlighted.push(id) })),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe(sink) {
            feeds.set(request.operationName ?? '', sink);
            return { unsubscribe: () => feeds.delete(request.operationName ?? '') };
          },
        }),
      }),
    ],
  });
  // The app keeps these feeds open all the time (LiveUpdates, for a signed-in viewer); so does the harness.
  client.subscription(RecipeChangedSubscription, {}).subscribe(() => {});
  client.subscription(BlogChangedSubscription, {}).subscribe(() => {});
  client.subscription(NotificationChangedSubscription, {}).subscribe(() => {});

  return {
    client,
    highlighted,
    /** Runs the query over "HTTP" and lets graphcache store the answer. */
    async load<Data, Variables extends Record<string, unknown>>(
      query: TypedDocumentNode<Data, Variables>,
      variables: Variables,
    ): Promise<Data> {
      const result: OperationResult<Data> = await client.query(query, variables).toPromise();
      if (result.error || !result.data) throw result.error ?? new Error('no data');
      return result.data;
    },
    /** What the cache alone answers now (null on a cache miss). */
    read<Data, Variables extends Record<string, unknown>>(query: TypedDocumentNode<Data, Variables>, variables: Variables): Data | null {
      return client.readQuery(query, variables, { requestPolicy: 'cache-only' })?.data ?? null;
    },
    /** Delivers one live event, as the data of the subscription whose root field it carries. */
    async emit(data: Record<string, unknown>): Promise<void> {
      const field = Object.keys(data)[0] ?? '';
      const operation = SUBSCRIPTIONS[field];
      const feed = operation ? feeds.get(operation) : undefined;
      if (!feed) throw new Error(`no open subscription for ${field}`);
      feed.next({ data });
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
    /** The server ends the subscription with this root field, as for a deleted target. */
    async end(field: string): Promise<void> {
      const operation = SUBSCRIPTIONS[field];
      const feed = operation ? feeds.get(operation) : undefined;
      if (!feed) throw new Error(`no open subscription for ${field}`);
      feed.complete();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}
