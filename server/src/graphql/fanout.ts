import { type ExecutionArgs, type ExecutionResult, execute, type GraphQLError } from 'graphql';
import type { Viewer } from '../auth/tokens.js';
import type { ChangeRecord } from '../changes/change.js';
import type { ChangeStream, StreamControl } from '../changes/change-stream.js';
import { type ViewerEvent, viewerEvent } from '../changes/viewer-event.js';
import type { ChangeKind } from '../db/schema.js';
import type { FrameSink } from '../transport/frame-sink.js';
import type { AudienceRule } from './audience.js';

/** A live subscriber on the shared path: everything its per-event decision and write need. */
export interface FanoutMember {
  /** Document, operation and variables apart from `after`; see SharedExecution's groupOf. */
  group: string;
  rule: AudienceRule<ViewerEvent<unknown>>;
  viewer: Viewer | null;
  /** This subscriber's own execution arguments; used when it is the first of its class for an event. */
  args: ExecutionArgs;
  sink: FrameSink;
  maxBacklogBytes: number;
}

interface Joined extends FanoutMember {
  control: StreamControl;
}

/** Subscribers who receive one event identically: same group, same visibility class, same kind. */
interface Bucket {
  event: ViewerEvent<unknown>;
  args: ExecutionArgs;
  members: Joined[];
  result?: ExecutionResult | Promise<ExecutionResult>;
}

/** One change on its way out: its buckets fill synchronously while the feed hands it to every subscriber. */
interface Batch {
  change: ChangeRecord;
  events: Partial<Record<ChangeKind, ViewerEvent<unknown>>>;
  buckets: Map<string, Bucket>;
  /** Streams that end with this change (their subject went away), once everything before it is written. */
  endings: Joined[];
}

const KIND_INDEX: Record<ChangeKind, string> = { CREATED: '\u0000C', UPDATED: '\u0000U', DELETED: '\u0000D' };

/**
 * The hot path of live delivery. Per change and bucket (document, variables apart from `after`,
 * visibility class, kind) the selection set is executed once and the result serialised once;
 * per subscriber there is only its membership decision (made by its stream: filter, visibility,
 * dedupe) and a write of the shared bytes with its own operation id spliced in. Backpressure is
 * per subscriber, by the bytes waiting on its socket: past its bound it is cut off.
 *
 * Changes leave in the order the feed delivered them; a change's executions all start before the
 * first of them is awaited, so one slow resolver does not serialise the others.
 */
export class Fanout {
  private readonly batches: Batch[] = [];
  private open: Batch | undefined;
  private running = false;

  constructor(private readonly maskError: (error: GraphQLError) => GraphQLError) {}

  /** Takes the stream's live changes over once it has yielded everything before them. */
  join(stream: ChangeStream<unknown>, member: FanoutMember): void {
    const joined = member as Joined;
    joined.control = stream.handOver({
      offer: (change, kind) => this.offer(joined, change, kind),
      endAt: (change) => this.batchOf(change).endings.push(joined),
    });
  }

  private batchOf(change: ChangeRecord): Batch {
    let batch = this.open;
    if (batch?.change !== change) {
      batch = { change, events: {}, buckets: new Map(), endings: [] };
      this.open = batch;
      this.batches.push(batch);
      if (!this.running) queueMicrotask(() => void this.run());
      this.running = true;
    }
    return batch;
  }

  private offer(member: Joined, change: ChangeRecord, kind: ChangeKind): void {
    const batch = this.batchOf(change);
    let event = batch.events[kind];
    if (!event) {
      event = viewerEvent(change as Parameters<typeof viewerEvent<unknown>>[0], kind);
      batch.events[kind] = event;
    }
    const key = member.group + KIND_INDEX[kind] + member.rule(event, member.viewer);
    let bucket = batch.buckets.get(key);
    if (!bucket) {
      bucket = { event, args: member.args, members: [] };
      batch.buckets.set(key, bucket);
    }
    bucket.members.push(member);
  }

  private async run(): Promise<void> {
    try {
      for (let batch = this.batches.shift(); batch; batch = this.batches.shift()) {
        if (batch === this.open) this.open = undefined;
        for (const bucket of batch.buckets.values()) bucket.result = execute({ ...bucket.args, rootValue: bucket.event });
        for (const bucket of batch.buckets.values()) {
          const result = await bucket.result;
          if (result) this.write(bucket.members, Buffer.from(JSON.stringify(this.serialisable(result))));
        }
        for (const member of batch.endings) member.control.end();
      }
    } finally {
      this.running = false;
      this.open = undefined;
    }
  }

  /** What graphql-ws would send: the result with its errors masked and in their JSON form. */
  private serialisable(result: ExecutionResult): unknown {
    if (!result.errors) return result;
    return { ...result, errors: result.errors.map((error) => this.maskError(error).toJSON()) };
  }

  private write(members: Joined[], payload: Buffer): void {
    for (const member of members) {
      if (member.control.finished) continue;
      if (member.sink.bufferedBytes + payload.length > member.maxBacklogBytes) {
        member.control.overflow();
        continue;
      }
      member.sink.next(payload);
      member.control.delivered();
    }
  }
}
