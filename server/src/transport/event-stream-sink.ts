/** The sink of an SSE subscriber, which Yoga pulls from. */

import type { ExecutionResult } from 'graphql';
import type { SharedResult } from '../live/result-cache.js';
import type { SubscriberSink } from '../live/sink.js';
import type { StreamControl, StreamRelease } from '../live/subscriber-stream.js';

/**
 * An SSE subscriber's end of the fan-out. Yoga writes the event stream and pulls its events, so
 * the fan-out's shared results wait here until it does; each is the very object the fan-out
 * serialised, which Yoga serialises again only by taking its JSON. What waits is the subscriber's
 * backlog: past `maxBytes` the stream is ended (the client resumes with its last cursor) instead
 * of growing. Once the subscriber's stream has replayed what it must and is handed to the fan-out,
 * it is released here, and this sink's events follow the stream's own (see `continuation`).
 */
export class EventStreamSink implements SubscriberSink, StreamRelease, AsyncIterableIterator<ExecutionResult> {
  private readonly queue: SharedResult[] = [];
  private queuedBytes = 0;
  private stream: Pick<StreamControl, 'end'> | undefined;
  private done = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly maxBytes: number,
    /** Told once when the stream is ended for falling behind, so the drop is counted. */
    private readonly onTooSlow: () => void,
  ) {}

  get bufferedBytes(): number {
    return this.queuedBytes;
  }

  get connection(): object {
    return this;
  }

  write(event: SharedResult): boolean {
    if (this.done) return false;
    if (this.queuedBytes + event.bytes.length > this.maxBytes) {
      this.close('too-slow');
      return false;
    }
    this.queue.push(event);
    this.queuedBytes += event.bytes.length;
    this.signal();
    return true;
  }

  close(_reason: 'too-slow' | 'shed'): void {
    if (this.done) return;
    this.onTooSlow();
    this.finish();
  }

  released(stream: Pick<StreamControl, 'end'>): void {
    this.stream = stream;
  }

  ended(): void {
    // What was written before the end is still sent; then the iterator completes.
    this.done = true;
    this.signal();
  }

  /** What follows the stream's own iterator once the fan-out writes it, or null while it does not. */
  continuation(): AsyncIterableIterator<ExecutionResult> | null {
    return this.stream ? this : null;
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      const event = this.queue.shift();
      if (event) {
        this.queuedBytes -= event.bytes.length;
        return { value: event.result, done: false };
      }
      if (this.done) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.finish();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    this.done = true;
    this.queue.length = 0;
    this.queuedBytes = 0;
    this.stream?.end();
    this.signal();
  }

  private signal(): void {
    this.wake?.();
    this.wake = undefined;
  }
}
