/** The fan-out: each change executed once per audience and written to every live subscriber's sink. */

import { type ExecutionArgs, execute } from 'graphql';
import type { Viewer } from '../auth/tokens.js';
import type { ChangeRecord } from '../changes/change.js';
import type { ChangeKind } from '../db/schema.js';
import type { AudienceRule } from './audience.js';
import { eventContext } from './event-context.js';
import { ResultCache, type SharedResult } from './result-cache.js';
import type { SubscriberSink } from './sink.js';
import type { ChangeStream, DirectDelivery, StreamControl } from './subscriber-stream.js';
import { type ViewerEvent, viewerEvent } from './viewer-event.js';

/** A live subscriber on the shared path: everything its per-event decision and write need. */
export interface FanoutMember {
  /** Document, operation and variables apart from `after`; see execution-group.ts. */
  group: string;
  rule: AudienceRule<ViewerEvent<unknown>>;
  viewer: Viewer | null;
  /** This subscriber's own execution arguments; used when it is the first of its class for an event. */
  args: ExecutionArgs;
  sink: SubscriberSink;
}

/**
 * A subscriber once the fan-out writes its stream. It is the stream's direct delivery itself, a
 * class rather than a literal with two closures, since every idle subscriber keeps one.
 */
class LiveSubscriber implements DirectDelivery {
  readonly group: string;
  readonly rule: AudienceRule<ViewerEvent<unknown>>;
  readonly viewer: Viewer | null;
  readonly args: ExecutionArgs;
  readonly sink: SubscriberSink;
  readonly control: StreamControl;

  constructor(
    private readonly fanout: Fanout,
    stream: ChangeStream<unknown>,
    member: FanoutMember,
  ) {
    this.group = member.group;
    this.rule = member.rule;
    this.viewer = member.viewer;
    this.args = member.args;
    this.sink = member.sink;
    // Last: from here on the stream may offer changes.
    this.control = stream.handOver(this);
  }

  offer(change: ChangeRecord, kind: ChangeKind): void {
    this.fanout.offer(this, change, kind);
  }

  endAt(change: ChangeRecord): void {
    this.fanout.outgoingOf(change).endings.push(this);
  }
}

export interface FanoutOptions {
  /**
   * Events that may wait for the fan-out (MAX_QUEUED_EVENTS). Past it, the connections whose
   * subscriptions cause the most of the waiting executions are cut until half of them are gone,
   * instead of the queue, its lag and its memory growing without bound.
   */
  maxQueuedEvents: number;
  /** Told how many connections one shedding cut. */
  onShed?(connections: number): void;
}

/** Subscribers who receive one event identically: same group, same visibility class, same kind. */
interface SharedDelivery {
  group: string;
  kind: ChangeKind;
  visibility: string;
  event: ViewerEvent<unknown>;
  args: ExecutionArgs;
  members: LiveSubscriber[];
  result?: Promise<SharedResult>;
}

/** One change on its way out: its deliveries fill synchronously while the feed hands it to every subscriber. */
interface OutgoingChange {
  change: ChangeRecord;
  events: Partial<Record<ChangeKind, ViewerEvent<unknown>>>;
  deliveries: Map<string, SharedDelivery>;
  /** The delivery the last subscriber went to. */
  last?: SharedDelivery;
  /** Streams that end with this change (their subject went away), once everything before it is written. */
  endings: LiveSubscriber[];
}

const isLive = (member: LiveSubscriber): boolean => !member.control.finished;

const KIND_INDEX: Record<ChangeKind, string> = { CREATED: '\u0000C', UPDATED: '\u0000U', DELETED: '\u0000D' };

/**
 * The hot path of live delivery, and what it owns: the queue of changes going out, each change's
 * deliveries, and shedding when the queue passes its bound. Per change and delivery (document, variables apart from `after`,
 * visibility class, kind) the selection set is executed once and the result serialised once;
 * per subscriber there is only its membership decision (made by its stream: filter, visibility,
 * dedupe) and a write of the shared result to its sink (sink.ts), which splices in its operation
 * id (WebSocket) or queues it for Yoga (SSE), and cuts the subscriber off past its backlog bound.
 *
 * Changes leave in the order the feed delivered them; a change's executions all start before the
 * first of them is awaited, so one slow resolver does not serialise the others.
 */
export class Fanout {
  private readonly queue: OutgoingChange[] = [];
  private open: OutgoingChange | undefined;
  private running = false;
  /** Changes taken off the queue so far, and how many must be before shedding again. */
  private taken = 0;
  private shedUntil = 0;

  constructor(
    private readonly results: ResultCache,
    private readonly options: FanoutOptions = { maxQueuedEvents: Number.POSITIVE_INFINITY },
  ) {}

  /** Takes the stream's live changes over once it has yielded everything before them. */
  join(stream: ChangeStream<unknown>, member: FanoutMember): void {
    // The stream keeps it: it is the stream's direct delivery from now on.
    new LiveSubscriber(this, stream, member);
  }

  /** The outgoing change of `change`, opened when the first subscriber is offered it. */
  outgoingOf(change: ChangeRecord): OutgoingChange {
    let outgoing = this.open;
    if (outgoing?.change !== change) {
      outgoing = { change, events: {}, deliveries: new Map(), endings: [] };
      this.open = outgoing;
      this.queue.push(outgoing);
      if (!this.running) queueMicrotask(() => void this.run());
      this.running = true;
      // Shedding gets to take effect, the changes queued when it ran leaving, before it runs again.
      if (this.queue.length > this.options.maxQueuedEvents && this.taken >= this.shedUntil) {
        // Not while the feed is still handing this change to its listeners, which cutting removes.
        this.shedUntil = Number.POSITIVE_INFINITY;
        queueMicrotask(() => this.shed());
      }
    }
    return outgoing;
  }

  /** Puts `member` in the delivery it receives `change` in, as `kind`. */
  offer(member: LiveSubscriber, change: ChangeRecord, kind: ChangeKind): void {
    const outgoing = this.outgoingOf(change);
    let event = outgoing.events[kind];
    if (!event) {
      event = viewerEvent(change as Parameters<typeof viewerEvent<unknown>>[0], kind);
      outgoing.events[kind] = event;
    }
    const visibility = member.rule(event, member.viewer);
    // Subscribers of one group and class usually follow each other: the last delivery is checked
    // before building a key, which would be a new string to hash per subscriber.
    let delivery = outgoing.last;
    if (!delivery || delivery.group !== member.group || delivery.kind !== kind || delivery.visibility !== visibility) {
      const key = member.group + KIND_INDEX[kind] + visibility;
      delivery = outgoing.deliveries.get(key);
      if (!delivery) {
        delivery = { group: member.group, kind, visibility, event, args: member.args, members: [] };
        outgoing.deliveries.set(key, delivery);
      }
      outgoing.last = delivery;
    }
    delivery.members.push(member);
  }

  private async run(): Promise<void> {
    try {
      for (let outgoing = this.queue.shift(); outgoing; outgoing = this.queue.shift()) {
        this.taken += 1;
        if (outgoing === this.open) this.open = undefined;
        for (const delivery of outgoing.deliveries.values()) {
          // Everyone in it was cut while it waited: nobody to execute it for.
          if (!delivery.members.some(isLive)) continue;
          const { args, event } = delivery;
          const key = ResultCache.key(delivery.group, delivery.visibility, outgoing.change.position, delivery.kind);
          delivery.result = this.results.resultOf(key, () =>
            execute({ ...args, contextValue: eventContext(args.contextValue), rootValue: event }),
          );
        }
        for (const delivery of outgoing.deliveries.values()) {
          const shared = await delivery.result;
          if (shared) this.write(delivery.members, shared);
        }
        for (const member of outgoing.endings) member.control.end();
      }
    } finally {
      this.running = false;
      this.open = undefined;
    }
  }

  /**
   * Cuts the connections that cause the most of the executions waiting, until half of them are
   * gone. An execution is charged to the connections waiting for it in equal shares, so a document
   * of one's own costs a connection a whole execution per event and one shared by thousands next
   * to nothing: whoever asks for work nobody else shares goes first.
   */
  private shed(): void {
    this.shedUntil = this.taken + this.queue.length;
    const charges = new Map<object, { executions: number; member: LiveSubscriber }>();
    let waiting = 0;
    for (const outgoing of this.queue) {
      for (const delivery of outgoing.deliveries.values()) {
        const live = delivery.members.filter(isLive);
        if (live.length === 0) continue;
        waiting += 1;
        for (const member of live) {
          const charge = charges.get(member.sink.connection);
          if (charge) charge.executions += 1 / live.length;
          else charges.set(member.sink.connection, { executions: 1 / live.length, member });
        }
      }
    }
    let cut = 0;
    let removed = 0;
    for (const charge of [...charges.values()].sort((a, b) => b.executions - a.executions)) {
      if (removed >= waiting / 2) break;
      // The member's whole connection goes, which ends its other streams too.
      charge.member.sink.close('shed');
      removed += charge.executions;
      cut += 1;
    }
    if (cut > 0) this.options.onShed?.(cut);
  }

  private write(members: LiveSubscriber[], payload: SharedResult): void {
    for (const member of members) {
      if (!member.control.finished && member.sink.write(payload)) member.control.delivered();
    }
  }
}
