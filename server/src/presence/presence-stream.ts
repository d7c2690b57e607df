/** One viewer's stream of presence snapshots, in the shape the fan-out carries. */

import type { ChangeRecord } from '../changes/change.js';
import type { ChangeStream, DirectDelivery, StreamControl, StreamRelease } from '../live/subscriber-stream.js';
import { type ViewerEvent, viewerEvent } from '../live/viewer-event.js';
import type { PresenceSnapshot } from './snapshot.js';

/**
 * A snapshot in the shape the shared fan-out carries (a change whose state after is the snapshot),
 * so presence leaves through the same path as every change: one execution and one serialised
 * payload per target, tick and document, spliced into each subscriber's frame. This is the one
 * place presence depends on that shape.
 */
export interface SnapshotDelivery {
  record: ChangeRecord;
  event: ViewerEvent<PresenceSnapshot>;
}

/** Positions of snapshots: they key shared results, never a cursor, and never meet a change's position in one group. */
let nextSnapshot = 0;

export function snapshotDelivery(snapshot: PresenceSnapshot): SnapshotDelivery {
  nextSnapshot += 1;
  const record = {
    entity: 'recipe',
    entityId: snapshot.targetId,
    kind: 'UPDATED',
    position: nextSnapshot,
    occurredAt: new Date(),
    authorId: '',
    authorName: '',
    before: null,
    after: snapshot,
    detail: null,
  } as unknown as ChangeRecord;
  return { record, event: viewerEvent(record as Parameters<typeof viewerEvent<PresenceSnapshot>>[0], 'UPDATED') };
}

export interface PresenceStreamOptions {
  /** Called once when the stream ends, however it ends: the viewer stops being present. */
  onEnd(): void;
  /** The client fell behind past its bound; the transport cuts it off. */
  onOverflow(): void;
  release?: StreamRelease | undefined;
}

/**
 * One viewer's presence stream. It keeps only the latest snapshot it has not yet handed on, so a
 * slow consumer (SSE) skips states instead of queueing them; once the shared fan-out takes it over
 * (WebSocket), snapshots go straight to the fan-out and the iterator completes, as a change stream's does.
 */
export class PresenceStream implements ChangeStream<PresenceSnapshot>, StreamControl {
  private latest: SnapshotDelivery | undefined;
  private direct: DirectDelivery | undefined;
  private handedOver = false;
  private isFinished = false;
  private wake: (() => void) | undefined;

  constructor(private readonly options: PresenceStreamOptions) {}

  get finished(): boolean {
    return this.isFinished;
  }

  deliver(delivery: SnapshotDelivery): void {
    if (this.isFinished) return;
    if (this.handedOver && this.direct) {
      this.direct.offer(delivery.record, 'UPDATED');
      return;
    }
    this.latest = delivery;
    this.wake?.();
    this.wake = undefined;
  }

  handOver(direct: DirectDelivery): StreamControl {
    this.direct = direct;
    return this;
  }

  async next(): Promise<IteratorResult<ViewerEvent<PresenceSnapshot>>> {
    for (;;) {
      const latest = this.latest;
      if (latest) {
        this.latest = undefined;
        return { value: latest.event, done: false };
      }
      if (this.isFinished) return { value: undefined, done: true };
      if (this.direct) {
        this.handedOver = true;
        if (this.options.release) {
          this.options.release.released(this);
          return { value: undefined, done: true };
        }
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<ViewerEvent<PresenceSnapshot>>> {
    this.finish();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  overflow(): void {
    this.finish();
    this.options.onOverflow();
  }

  delivered(): void {}

  end(): void {
    this.finish();
  }

  private finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    this.latest = undefined;
    this.wake?.();
    this.wake = undefined;
    this.options.onEnd();
    if (this.handedOver) this.options.release?.ended();
  }
}
