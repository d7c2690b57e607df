import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { GraphqlResultError } from './errors.js';
import { createLiveTransport, type LiveClientOptions, type LiveTransport, type ResultSink, type SubscriptionRequest } from './transport.js';

export interface Observer<Result> {
  /** One event's `data`, in order; its cursor is already remembered for the next reconnect. */
  next(data: Result): void;
  /** `CursorError` (refetch, then subscribe without `after`), `AuthenticationError` (sign in again) or `GraphqlResultError`. */
  error?(error: unknown): void;
  /** The server ended the subscription (its subject was deleted or hidden). */
  complete?(): void;
}

export interface LiveClient {
  /** Subscribes with a codegen `TypedDocumentNode` (or a document string); returns the unsubscribe. */
  subscribe<Result, Variables>(
    document: TypedDocumentNode<Result, Variables> | DocumentNode | string,
    variables: Variables,
    observer: Observer<Result>,
  ): () => void;
  /** The same as an async iterator: it throws what `error` would get and ends on `complete`. Leaving the loop unsubscribes. */
  iterate<Result, Variables>(
    document: TypedDocumentNode<Result, Variables> | DocumentNode | string,
    variables: Variables,
  ): AsyncGenerator<Result>;
  /** The raw subscription, as urql's and Apollo's adapters forward it. */
  forward: LiveTransport['subscribe'];
  state: LiveTransport['state'];
  onState: LiveTransport['onState'];
  reauthenticate: LiveTransport['reauthenticate'];
  dispose: LiveTransport['dispose'];
}

function requestOf(document: DocumentNode | string, variables: unknown): SubscriptionRequest {
  return {
    query: typeof document === 'string' ? document : print(document),
    variables: (variables ?? {}) as Record<string, unknown>,
  };
}

/**
 * One connection to the API that never loses an event: see `createLiveTransport`. Use it directly
 * in a service (typed by GraphQL Code Generator's `TypedDocumentNode`s), or through
 * `@live-recipes/client/urql` and `@live-recipes/client/apollo`.
 */
export function createLiveClient(options: LiveClientOptions): LiveClient {
  const transport = createLiveTransport(options);

  function subscribe<Result, Variables>(
    document: TypedDocumentNode<Result, Variables> | DocumentNode | string,
    variables: Variables,
    observer: Observer<Result>,
  ): () => void {
    let ended = false;
    const end = (notify: () => void) => {
      if (ended) return;
      ended = true;
      unsubscribe();
      notify();
    };
    const sink: ResultSink = {
      next(result) {
        if (ended) return;
        if (result.errors?.length) return end(() => observer.error?.(new GraphqlResultError(result.errors ?? [])));
        if (result.data) observer.next(result.data as Result);
      },
      error: (error) => end(() => observer.error?.(error)),
      complete: () => end(() => observer.complete?.()),
    };
    const unsubscribe = transport.subscribe(requestOf(document, variables), sink);
    return () => {
      ended = true;
      unsubscribe();
    };
  }

  async function* iterate<Result, Variables>(
    document: TypedDocumentNode<Result, Variables> | DocumentNode | string,
    variables: Variables,
  ): AsyncGenerator<Result> {
    const pending: Result[] = [];
    let finished = false;
    let failure: { error: unknown } | null = null;
    let wake = () => {};
    const unsubscribe = subscribe(document, variables, {
      next: (data) => {
        pending.push(data);
        wake();
      },
      error: (error) => {
        failure = { error };
        wake();
      },
      complete: () => {
        finished = true;
        wake();
      },
    });
    try {
      for (;;) {
        const data = pending.shift();
        if (data !== undefined) {
          yield data;
          continue;
        }
        if (failure) throw (failure as { error: unknown }).error;
        if (finished) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    } finally {
      unsubscribe();
    }
  }

  return {
    subscribe,
    iterate,
    forward: transport.subscribe,
    state: transport.state,
    onState: transport.onState,
    reauthenticate: transport.reauthenticate,
    dispose: transport.dispose,
  };
}
