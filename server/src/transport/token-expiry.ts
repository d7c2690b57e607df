/** Token expiry for live transports: its timer, and the end of an SSE stream at expiry. */

import type { ExecutionResult } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from '../context.js';
import { userError } from '../errors.js';

// setTimeout fires at once for delays past 2^31 - 1 ms (about 24.8 days); longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Runs `action` once at `expiresAt` (ms since the epoch), with a single timer at a time.
 * Returns the cancel function, which a connection calls when it closes first.
 */
export function atTokenExpiry(expiresAt: number, action: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) {
      timer = undefined;
      action();
      return;
    }
    timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

export const tokenExpiredMessage = 'The token has expired; refresh it or sign in again.';

/**
 * Ends a stream when the token it was opened with expires: the subscriber gets one last result
 * with an UNAUTHENTICATED error, then the end of the stream. One timer per stream, none per event.
 */
export function endAtTokenExpiry<T>(source: AsyncIterable<T>, expiresAt: number, last: T): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  // 'expired': the token has expired and `last` is still to be given; 'told': it has been.
  let state: 'open' | 'expired' | 'told' | 'done' = 'open';
  // The resolver of the `next()` in progress, so expiry can answer it without waiting for an event.
  let interrupt: ((step: IteratorResult<T>) => void) | null = null;

  const finish = async () => {
    if (state === 'done') return;
    state = 'done';
    cancel();
    await iterator.return?.();
  };
  const cancel = atTokenExpiry(expiresAt, () => {
    if (state !== 'open') return;
    state = 'expired';
    if (!interrupt) return;
    state = 'told';
    interrupt({ done: false, value: last });
  });

  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next(): Promise<IteratorResult<T>> {
      // Expiry may come while the consumer is busy with the previous result, or before its first next().
      if (state === 'expired') {
        state = 'told';
        return { done: false, value: last };
      }
      if (state === 'told') {
        await finish();
        return { done: true, value: undefined };
      }
      if (state === 'done') return { done: true, value: undefined };
      const step = await new Promise<IteratorResult<T>>((resolve, reject) => {
        interrupt = resolve;
        iterator.next().then(resolve, reject);
      });
      interrupt = null;
      if (step.done) await finish();
      return step;
    },
    async return(): Promise<IteratorResult<T>> {
      await finish();
      return { done: true, value: undefined };
    },
    async throw(error: unknown): Promise<IteratorResult<T>> {
      await finish();
      throw error;
    },
  };
}

/**
 * For transports whose subscriptions are streams of their own (SSE): each stream authenticated
 * with a token ends when that token expires. A WebSocket instead closes as a whole (4403).
 */
export function useEndStreamsAtTokenExpiry(): Plugin {
  return {
    onSubscribe() {
      return {
        onSubscribeResult({ args, result, setResult }) {
          const context = args.contextValue as unknown as Context;
          if (!context.viewer || !context.transport.endsAtTokenExpiry || !isAsyncIterable(result)) return;
          const expired: ExecutionResult = { errors: [userError('UNAUTHENTICATED', tokenExpiredMessage)] };
          setResult(endAtTokenExpiry(result, context.viewer.expiresAt, expired));
        },
      };
    },
  };
}
