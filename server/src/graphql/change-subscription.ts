import { changeStream } from '../changes/change-stream.js';
import { encodeCursor } from '../changes/cursor.js';
import { resolveCursor } from '../changes/log.js';
import type { ViewerEvent, ViewRules } from '../changes/viewer-event.js';
import type { Context } from '../context.js';
import type { EntityKind } from '../db/schema.js';
import { builder } from './builder.js';
import { ChangeKindEnum } from './types/change-kind.js';
import { primeAuthor } from './types/user.js';

/** Opens one subscriber's stream; the cursor is checked first so a bad one fails before streaming. */
export async function subscribeToChanges<Row>(
  ctx: Context,
  entity: EntityKind,
  options: { entityId?: string | undefined; after?: string | null | undefined; rules: ViewRules<Row> },
): Promise<AsyncIterable<ViewerEvent<Row>>> {
  const after = options.after ? await resolveCursor(ctx.db, entity, options.after, (position) => ctx.feed.remembers(position)) : undefined;
  return changeStream<Row>({
    db: ctx.db,
    feed: ctx.feed,
    entity,
    entityId: options.entityId,
    rules: options.rules,
    after,
    maxBacklogBytes: ctx.maxBacklogBytes,
    onOverflow: () => ctx.transport.onOverflow(),
    onDelivered: ctx.observeDelivery,
  });
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
      resolve: (event) => encodeCursor(event.entity, event.position),
    }),
    occurredAt: t.field({
      type: 'DateTime',
      description: 'When the change committed.',
      resolve: (event) => event.occurredAt,
    }),
  }),
});
