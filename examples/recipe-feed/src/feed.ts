import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { AuthenticationError, CursorError, createLiveClient, GraphqlResultError, type LiveClient } from '@live-recipes/client';
import { print } from 'graphql';
import type { FormattedExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';
import type { CheckpointStore } from './checkpoint.js';
import type { FeedRecipeChangedSubscription, FeedRecipeChangedSubscriptionVariables } from './generated/graphql.js';
import type { ChangeHandler, RecipeChange } from './handlers.js';
import type { Logger } from './log.js';
import { RecipeChangedDocument, SignInDocument } from './operations.js';

export interface FeedOptions {
  httpUrl: string;
  wsUrl: string;
  email: string;
  password: string;
  tag?: string | undefined;
  handler: ChangeHandler;
  checkpoint: CheckpointStore;
  logger: Logger;
  /** Received-but-unprocessed changes before the feed unsubscribes until it caught up (default 1,000). */
  maxQueue?: number;
  maxRetryDelayMs?: number;
  /** Tests only: pause between handling a change and persisting its cursor. */
  checkpointDelayMs?: number;
}

/** Stops the feed for good: retrying cannot help (bad credentials, a cursor of another service, a bug). */
export class FatalError extends Error {
  override name = 'FatalError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

interface GraphqlError {
  message: string;
  extensions?: Record<string, unknown>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with full jitter: 0.5 s, 1 s, 2 s … up to `max`. */
export function backoff(attempt: number, max: number): number {
  const ceiling = Math.min(max, 500 * 2 ** Math.min(attempt, 16));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Follows `recipeChanged` and hands every change to the handler exactly once, in order.
 *
 * - One change is processed at a time; its cursor is persisted after the handler finished.
 * - @live-recipes/client carries the subscription: after any reconnect, on any instance, it
 *   resubscribes after the last change it delivered, so the queue goes on without a gap or a
 *   duplicate; it asks `signIn` for a new token when the server refuses the current one.
 * - Receiving faster than processing: past `maxQueue` waiting changes the feed unsubscribes,
 *   drains, and resubscribes from its cursor, so memory stays bounded and nothing is lost.
 */
export class RecipeFeed {
  private live: LiveClient | undefined;
  private token: string | undefined;
  private cursor: string | null = null;
  /** The cursor of the last change queued: the next subscription starts after it. */
  private received: string | null = null;
  private readonly queue: RecipeChange[] = [];
  private subscription: { gen: number; dispose: () => void } | null = null;
  private gen = 0;
  private working: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private subscriptionFailures = 0;
  private stopping = false;
  private finished: Promise<void> | undefined;
  private settle!: { resolve: () => void; reject: (error: unknown) => void };
  /** Changes processed by this run. */
  processed = 0;

  constructor(private readonly options: FeedOptions) {}

  /** Resolves after a clean stop(); rejects with the error that ended the feed otherwise. */
  run(): Promise<void> {
    this.finished ??= new Promise<void>((resolve, reject) => {
      this.settle = { resolve, reject };
      this.begin().catch((error) => this.fail(error));
    });
    return this.finished;
  }

  /** Finishes the change in progress, persists its cursor, closes the connection. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.unsubscribe();
    await this.working;
    this.live?.dispose();
    await this.options.handler.close?.();
    this.options.logger.info('stopped', { processed: this.processed, cursor: this.cursor });
    this.settle?.resolve();
  }

  private async begin(): Promise<void> {
    const { checkpoint, handler, logger } = this.options;
    const saved = await checkpoint.load();
    const recovered = (await handler.recover?.()) ?? null;
    if (recovered && recovered !== saved) {
      // The process stopped after the handler applied a change but before its cursor was saved.
      logger.warn('the output is ahead of the cursor file; resuming after the output’s last change', { saved, recovered });
      await checkpoint.save(recovered);
      this.cursor = recovered;
    } else {
      this.cursor = saved;
    }
    this.received = this.cursor;
    logger.info('starting', { wsUrl: this.options.wsUrl, tag: this.options.tag, after: this.cursor });
    this.token = await this.signInUntilAnswered();
    if (this.stopping) return;
    this.connect();
    this.maybeSubscribe();
  }

  private connect(): void {
    const { logger } = this.options;
    const maxDelay = this.options.maxRetryDelayMs ?? 30_000;
    let wasLive = false;
    this.live = createLiveClient({
      url: this.options.httpUrl,
      wsUrl: this.options.wsUrl,
      transport: 'websocket',
      webSocketImpl: WebSocket,
      backoff: (attempt) => backoff(attempt, maxDelay),
      // Refused (expired?): sign in again. Wrong credentials throw a FatalError, which stops the client.
      token: async ({ rejected }) => {
        if (rejected || !this.token) this.token = await this.signInUntilAnswered();
        return this.token;
      },
      onState: ({ status }) => {
        if (status !== 'live') return;
        logger.info(wasLive ? 'reconnected' : 'connected');
        wasLive = true;
      },
      onDisconnect: ({ code, reason }) => {
        if (!this.stopping) logger.warn(wasLive ? 'connection lost; reconnecting' : 'could not connect; retrying', { code, reason });
      },
    });
  }

  /** Subscribes when idle and not already subscribed. */
  private maybeSubscribe(): void {
    if (this.stopping || this.subscription || this.working || this.queue.length > 0 || this.retryTimer) return;
    const live = this.live;
    if (!live) return;
    const gen = ++this.gen;
    const variables: FeedRecipeChangedSubscriptionVariables = { after: this.received, tag: this.options.tag ?? null };
    this.options.logger.info('subscribing', { after: this.received });
    const dispose = live.subscribe(RecipeChangedDocument, variables, {
      next: (data) => this.onChange(gen, data),
      error: (error) => this.onSubscriptionError(gen, error),
      complete: () => this.onSubscriptionError(gen, new Error('the server ended the subscription')),
    });
    this.subscription = { gen, dispose };
  }

  private unsubscribe(): void {
    const subscription = this.subscription;
    this.subscription = null;
    subscription?.dispose();
  }

  private onChange(gen: number, data: FeedRecipeChangedSubscription): void {
    if (gen !== this.subscription?.gen) return;
    const change = data.recipeChanged;
    this.subscriptionFailures = 0;
    this.queue.push(change);
    this.received = change.cursor;
    if (this.queue.length >= (this.options.maxQueue ?? 1_000)) {
      this.options.logger.warn('processing is behind; pausing the subscription until the queue drained', { queued: this.queue.length });
      this.unsubscribe();
    }
    this.work();
  }

  private onSubscriptionError(gen: number, error: unknown): void {
    if (gen !== this.subscription?.gen) return;
    this.subscription = null;
    const { logger } = this.options;
    if (error instanceof CursorError && error.reason === 'CURSOR_EXPIRED') {
      // Documented decision: keep running from live rather than stop. The changes between the
      // cursor and now are gone from the log, so whoever consumes the output must re-sync.
      logger.error(
        '!!! CURSOR_EXPIRED: the saved cursor is older than the server’s change log. Changes made since it are LOST for this feed; continuing from live. Re-sync consumers of the output from a full query. !!!',
        { cursor: error.cursor },
      );
      this.received = null;
      this.maybeSubscribe();
      return;
    }
    if (error instanceof CursorError) {
      this.fail(
        new FatalError(
          `the saved cursor ${error.cursor} is not a recipe change cursor of this service (CURSOR_INVALID); remove the cursor file to start from live`,
          2,
        ),
      );
      return;
    }
    if (error instanceof AuthenticationError) {
      const cause = error.cause instanceof FatalError ? error.cause.message : error.message;
      this.fail(new FatalError(`the server refused the feed's token and signing in again failed: ${cause}`));
      return;
    }
    const code = error instanceof GraphqlResultError ? error.code : undefined;
    if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED' || code === 'GRAPHQL_PARSE_FAILED') {
      this.fail(new FatalError(`the server refused the subscription: ${describe(error)}`));
      return;
    }
    const delay = backoff(this.subscriptionFailures++, this.options.maxRetryDelayMs ?? 30_000);
    logger.error('the subscription failed; subscribing again', { error: describe(error), retryInMs: delay });
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.maybeSubscribe();
    }, delay);
  }

  /** Starts the single worker unless it runs: changes are processed strictly one after another. */
  private work(): void {
    if (this.working) return;
    const drain = async () => {
      for (;;) {
        if (this.stopping) return;
        const change = this.queue.shift();
        if (!change) return;
        await this.process(change);
      }
    };
    this.working = drain()
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.working = null;
        this.maybeSubscribe();
      });
  }

  private async process(change: RecipeChange): Promise<void> {
    await this.options.handler.handle(change);
    if (this.options.checkpointDelayMs) await sleep(this.options.checkpointDelayMs);
    await this.options.checkpoint.save(change.cursor);
    this.cursor = change.cursor;
    this.processed += 1;
  }

  private fail(error: unknown): void {
    if (this.stopping && !(error instanceof FatalError)) return;
    this.stopping = true;
    clearTimeout(this.retryTimer);
    this.unsubscribe();
    this.live?.dispose();
    this.settle?.reject(error);
  }

  /** Signs in, waiting out a server that is not up yet; wrong credentials are fatal. */
  private async signInUntilAnswered(): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.signIn();
      } catch (error) {
        if (error instanceof FatalError || this.stopping) throw error;
        const delay = backoff(attempt, this.options.maxRetryDelayMs ?? 30_000);
        this.options.logger.warn('sign-in failed; retrying', { error: describe(error), retryInMs: delay });
        await sleep(delay);
      }
    }
  }

  private async signIn(): Promise<string> {
    const data = await postGraphql(this.options.httpUrl, SignInDocument, {
      input: { email: this.options.email, password: this.options.password },
    });
    this.options.logger.info('signed in', { user: data.signIn.user.id });
    return data.signIn.token;
  }
}

/** A typed GraphQL POST. GraphQL errors are fatal (wrong credentials …); transport errors are not. */
export async function postGraphql<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  token?: string,
): Promise<Result> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
    signal: AbortSignal.timeout(15_000),
  });
  if (response.status >= 500) throw new Error(`HTTP ${response.status} from ${url}`);
  const body = (await response.json()) as FormattedExecutionResult<Result>;
  if (body.errors?.length) throw new FatalError(`${url} answered: ${describe(body.errors)}`);
  if (!body.data) throw new Error(`HTTP ${response.status} without data from ${url}`);
  return body.data;
}

function isCloseEvent(value: unknown): value is { code: number; reason: string } {
  return typeof value === 'object' && value !== null && 'code' in value && 'reason' in value;
}

function describe(error: unknown): string {
  if (Array.isArray(error))
    return error.map((e: GraphqlError) => `${e.message}${e.extensions ? ` ${JSON.stringify(e.extensions)}` : ''}`).join('; ');
  if (isCloseEvent(error)) return `close ${error.code}${error.reason ? ` (${error.reason})` : ''}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
