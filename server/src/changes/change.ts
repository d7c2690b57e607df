/** What a change is: the record every part of delivery passes on, and its revival from the log and the bus. */

import type { BlogRow, ChangeKind, CommentState, EntityKind, NotificationRow, RecipeRow, TargetKind } from '../db/schema.js';
import { entityKinds } from '../db/schema.js';

/** The state each entity kind's changes carry before and after. */
export interface EntityStates {
  recipe: RecipeRow;
  blog: BlogRow;
  comment: CommentState;
  notification: NotificationRow;
}

/** What any subscriber of a kind may know about a change even when it sees no state (a DELETED event). */
export interface ChangeDetails {
  recipe: null;
  blog: null;
  comment: { targetKind: TargetKind; targetId: string; targetAuthorId: string };
  notification: { recipientId: string; unreadCount: number };
}

export interface ChangeRecordOf<E extends EntityKind> {
  entity: E;
  /** Position in the durable change log; commit order across the whole service. */
  position: number;
  entityId: string;
  kind: ChangeKind;
  authorId: string;
  authorName: string;
  occurredAt: Date;
  before: EntityStates[E] | null;
  after: EntityStates[E] | null;
  detail: ChangeDetails[E];
}

/** One committed change with the entity's state before and after it: everything a subscriber needs. */
export type ChangeRecord = { [E in EntityKind]: ChangeRecordOf<E> }[EntityKind];

type Json = Record<string, unknown>;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateFields = ['createdAt', 'updatedAt'] as const;

/** A row read back from JSON: its timestamps as dates again. */
export function reviveRow(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  const row = { ...(value as Json) };
  for (const field of dateFields) if (field in row) row[field] = toDate(row[field]);
  return row;
}

const isEntityKind = (value: string): value is EntityKind => (entityKinds as readonly string[]).includes(value);

/** Wire and log form to typed record. Dates travel as ISO strings inside JSON. */
export function reviveChange(raw: {
  position: number | string;
  entity: string;
  entityId: string;
  kind: string;
  authorId: string;
  authorName: string;
  before: unknown;
  after: unknown;
  detail?: unknown;
  occurredAt: Date | string;
}): ChangeRecord {
  if (!isEntityKind(raw.entity)) throw new Error(`unknown entity "${raw.entity}" in change ${raw.position}`);
  return {
    entity: raw.entity,
    position: Number(raw.position),
    entityId: raw.entityId,
    kind: raw.kind as ChangeKind,
    authorId: raw.authorId,
    authorName: raw.authorName,
    occurredAt: toDate(raw.occurredAt),
    before: reviveRow(raw.before),
    after: reviveRow(raw.after),
    detail: raw.detail ?? null,
  } as ChangeRecord;
}

const sizes = new WeakMap<ChangeRecord, number>();

/** Estimate of what the event costs once serialised; computed once per change, not per subscriber. */
export function approximateBytes(change: ChangeRecord): number {
  const known = sizes.get(change);
  if (known !== undefined) return known;
  const row = (change.after ?? change.before) as Record<string, unknown> | null;
  let bytes = 200;
  for (const value of Object.values(row ?? {})) {
    if (typeof value === 'string') bytes += value.length;
    else if (Array.isArray(value)) for (const item of value) bytes += String(item).length + 3;
    else bytes += 16;
  }
  sizes.set(change, bytes);
  return bytes;
}
