/** The change fields (`recipeChanged`, …): what a subscription field declares, and the `Change` interface. */

import type { ChangeRecord } from '../changes/change.js';
import type { Context } from '../context.js';
import type { EntityKind } from '../db/schema.js';
import type { AudienceRule } from '../live/audience.js';
import { changeStream } from '../live/subscriber-stream.js';
import type { ViewerEvent, ViewRules } from '../live/viewer-event.js';
import { builder } from './builder.js';
import { ChangeKindEnum } from './types/change-kind.js';
import { primeAuthor } from './types/user.js';

/** What one subscriber of a change field receives, worked out from its arguments and viewer. */
export interface StreamRules<Row> extends ViewRules<Row> {
  /** Only changes to this entity. */
  entityId?: string | undefined;
  /** Further kinds whose changes may end the stream. */
  watch?: readonly EntityKind[];
  /** True for a change after which the subscriber's stream completes (its subject was deleted or hidden). */
  ends?(change: ChangeRecord): boolean;
  /**
   * Refuses the subscription (by throwing) when the viewer may not follow it. Checked once the
   * stream listens, so a change committed right after the check still reaches `ends`.
   */
  admit?(): Promise<void>;
}

/**
 * Everything a change field declares; the factory adds cursors, replay, per-event visibility and stream end.
 * `Ctx` is the field's context: `SignedInContext` behind `t.withAuth({ signedIn: true })`.
 */
export interface ChangeChannel<Row, Args, Ctx extends Context = Context> {
  /** The kind whose changes the field streams; its cursors are good for this field only. */
  entity: EntityKind;
  /** Which subscribers see the same result for an event, so they can share one execution. */
  audience: AudienceRule<ViewerEvent<Row>>;
  rules(args: Args, ctx: Ctx): StreamRules<Row> | Promise<StreamRules<Row>>;
}

/** Opens one subscriber's stream; the cursor is checked first so a bad one fails before streaming. */
async function openStream<Row>(ctx: Context, entity: EntityKind, rules: StreamRules<Row>, after: string | null | undefined) {
  // The stream outlives the subscribe call: it keeps the transport's hooks, never the whole context.
  const { db, feed, transport } = ctx;
  const from = after ? await feed.resumePosition(ctx.cursors, entity, after) : undefined;
  // Mutations answer at commit, before their changes have positions: the start is taken from
  // the log's head once they have, so a write answered before the subscribe is never delivered.
  const startAt = from === undefined ? await ctx.sequencer.startPosition() : undefined;
  const stream = changeStream<Row>({
    db,
    feed,
    entity,
    entityId: rules.entityId,
    rules,
    watch: rules.watch,
    ends: rules.ends,
    after: from,
    startAt,
    maxBacklogBytes: ctx.maxBacklogBytes,
    // Bound rather than wrapped in a closure, which would keep this call's scope for the stream's life.
    onOverflow: transport.onOverflow.bind(transport),
    onDelivered: ctx.observeDelivery,
    release: transport.release,
  });
  try {
    await rules.admit?.();
  } catch (error) {
    await stream.return?.();
    throw error;
  }
  return stream;
}

/**
 * The subscribe, resolve and audience of a change field (`recipeChanged`, `commentChanged`, …).
 * Spread into `t.field({...})`: a new channel states its entity, audience and rules, and cannot
 * forget the audience, since the field gets it only from here.
 */
export function changeField<Row, Args extends { after?: string | null | undefined }, Ctx extends Context = Context>(
  channel: ChangeChannel<Row, Args, Ctx>,
) {
  return {
    subscribe: async (_root: unknown, args: Args, ctx: Ctx): Promise<AsyncIterable<ViewerEvent<Row>>> =>
      openStream(ctx, channel.entity, await channel.rules(args, ctx), args.after),
    resolve: (event: ViewerEvent<Row>) => event,
    extensions: { audience: channel.audience as AudienceRule<never> },
  };
}

/** The entity state a change carries, with its author primed so resolving `author` reads nothing. */
export function changedNode<Row>(event: ViewerEvent<Row>, ctx: Context): Row | null {
  if (event.node) primeAuthor(ctx, event.author);
  return event.node;
}

/** Fields every change event has, whatever it changed. */
export const ChangeInterface = builder.interfaceRef<ViewerEvent<unknown>>('Change').implement({
  description: 'One committed change, as the subscriber may see it.',
  fields: (t) => ({
    kind: t.field({ type: ChangeKindEnum, resolve: (event) => event.kind }),
    cursor: t.string({
      description: 'Position in the change log; pass it as `after` to resume right after this change.',
      resolve: (event, _args, ctx) => ctx.cursors.seal(event.entity, event.position),
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the change committed.',
      resolve: (event) => event.occurredAt,
    }),
  }),
});
