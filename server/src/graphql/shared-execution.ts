import { createSourceEventStream, type DocumentNode, type ExecutionArgs, type ExecutionResult, execute, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export interface SharedExecutionOptions {
  /**
   * Who the result depends on besides the document and variables: subscribers with the same
   * audience see the same result for the same event. Null opts the subscription out.
   */
  audienceOf(contextValue: unknown): string | null;
  /** Identifies one event as this subscriber sees it, or null for payloads that are not shared. */
  eventKeyOf(payload: unknown): string | null;
  /**
   * Results kept for subscribers of the same group still on their way to an event; the oldest go
   * first. Live subscribers reach an event within moments of each other, so a short memory
   * covers them; one far behind simply executes again.
   */
  maxCachedResults?: number;
}

/**
 * One execution per event per group of identical subscriptions, instead of one per subscriber.
 * graphql-js would execute the selection set once for every subscriber and every event; with
 * thousands of subscribers asking the same thing that execution is most of the server's work.
 * Subscribers are grouped by document, operation, variables (except `after`, which only moves
 * where the stream starts) and audience; each still has its own source stream, so filtering,
 * authorization, replay and backpressure stay per subscriber.
 */
export function useSharedSubscriptionExecution(options: SharedExecutionOptions): Plugin {
  const max = options.maxCachedResults ?? 128;
  const results = new Map<string, Promise<ExecutionResult>>();
  const documents = new WeakMap<DocumentNode, { id: number; startVariables: Set<string> }>();
  let nextDocumentId = 0;

  const remember = (key: string, result: Promise<ExecutionResult>) => {
    results.set(key, result);
    if (results.size > max) {
      const oldest = results.keys().next().value;
      if (oldest !== undefined) results.delete(oldest);
    }
  };

  const groupOf = (args: ExecutionArgs): string | null => {
    const audience = options.audienceOf(args.contextValue);
    if (audience === null) return null;
    let known = documents.get(args.document);
    if (!known) {
      known = { id: nextDocumentId++, startVariables: startOnlyVariables(args.document) };
      documents.set(args.document, known);
    }
    const variables = Object.entries((args.variableValues ?? {}) as Record<string, unknown>).filter(
      ([name]) => !known.startVariables.has(name),
    );
    return `${known.id}|${args.operationName ?? ''}|${audience}|${JSON.stringify(variables)}`;
  };

  const sharedSubscribe = async (args: ExecutionArgs) => {
    const source = await createSourceEventStream(args);
    if (!isAsyncIterable(source)) return source;
    const group = groupOf(args);
    const run = (payload: unknown): Promise<ExecutionResult> => {
      const eventKey = group === null ? null : options.eventKeyOf(payload);
      if (eventKey === null) return Promise.resolve(execute({ ...args, rootValue: payload }));
      const key = `${group}#${eventKey}`;
      let result = results.get(key);
      if (!result) {
        result = Promise.resolve(execute({ ...args, rootValue: payload }));
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

/** Variables used only as an `after` argument: they move where a stream starts, not what it carries. */
function startOnlyVariables(document: DocumentNode): Set<string> {
  const asAfter = new Set<string>();
  const uses = new Map<string, number>();
  visit(document, {
    Argument(node) {
      if (node.name.value === 'after' && node.value.kind === Kind.VARIABLE) asAfter.add(node.value.name.value);
    },
    Variable(node, _key, parent) {
      if (parent && 'kind' in parent && parent.kind === Kind.VARIABLE_DEFINITION) return;
      uses.set(node.name.value, (uses.get(node.name.value) ?? 0) + 1);
    },
  });
  return new Set([...asAfter].filter((name) => uses.get(name) === 1));
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
