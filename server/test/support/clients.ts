import { setTimeout as sleep } from 'node:timers/promises';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, print } from 'graphql';
import { createClient as createSseClient, NetworkError } from 'graphql-sse';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { graphql } from '../generated/index.js';

export interface GraphqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: unknown[] }>;
}

/** An operation's variables, which may be left out when it has none that are required. */
type VariablesOf<Variables> = Record<string, never> extends Variables ? [variables?: Variables] : [variables: Variables];

async function post<T>(url: string, body: { query: string; variables: unknown }, token?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { ...((await response.json()) as GraphqlResult<T>), status: response.status };
}

/** POST a generated operation over real HTTP; its result is typed by what the operation selects. */
export function gql<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  ...rest: [...VariablesOf<Variables>, token?: string]
): Promise<GraphqlResult<Result> & { status: number }> {
  const variables = rest[0] as Variables | undefined;
  const token = rest[1] as string | undefined;
  return post<Result>(url, { query: print(document), variables: variables ?? {} }, token);
}

/**
 * POST text or variables that need not be valid (malformed, malicious or mistyped input), so
 * the result is untyped: read it as `unknown`.
 */
export function untypedGql(
  url: string,
  query: string | DocumentNode,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResult<Record<string, unknown>> & { status: number }> {
  return post<Record<string, unknown>>(url, { query: typeof query === 'string' ? query : print(query), variables }, token);
}

/** Like gql, but fails the test on any error and returns data. */
export async function ok<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  ...rest: [...VariablesOf<Variables>, token?: string]
): Promise<Result> {
  const result = await gql(url, document, ...rest);
  if (result.errors?.length || !result.data) throw new Error(`unexpected GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export const SIGN_UP = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      token
      user {
        id
        name
      }
    }
  }
`);

let counter = 0;
/** A signed-up user as the tests use it. */
export interface TestUser {
  token: string;
  id: string;
  name: string;
}

export async function signUp(url: string, name = 'Cook'): Promise<TestUser> {
  counter += 1;
  const email = `${name.toLowerCase()}-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const data = await ok(url, SIGN_UP, {
    input: { email, password: 'correct horse battery', name },
  });
  return { token: data.signUp.token, ...data.signUp.user };
}

export function wsClient(wsUrl: string, token?: string, options: { lazy?: boolean; retryAttempts?: number } = {}): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: options.lazy ?? true,
    retryAttempts: options.retryAttempts ?? 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

export interface Collected<T> {
  events: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves once `count` events arrived; rejects after the timeout with what did arrive. */
  waitFor(count: number, timeoutMs?: number): Promise<T[]>;
  stop(): void;
}

function collector<T>(): Collected<T> & { push(event: T): void; fail(error: unknown): void; complete(): void } {
  const waiters: Array<() => void> = [];
  const state = {
    events: [] as T[],
    errors: [] as unknown[],
    completed: false,
    stop: () => {},
    push(event: T) {
      state.events.push(event);
      for (const w of waiters.splice(0)) w();
    },
    fail(error: unknown) {
      state.errors.push(error);
      for (const w of waiters.splice(0)) w();
    },
    complete() {
      state.completed = true;
      for (const w of waiters.splice(0)) w();
    },
    async waitFor(count: number, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (state.events.length < count) {
        if (state.errors.length) throw new Error(`subscription failed: ${JSON.stringify(state.errors)}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`expected ${count} events, got ${state.events.length}: ${JSON.stringify(state.events)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return state.events.slice(0, count);
    },
  };
  return state;
}

/** What a subscription delivers per event: the value of its one root field. */
export type RootField<Result> = Result[keyof Result];

/** Subscribes over graphql-ws and collects every `data` payload's single root field. */
export function subscribeWs<Result, Variables>(
  client: Client,
  document: TypedDocumentNode<Result, Variables>,
  ...rest: [...VariablesOf<Variables>, extensions?: Record<string, unknown>]
): Collected<RootField<Result>> {
  type T = RootField<Result>;
  const variables = rest[0] as Variables | undefined;
  const extensions = rest[1] as Record<string, unknown> | undefined;
  const c = collector<T>();
  c.stop = client.subscribe<Record<string, T>>(
    { query: print(document), variables: variables ?? {}, ...(extensions ? { extensions } : {}) },
    {
      next: (result) => {
        if (result.errors?.length) return c.fail(result.errors);
        const value = result.data ? Object.values(result.data)[0] : undefined;
        if (value !== undefined) c.push(value);
      },
      error: (error) => c.fail(error),
      complete: () => c.complete(),
    },
  );
  return c;
}

/** Subscribes over GraphQL SSE (Yoga's distinct-connections mode) through graphql-sse's client. */
export function subscribeSse<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  ...rest: [...VariablesOf<Variables>, token?: string]
): Collected<RootField<Result>> & { opened: Promise<void> } {
  type T = RootField<Result>;
  const variables = rest[0] as Variables | undefined;
  const token = rest[1] as string | undefined;
  const c = collector<T>();
  let markOpen: () => void = () => {};
  const opened = new Promise<void>((resolve) => (markOpen = resolve));
  const client = createSseClient({
    url: `${url}/graphql`,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    // The response's arrival is the moment the server has the subscription.
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      markOpen();
      if (response.ok) return response;
      // Read a refusal at once: the client aborts the request, and its body with it, on error.
      const { status, statusText, headers } = response;
      return new Response(await response.text(), { status, statusText, headers });
    },
  });
  let stopped = false;
  const unsubscribe = client.subscribe<Record<string, T>>(
    { query: print(document), variables: (variables ?? {}) as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) c.fail(result.errors);
        else if (result.data) c.push(Object.values(result.data)[0] as T);
      },
      error: (error) => {
        if (stopped) return;
        // A refused stream (401 for a bad token) still carries its GraphQL errors, as one event.
        if (error instanceof NetworkError && error.response) {
          error.response.text().then(
            (text: string) => {
              const data = /^data: ?(.*)$/m.exec(text)?.[1];
              c.fail(data ? ((JSON.parse(data) as GraphqlResult<unknown>).errors ?? error) : error);
            },
            () => c.fail(error),
          );
        } else c.fail(error);
      },
      complete: () => {
        if (!stopped) c.complete();
      },
    },
  );
  c.stop = () => {
    stopped = true;
    unsubscribe();
    client.dispose();
  };
  return Object.assign(c, { opened });
}

export async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await sleep(50);
    last = await probe();
  }
  return last;
}

/**
 * Clients and subscriptions a test file opens, closed together in its afterAll, so a failing
 * assertion never leaves a socket or stream holding a server open.
 */
export function openedInThisFile() {
  const cleanup: Array<() => unknown> = [];
  return {
    track<T extends { stop(): void }>(subscription: T): T {
      cleanup.push(() => subscription.stop());
      return subscription;
    },
    connect(url: string, token?: string): Client {
      const client = wsClient(url, token);
      cleanup.push(() => client.dispose());
      return client;
    },
    /** Anything else to close with the rest (a raw socket, a killed process). */
    defer(close: () => unknown): void {
      cleanup.push(close);
    },
    async closeAll(): Promise<void> {
      for (const close of cleanup.splice(0))
        await Promise.resolve()
          .then(close)
          .catch(() => {});
    },
  };
}
