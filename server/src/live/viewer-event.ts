/** How a change looks to one viewer: whether it reaches them, as which kind, and the event they get. */

import type { ChangeKind, EntityKind } from '../db/schema.js';

/** A change as one viewer is allowed to see it. */
export interface ViewerEvent<Row> {
  kind: ChangeKind;
  entity: EntityKind;
  entityId: string;
  /** State after the change, null when the viewer sees it as DELETED. */
  node: Row | null;
  position: number;
  occurredAt: Date;
  author: { id: string; name: string };
  /** What every subscriber may know about the change even without its state (a comment's target). */
  detail: unknown;
}

export interface ViewRules<Row> {
  visible(row: Row): boolean;
  matches(row: Row): boolean;
}

/** What every change offers a viewer's rules: the entity's state on both sides, and who made it. */
export interface ViewableChange<Row> {
  kind: ChangeKind;
  entity: EntityKind;
  entityId: string;
  before: Row | null;
  after: Row | null;
  position: number;
  occurredAt: Date;
  authorId: string;
  authorName: string;
  detail?: unknown;
}

/**
 * How this viewer should receive a change, or null for not at all. Visibility decides the
 * kind: appearing is CREATED, disappearing is DELETED without state. The filter decides
 * relevance: a change whose state before or after matches is delivered, so a client can add
 * or drop the entity from a filtered view. Allocates nothing, so it can run per subscriber.
 */
export function viewKind<Row>(change: ViewableChange<Row>, rules: ViewRules<Row>): ChangeKind | null {
  const seenBefore = change.before !== null && rules.visible(change.before);
  const seenAfter = change.after !== null && rules.visible(change.after);
  const relevant =
    (seenBefore && change.before !== null && rules.matches(change.before)) ||
    (seenAfter && change.after !== null && rules.matches(change.after));
  if (!relevant) return null;
  return seenBefore && seenAfter ? 'UPDATED' : seenAfter ? 'CREATED' : 'DELETED';
}

/** The event every viewer who receives the change as `kind` sees: the same for all of them. */
export function viewerEvent<Row>(change: ViewableChange<Row>, kind: ChangeKind): ViewerEvent<Row> {
  return {
    kind,
    entity: change.entity,
    entityId: change.entityId,
    node: kind === 'DELETED' ? null : change.after,
    position: change.position,
    occurredAt: change.occurredAt,
    author: { id: change.authorId, name: change.authorName },
    detail: change.detail ?? null,
  };
}
