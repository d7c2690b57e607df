import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** The subscription every fan-out and idle-socket bench holds: the whole typed recipe change. */
export const RECIPE_SUBSCRIPTION = `subscription { recipeChanged { kind cursor occurredAt recipe { id title version tags author { id name } } } }`;

/** A graphql-ws client subscribed to RECIPE_SUBSCRIPTION that ignores what it receives. */
export function idleSubscriber(wsUrl: string, token: string | undefined): Client {
  const client = createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  client.subscribe({ query: RECIPE_SUBSCRIPTION }, { next: () => {}, error: (error) => console.error(error), complete: () => {} });
  return client;
}
