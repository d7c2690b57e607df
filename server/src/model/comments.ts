/** Comments: their reads and writes, and the rule that a thread is visible exactly when its target is. */

import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Viewer } from '../auth/tokens.js';
import type { Db, Queryable, Tx } from '../db/client.js';
import { blogs, type CommentRow, type CommentState, comments, recipes, type TargetKind } from '../db/schema.js';
import { notFound } from './errors.js';
import { isUuid } from './ids.js';
import { notifyOfComment, removeNotificationsOfComments } from './notifications.js';
import { type Author, type Committed, createOwned, deleteOwned, type OwnedTable, type PendingChange, updateOwned } from './owned-writes.js';
import { type PageWindow, pageClauses } from './pagination.js';
import { parseInput, text } from './validation.js';

export interface TargetRef {
  kind: TargetKind;
  id: string;
}

/** Who owns a target and whether everyone may see it: all that a comment's visibility depends on. */
export interface TargetAccess {
  authorId: string;
  public: boolean;
}

const body = text(1, 5_000);
const addInput = z.object({ body });
const updateInput = z.object({ body, expectedVersion: z.number().int().nullable().optional() });

/** The same rule as the target's own: a draft's thread exists only for the draft's author. */
export function targetVisibleTo(access: TargetAccess, viewerId: string | undefined): boolean {
  return access.public || access.authorId === viewerId;
}

/**
 * Reads a target's access, optionally locking it: FOR SHARE keeps it from being deleted or hidden
 * while a comment on it commits, and a deletion waiting for it then finds that comment.
 */
export async function targetAccess(db: Queryable, target: TargetRef, lock = false): Promise<TargetAccess | null> {
  if (!isUuid(target.id)) return null;
  if (target.kind === 'recipe') {
    const query = db.select({ authorId: recipes.authorId }).from(recipes).where(eq(recipes.id, target.id));
    const [row] = await (lock ? query.for('share') : query);
    return row ? { authorId: row.authorId, public: true } : null;
  }
  const query = db.select({ authorId: blogs.authorId, published: blogs.published }).from(blogs).where(eq(blogs.id, target.id));
  const [row] = await (lock ? query.for('share') : query);
  return row ? { authorId: row.authorId, public: row.published } : null;
}

const withAccess = (row: CommentRow, access: TargetAccess): CommentState => ({
  ...row,
  targetAuthorId: access.authorId,
  targetPublic: access.public,
});

interface CommentValues {
  target: TargetRef | null;
  body: string;
}

const table: OwnedTable<'comment', CommentValues> = {
  entity: 'comment',
  label: 'comment',
  async lockById(tx, id) {
    if (!isUuid(id)) return null;
    const [found] = await tx.select().from(comments).where(eq(comments.id, id));
    if (!found) return null;
    // The target first, as every writer of a thread does, so a target's deletion and a comment's edit cannot deadlock.
    const access = await targetAccess(tx, { kind: found.targetKind, id: found.targetId }, true);
    const [row] = await tx.select().from(comments).where(eq(comments.id, id)).for('update');
    return row && access ? withAccess(row, access) : null;
  },
  visibleTo: (row, viewerId) => targetVisibleTo({ authorId: row.targetAuthorId, public: row.targetPublic }, viewerId),
  mayDelete: (row, viewerId) => row.targetAuthorId === viewerId,
  async insert(tx, author, values) {
    const access = values.target ? await targetAccess(tx, values.target, true) : null;
    if (!values.target || !access || !targetVisibleTo(access, author.id)) {
      throw notFound('There is no recipe or blog with this id to comment on.');
    }
    const [row] = await tx
      .insert(comments)
      .values({ targetKind: values.target.kind, targetId: values.target.id, authorId: author.id, body: values.body })
      .returning();
    if (!row) throw new Error('comment insert returned nothing');
    return withAccess(row, access);
  },
  async update(tx, before, values, version) {
    const [row] = await tx
      .update(comments)
      .set({ body: values.body, version, updatedAt: sql`now()` })
      .where(eq(comments.id, before.id))
      .returning();
    if (!row) throw new Error('comment update returned nothing');
    return withAccess(row, { authorId: before.targetAuthorId, public: before.targetPublic });
  },
  async remove(tx, row) {
    await tx.delete(comments).where(eq(comments.id, row.id));
  },
  detail: (row) => ({ targetKind: row.targetKind, targetId: row.targetId, targetAuthorId: row.targetAuthorId }),
  afterInsert: (tx, row, author) => notifyOfComment(tx, row, author),
  beforeRemove: (tx, row, author) => removeNotificationsOfComments(tx, row.targetAuthorId, [row.id], author),
};

export function addComment(db: Db, viewer: Viewer, target: TargetRef | null, input: unknown): Promise<Committed<CommentState>> {
  const values = parseInput(addInput, input);
  return createOwned(db, table, viewer, { target, body: values.body });
}

export function updateComment(db: Db, viewer: Viewer, id: string, input: unknown): Promise<Committed<CommentState>> {
  const { expectedVersion, ...patch } = parseInput(updateInput, input);
  return updateOwned(db, table, viewer, id, patch, expectedVersion);
}

export function deleteComment(db: Db, viewer: Viewer, id: string): Promise<Committed<CommentState>> {
  return deleteOwned(db, table, viewer, id);
}

/**
 * Deletes a target's whole thread inside the target's deletion: the comments' notifications, then
 * the comments, each with its change, all before the target's own change.
 */
export async function removeThread(tx: Tx, target: TargetRef, access: TargetAccess, actor: Author): Promise<PendingChange[]> {
  const thread = await tx
    .select()
    .from(comments)
    .where(eq(comments.targetId, target.id))
    .orderBy(asc(comments.createdAt), asc(comments.id));
  if (thread.length === 0) return [];
  const notificationChanges = await removeNotificationsOfComments(
    tx,
    access.authorId,
    thread.map((row) => row.id),
    actor,
  );
  await tx.delete(comments).where(eq(comments.targetId, target.id));
  const commentChanges = thread.map((row): PendingChange => {
    const state = withAccess(row, access);
    return { entity: 'comment', entityId: row.id, kind: 'DELETED', author: actor, before: state, after: null, detail: table.detail(state) };
  });
  return [...notificationChanges, ...commentChanges];
}

/** A thread oldest first. The caller has already established that the viewer may see the target. */
export async function listComments(db: Queryable, targetId: string, window: PageWindow): Promise<CommentRow[]> {
  const page = pageClauses(comments, window, 'oldest-first');
  return db
    .select()
    .from(comments)
    .where(and(eq(comments.targetId, targetId), page.where))
    .orderBy(...page.orderBy)
    .limit(window.limit);
}

export async function commentCounts(db: Queryable, targetIds: readonly string[]): Promise<number[]> {
  const valid = targetIds.filter(isUuid);
  const rows = valid.length
    ? await db
        .select({ targetId: comments.targetId, count: sql<number>`count(*)::int` })
        .from(comments)
        .where(inArray(comments.targetId, valid))
        .groupBy(comments.targetId)
    : [];
  const counts = new Map(rows.map((row) => [row.targetId, Number(row.count)]));
  return targetIds.map((id) => counts.get(id) ?? 0);
}

/** Comments whose target the viewer may see; the rest read as absent. */
export async function commentsByIds(db: Queryable, viewer: Viewer | null, ids: readonly string[]): Promise<CommentRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const visibleTarget: SQL = viewer
    ? sql`(${comments.targetKind} = 'recipe' or exists (select 1 from ${blogs} where ${blogs.id} = ${comments.targetId} and (${blogs.published} or ${blogs.authorId} = ${viewer.id})))`
    : sql`(${comments.targetKind} = 'recipe' or exists (select 1 from ${blogs} where ${blogs.id} = ${comments.targetId} and ${blogs.published}))`;
  return db
    .select()
    .from(comments)
    .where(and(inArray(comments.id, valid), visibleTarget));
}
