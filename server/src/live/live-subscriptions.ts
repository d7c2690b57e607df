/** The Yoga plugin that joins every subscription to shared execution. */

import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute, type GraphQLError } from 'graphql';
import { isAsyncIterable, mapAsyncIterator, type Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/tokens.js';
import { type AudienceRule, audienceRuleOf } from './audience.js';
import { eventContext } from './event-context.js';
import { groupOf } from './execution-group.js';
import { Fanout, type FanoutOptions } from './fanout.js';
import { ResultCache } from './result-cache.js';
import type { SubscriberSink } from './sink.js';
import type { ChangeStream } from './subscriber-stream.js';
import type { ViewerEvent } from './viewer-event.js';

/**
 * What the result cache may hold. Live executions are written as soon as they are done; what the
 * cache keeps beyond that serves subscribers a few events behind (replays, SSE streams).
 */
const RESULT_CACHE_BYTES = 2 * 2 ** 20;

export interface LiveSubscriptionOptions {
  /** The subscriber's viewer, which the field's audience rule sorts into a visibility class per event. */
  viewerOf(contextValue: unknown): Viewer | null;
  /** Where the fan-out writes a live subscriber's events, or null where nothing but the subscriber's own stream serves it. */
  sinkOf(contextValue: unknown): SubscriberSink | null;
  /**
   * What a live subscriber's executions need of its context; the fan-out keeps only that for as
   * long as the subscriber listens (not the upgrade request or the subscribe payload).
   */
  liveContextOf?(contextValue: unknown): unknown;
  /** Masks an error in a shared result the way the envelop pipeline masks any other. */
  maskError(error: GraphQLError): GraphQLError;
  /** The fan-out's bound on events waiting to go out; see FanoutOptions. */
  fanout?: FanoutOptions;
}

/**
 * The Yoga plugin through which every subscription is served: one execution per event per group
 * of subscribers that cannot see it differently, instead of one per subscriber. A group is the
 * document, operation and variables apart from `after` (which only moves where a stream starts;
 * execution-group.ts); within it, the subscription field's audience rule sorts subscribers into
 * visibility classes per event (audience.ts); a field without a rule shares nothing. Live
 * subscribers whose transport has a sink (WebSocket) are written by the fan-out (fanout.ts), the
 * same bytes to each; replays and SSE streams are consumed by graphql-ws or Yoga as usual. Both
 * take their results from the one result cache (result-cache.ts), and every subscriber keeps its
 * own stream, so filtering, authorization, replay and backpressure stay per subscriber.
 */
export function useLiveSubscriptions(options: LiveSubscriptionOptions): Plugin {
  const results = new ResultCache({ maxEntries: 1_024, maxBytes: RESULT_CACHE_BYTES }, options.maskError);
  const fanout = new Fanout(results, options.fanout);

  const sharedSubscribe = async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const rule = audienceRuleOf(args.schema, args.document, args.operationName) as AudienceRule<ViewerEvent<unknown>> | null;
    if (rule === null)
      return mapAsyncIterator(source, (payload) =>
        Promise.resolve(execute({ ...args, contextValue: eventContext(args.contextValue), rootValue: payload })),
      );
    const group = groupOf(args.document, args.operationName, args.variableValues);
    const viewer = options.viewerOf(args.contextValue);
    const sink = options.sinkOf(args.contextValue);
    if (sink && isChangeStream(source)) {
      // The root value is each event's own; the envelop pipeline's is not needed past subscribing.
      const live = { ...args, rootValue: undefined, contextValue: options.liveContextOf?.(args.contextValue) ?? args.contextValue };
      fanout.join(source, { group, rule, viewer, args: live, sink });
    }
    const run = async (payload: unknown): Promise<ExecutionResult> => {
      const event = payload as ViewerEvent<unknown>;
      const key = ResultCache.key(group, rule(event, viewer), event.position, event.kind);
      const shared = await results.resultOf(key, () =>
        execute({ ...args, contextValue: eventContext(args.contextValue), rootValue: payload }),
      );
      return shared.result;
    };
    const own = mapAsyncIterator(source, run);
    return sink?.continuation ? followedBy(own, sink) : own;
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}

/**
 * A subscriber's own stream, then, once it is handed to the fan-out, the events its sink holds:
 * for a transport that pulls every event itself (SSE), one iterator from the first replayed event
 * to the last live one.
 */
function followedBy(own: AsyncIterator<ExecutionResult>, sink: SubscriberSink): AsyncIterableIterator<ExecutionResult> {
  let current = own;
  let handedOver = false;
  const followed: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const step = await current.next();
      if (!step.done || handedOver) return step;
      const rest = sink.continuation?.();
      if (!rest) return step;
      handedOver = true;
      current = rest;
      return current.next();
    },
    async return() {
      await current.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await current.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return followed;
    },
  };
  return followed;
}

function isChangeStream(source: AsyncIterable<unknown>): source is ChangeStream<unknown> {
  return typeof (source as Partial<ChangeStream<unknown>>).handOver === 'function';
}
