import { type Exchange, subscriptionExchange } from '@urql/core';
import type { LiveClient } from './client.js';

/** What urql's `subscriptionExchange` hands to `forwardSubscription`, structurally (any @urql/core version). */
export interface UrqlSubscriptionRequest {
  query?: string | undefined;
  operationName?: string | undefined;
  variables?: Record<string, unknown> | undefined;
  extensions?: Record<string, unknown> | undefined;
}

/**
 * `forwardSubscription` for urql's `subscriptionExchange`: each subscription rides on the live
 * client, resuming from its last cursor after every reconnect.
 */
export function forwardSubscription(live: LiveClient) {
  return (request: UrqlSubscriptionRequest) => ({
    subscribe: (sink: { next(value: never): void; error(error: unknown): void; complete(): void }) => ({
      unsubscribe: live.forward(
        {
          query: request.query ?? '',
          operationName: request.operationName,
          variables: { ...request.variables },
          extensions: request.extensions,
        },
        { next: (result) => sink.next(result as never), error: (error) => sink.error(error), complete: () => sink.complete() },
      ),
    }),
  });
}

/** urql's `subscriptionExchange` on the live client; put it last, after `fetchExchange`. */
export function liveSubscriptionExchange(live: LiveClient): Exchange {
  return subscriptionExchange({ forwardSubscription: forwardSubscription(live) });
}
