/** Shared event results: each audience's execution of an event, serialised once. */

import type { ExecutionResult, GraphQLError } from 'graphql';

/** A result with the serialiser Yoga's HTTP and SSE writers call instead of `JSON.stringify` (its `ExecutionResultWithSerializer`). */
export type SerialisableResult = ExecutionResult & { stringify?: (result: ExecutionResult) => string };

/** One execution of one event for one audience, serialised once, in the forms the transports take. */
export interface SharedResult {
  /** For Yoga (SSE, replays over graphql-ws): serialises to `json` when handed back unchanged. */
  readonly result: SerialisableResult;
  /** The JSON of the result with its errors masked, as bytes for the fan-out's sinks. */
  readonly bytes: Buffer;
}

interface Entry {
  shared: Promise<SharedResult>;
  /** Counted once its result is in; 0 while it executes. */
  bytes: number;
  /** Gone from the cache, perhaps before its result came in, which is then not counted. */
  evicted: boolean;
}

/**
 * The one cache of executed events: the fan-out's live executions and the executions of
 * subscribers that reach an event later (replays, SSE streams) share it, so every audience of an
 * event is executed and serialised once however its subscribers receive it. Keyed by execution
 * group, visibility class, position and kind; the oldest entries go first once there are more
 * than `maxEntries` or their JSON passes `maxBytes` (an event can carry a whole recipe). Only a
 * saving: a subscriber whose entry has gone executes again.
 */
export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(
    private readonly limits: { maxEntries: number; maxBytes: number },
    /** Masks an error of a shared result the way the envelop pipeline masks any other. */
    private readonly maskError: (error: GraphQLError) => GraphQLError,
  ) {}

  static key(group: string, visibility: string, position: number, kind: string): string {
    return `${group}#${visibility}#${position}:${kind}`;
  }

  /** The shared result under `key`, executing it with `execute` when nobody has yet. */
  resultOf(key: string, execute: () => ExecutionResult | Promise<ExecutionResult>): Promise<SharedResult> {
    const known = this.entries.get(key);
    if (known) return known.shared;
    const entry: Entry = { shared: Promise.resolve(execute()).then((result) => this.share(result, entry)), bytes: 0, evicted: false };
    this.entries.set(key, entry);
    this.evict();
    return entry.shared;
  }

  /**
   * Serialises once, with errors masked: what graphql-ws and Yoga would send. A result a plugin
   * replaces later (Yoga masks errors itself) is a new object and is serialised as usual.
   */
  private share(result: ExecutionResult, entry: Entry): SharedResult {
    const json = JSON.stringify(
      result.errors ? { ...result, errors: result.errors.map((error) => this.maskError(error).toJSON()) } : result,
    );
    const stringify = (value: ExecutionResult) => (value === result ? json : JSON.stringify(value));
    Object.defineProperty(result, 'stringify', { value: stringify, enumerable: false });
    const bytes = Buffer.from(json);
    // The result's objects, its JSON and its bytes: about three times the JSON's length.
    if (!entry.evicted) {
      entry.bytes = 3 * bytes.length;
      this.bytes += entry.bytes;
      this.evict();
    }
    return { result, bytes };
  }

  private evict(): void {
    while (this.entries.size > this.limits.maxEntries || this.bytes > this.limits.maxBytes) {
      const oldest = this.entries.entries().next().value;
      if (!oldest) return;
      this.entries.delete(oldest[0]);
      this.bytes -= oldest[1].bytes;
      oldest[1].evicted = true;
    }
  }
}
