import { AuthenticationError, type LiveState, type TokenProvider } from '@live-recipes/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signUp } from '../support/clients.js';
import { sleep, until } from '../support/cluster.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { createApolloClient, followRecipes } from './snippets/apollo-client.js';
import { createSseClient, recipeChanges } from './snippets/graphql-sse.js';
import { createUrqlClient, RECIPE_CHANGED } from './snippets/urql.js';

/** Counts every WebSocket a client opens. */
function countingWebSocket() {
  const counter = {
    opened: 0,
    Impl: class extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        counter.opened += 1;
      }
    },
  };
  return counter;
}

/** A session that cannot be refreshed: the provider hands out its one token until the server refuses it. */
function expiringSession(token: string) {
  const session = {
    calls: 0,
    provider: (({ rejected }) => {
      session.calls += 1;
      if (rejected) throw new Error('the session expired and cannot be refreshed');
      return token;
    }) satisfies TokenProvider,
  };
  return session;
}

describe('a token that expires while subscribed, with a token provider that cannot refresh it', () => {
  let server: RunningServer;
  const cleanups: Array<() => unknown> = [];
  const realFetch = globalThis.fetch;
  let sseRequests = 0;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://', TOKEN_TTL: '3s' });
    // SSE streams are requests with `accept: text/event-stream`; count them as connection attempts.
    globalThis.fetch = (input, init) => {
      if (new Headers(init?.headers).get('accept')?.includes('text/event-stream')) sseRequests += 1;
      return realFetch(input, init);
    };
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    for (const cleanup of cleanups) await cleanup();
    await server?.stop();
  });

  it('stops Apollo, urql and graphql-sse with an AuthenticationError, and none of them connects again', async () => {
    const httpUrl = `${server.url}/graphql`;
    const [a, u, s] = await Promise.all([signUp(server.url, 'Apollo'), signUp(server.url, 'Urql'), signUp(server.url, 'Sse')]);
    if (!a || !u || !s) throw new Error('sign-up failed');
    const errors: Record<'apollo' | 'urql' | 'sse', unknown> = { apollo: null, urql: null, sse: null };

    const apolloSession = expiringSession(a.token);
    const apolloSockets = countingWebSocket();
    const apollo = createApolloClient({ httpUrl, token: apolloSession.provider, webSocketImpl: apolloSockets.Impl });
    const apolloSubscription = followRecipes(
      apollo.client,
      null,
      () => {},
      (error) => (errors.apollo = error),
    );
    cleanups.push(
      () => apolloSubscription.unsubscribe(),
      () => apollo.live.dispose(),
    );

    const urqlSession = expiringSession(u.token);
    const urqlSockets = countingWebSocket();
    const urql = createUrqlClient({ url: httpUrl, token: urqlSession.provider, webSocketImpl: urqlSockets.Impl });
    const urqlSubscription = urql.client.subscription(RECIPE_CHANGED, { after: null }).subscribe((result) => {
      if (result.error) errors.urql = result.error.networkError;
    });
    cleanups.push(
      () => urqlSubscription.unsubscribe(),
      () => urql.live.dispose(),
    );

    const sseSession = expiringSession(s.token);
    const sse = createSseClient(httpUrl, sseSession.provider);
    const sseLoop = (async () => {
      try {
        for await (const _ of recipeChanges(sse, null));
      } catch (error) {
        errors.sse = error;
      }
    })();
    cleanups.push(() => sse.dispose());

    await until(() => Boolean(errors.apollo && errors.urql && errors.sse), 'every client reported the refused token', 20_000);
    await sseLoop;
    for (const error of Object.values(errors)) expect(error).toBeInstanceOf(AuthenticationError);
    const states: LiveState['status'][] = [apollo.live.state().status, urql.live.state().status, sse.state().status];
    expect(states).toEqual(['failed', 'failed', 'failed']);

    const attempts = () => [
      apolloSockets.opened,
      urqlSockets.opened,
      sseRequests,
      apolloSession.calls,
      urqlSession.calls,
      sseSession.calls,
    ];
    const after = attempts();
    // Longer than several backoff rounds: a client still retrying would open a socket or a stream by now.
    await sleep(3_000);
    expect(attempts()).toEqual(after);
  });
});
