import { createSourceEventStream, type ExecutionArgs, type ExecutionResult, execute, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../auth/tokens.js';
import type { ChangeStream } from './subscriber-stream.js';
import type { ViewerEvent } from './viewer-event.js';
import type { FrameSink } from '../transport/websocket/next-frames.js';
import { type AudienceRule, audienceRuleOf } from './audience.js';
import { eventContext } from './event-context.js';
import { Fanout, type FanoutOptions } from './fanout.js';
import { groupOf } from './execution-group.js';

export interface SharedExecutionOptions {
  /** The subscriber's viewer, which the field's audience rule sorts into a visibility class per event. */
  viewerOf(contextValue: unknown): Viewer | null;
  /** Where a transport that writes shared frames itself takes them (WebSocket), or null (SSE). */
  framesOf(contextValue: unknown): { sink: FrameSink; maxBacklogBytes: number } | null;
  /**
   * What a live subscriber's executions need of its context; the fan-out keeps only that for as
   * long as the subscriber listens (not the upgrade request or the subscribe payload).
   */
  liveContextOf?(contextValue: unknown): unknown;
  /** Masks an error in a shared result the way the envelop pipeline masks any other. */
  maskError(error: GraphQLError): GraphQLError;
  /**
   * Results kept for subscribers that replay the log and so reach an event later than the live
   * ones; the oldest go first. Only a saving: a subscriber whose result has gone executes again.
   */
  maxCachedResults?: number;
  /** The fan-out's bound on events waiting to go out; see FanoutOptions. */
  fanout?: FanoutOptions;
}

/**
 * One execution per event per group of subscribers that cannot see it differently, instead of
 * one per subscriber. A group is the document, operation and variables apart from `after` (which
 * only moves where a stream starts; execution-group.ts); within it, the subscription field's audience rule sorts
 * subscribers into visibility classes per event (audience.ts); a field without a rule shares
 * nothing. Live WebSocket subscribers are served by the fan-out (fanout.ts): one execution and
 * one serialisation per event and class, the bytes written to each socket. Subscribers that
 * replay, and SSE streams, go through graphql-ws or Yoga as usual, sharing executions through a
 * small cache; every subscriber keeps its own stream, so filtering, authorization, replay and
 * backpressure stay per subscriber.
 */
export function useSharedSubscriptionExecution(options: SharedExecutionOptions): Plugin {
  const max = options.maxCachedResults ?? 128;
  const results = new Map<string, Promise<SerialisableResult>>();
  const fanout = new Fanout(options.maskError, options.fanout);

  const remember = (key: string, result: Promise<SerialisableResult>) => {
    results.set(key, result);
    if (results.size > max) {
      const oldest = results.keys().next().value;
      if (oldest !== undefined) results.delete(oldest);
    }
  };

  const sharedSubscribe = async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const rule = audienceRuleOf(args.schema, args.document, args.operationName) as AudienceRule<ViewerEvent<unknown>> | null;
    if (rule === null)
      return mapAsyncIterable(source, (payload) =>
        Promise.resolve(execute({ ...args, contextValue: eventContext(args.contextValue), rootValue: payload })),
      );
    const group = groupOf(args.document, args.operationName, args.variableValues);
    const viewer = options.viewerOf(args.contextValue);
    const frames = options.framesOf(args.contextValue);
    if (frames && isChangeStream(source)) {
      // The root value is each event's own; the envelop pipeline's is not needed past subscribing.
      const live = { ...args, rootValue: undefined, contextValue: options.liveContextOf?.(args.contextValue) ?? args.contextValue };
      fanout.join(source, { group, rule, viewer, args: live, ...frames });
    }
    const run = (payload: unknown): Promise<ExecutionResult> => {
      const event = payload as ViewerEvent<unknown>;
      const key = `${group}#${rule(event, viewer)}#${event.position}:${event.kind}`;
      let result = results.get(key);
      if (!result) {
        result = Promise.resolve(execute({ ...args, contextValue: eventContext(args.contextValue), rootValue: payload })).then(
          serialisedOnce,
        );
        remember(key, result);
      }
      return result;
    };
    return mapAsyncIterable(source, run);
  };

  return {
    onSubscribe({ setSubscribeFn }) {
      setSubscribeFn(sharedSubscribe as Parameters<typeof setSubscribeFn>[0]);
    },
  };
}

/** A result with the serialiser Yoga's HTTP and SSE writers call instead of `JSON.stringify`. */
type SerialisableResult = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/**
 * Gives a shared result the serialiser Yoga uses in place of `JSON.stringify` when a result has
 * one (its `ExecutionResultWithSerializer`), remembering its JSON: every SSE subscriber handed this
 * same result then shares one serialisation. A result a plugin has replaced (masked errors) is a
 * new object without it and is serialised as usual.
 */
function serialisedOnce(result: ExecutionResult): SerialisableResult {
  let json: string | undefined;
  const stringify = (value: ExecutionResult) => {
    if (value !== result) return JSON.stringify(value);
    json ??= JSON.stringify(result);
    return json;
  };
  return Object.defineProperty(result, 'stringify', { value: stringify, enumerable: false });
}

function isChangeStream(source: AsyncIterable<unknown>): source is ChangeStream<unknown> {
  return typeof (source as Partial<ChangeStream<unknown>>).handOver === 'function';
}

function isAsyncIterable<T>(value: unknown): value is AsyncIterable<T> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** A lean map over an async iterable that hands `return` through, so the source is released. */
function mapAsyncIterable<T, U>(source: AsyncIterable<T>, map: (value: T) => Promise<U>): AsyncIterableIterator<U> {
  const iterator = source[Symbol.asyncIterator]();
  const mapped: AsyncIterableIterator<U> = {
    async next() {
      const step = await iterator.next();
      if (step.done) return { value: undefined, done: true };
      return { value: await map(step.value), done: false };
    },
    async return() {
      await iterator.return?.();
      return { value: undefined, done: true };
    },
    async throw(error: unknown) {
      await iterator.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return mapped;
    },
  };
  return mapped;
}
