import type { BlogRow, ChangeKind, RecipeRow } from '../db/schema.js';

interface ChangeBase {
  /** Position in the durable change log; commit order across the whole service. */
  position: number;
  entityId: string;
  kind: ChangeKind;
  authorId: string;
  authorName: string;
  occurredAt: Date;
}

export interface RecipeChangeRecord extends ChangeBase {
  entity: 'recipe';
  before: RecipeRow | null;
  after: RecipeRow | null;
}

export interface BlogChangeRecord extends ChangeBase {
  entity: 'blog';
  before: BlogRow | null;
  after: BlogRow | null;
}

/** One committed change with the entity's state before and after it: everything a subscriber needs. */
export type ChangeRecord = RecipeChangeRecord | BlogChangeRecord;

type Json = Record<string, unknown>;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

function reviveRow<Row>(value: unknown): Row | null {
  if (value === null || value === undefined) return null;
  const row = value as Json;
  return { ...row, createdAt: toDate(row.createdAt), updatedAt: toDate(row.updatedAt) } as Row;
}

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
  occurredAt: Date | string;
}): ChangeRecord {
  const base = {
    position: Number(raw.position),
    entityId: raw.entityId,
    kind: raw.kind as ChangeKind,
    authorId: raw.authorId,
    authorName: raw.authorName,
    occurredAt: toDate(raw.occurredAt),
  };
  if (raw.entity === 'recipe') {
    return { ...base, entity: 'recipe', before: reviveRow<RecipeRow>(raw.before), after: reviveRow<RecipeRow>(raw.after) };
  }
  if (raw.entity === 'blog') {
    return { ...base, entity: 'blog', before: reviveRow<BlogRow>(raw.before), after: reviveRow<BlogRow>(raw.after) };
  }
  throw new Error(`unknown entity "${raw.entity}" in change ${raw.position}`);
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
