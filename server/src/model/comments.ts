/** Comments: their reads and writes, and the rule that a thread is visible exactly when its target is. */

import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Viewer } from '../auth/tokens.js';
import { reviveRow } from '../changes/change.js';
import { type Db, preparedStatement, type Queryable } from '../db/client.js';
import { blogs, type CommentRow, type CommentState, comments, notifications, recipes, type TargetKind } from '../db/schema.js';
import { notFound } from './errors.js';
import { isUuid } from './ids.js';
import { lockInboxes } from './notifications.js';
import { accountGone, type Committed, deleteOwned, type OwnedTable, type RemovalRow, removalBy, updateOwned } from './owned-writes.js';
import { type PageWindow, pageClauses } from './pagination.js';
import { detailJson, stateJson } from './state-json.js';
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

/** Reads a target's access: who owns it and whether everyone may see it. */
export async function targetAccess(db: Queryable, target: TargetRef): Promise<TargetAccess | null> {
  if (!isUuid(target.id)) return null;
  if (target.kind === 'recipe') {
    const [row] = await db.select({ authorId: recipes.authorId }).from(recipes).where(eq(recipes.id, target.id));
    return row ? { authorId: row.authorId, public: true } : null;
  }
  const [row] = await db.select({ authorId: blogs.authorId, published: blogs.published }).from(blogs).where(eq(blogs.id, target.id));
  return row ? { authorId: row.authorId, public: row.published } : null;
}

interface CommentValues {
  body: string;
}

const accessKeys = (alias: string) => ({ targetAuthorId: `${alias}.target_author_id`, targetPublic: `${alias}.target_public` });

/**
 * The viewer (`viewer`) and the comment `id` with its target's access and its state (`old`), locked
 * FOR UPDATE, the target locked FOR SHARE first, as every writer of a thread does (the comment's
 * row joins the target's), so a change to the comment and the target's deletion cannot deadlock.
 */
const viewerAndComment = sql`viewer as (select u.id, u.name from users u where u.id = ${sql.placeholder('viewer')}::uuid),
    found as (select c.target_kind, c.target_id from comments c where c.id = ${sql.placeholder('id')}::uuid),
    recipe_target as (
      select r.author_id, true as public from recipes r, found
      where found.target_kind = 'recipe' and r.id = found.target_id for share of r),
    blog_target as (
      select b.author_id, b.published as public from blogs b, found
      where found.target_kind = 'blog' and b.id = found.target_id for share of b),
    target as (select * from recipe_target union all select * from blog_target),
    locked as (
      select c.*, target.author_id as target_author_id, target.public as target_public from comments c, target
      where c.id = ${sql.placeholder('id')}::uuid for update of c),
    old as (select locked.*, ${sql.raw(stateJson(comments, 'locked', accessKeys('locked')))} as state from locked)`;

/** An edit of a comment and its change in one statement, so neither lock is held across a round trip. */
const updateStatement = preparedStatement<{ author_name: string | null; before: unknown; after: unknown }>(
  sql.join([
    sql`with ${viewerAndComment},
    new as (
      update comments as t set body = ${sql.placeholder('body')}::text, version = t.version + 1, updated_at = now()
      from old
      where t.id = old.id and t.author_id = ${sql.placeholder('viewer')}::uuid
        and (old.target_public or old.target_author_id = ${sql.placeholder('viewer')}::uuid)
        and (${sql.placeholder('version')}::int is null or t.version = ${sql.placeholder('version')}::int)
        and t.body is distinct from ${sql.placeholder('body')}::text
      returning t.id, t.target_kind, t.target_id, old.target_author_id, `,
    sql.raw(stateJson(comments, 't', accessKeys('old'))),
    sql` as state),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select 'comment', new.id, 'UPDATED', viewer.id, viewer.name, old.state, new.state,
        ${sql.raw(detailJson.comment({ targetKind: 'new.target_kind', targetId: 'new.target_id', targetAuthorId: 'new.target_author_id' }))}
      from new, old, viewer)
    select (select name from viewer) as author_name,
      -- The comment as it was is only needed to say why nothing was written.
      case when exists (select from new) then null else (select state from old) end as before,
      (select state from new) as after`,
  ]),
);

/**
 * A comment's removal by its author or its target's author, with its notification, in one
 * statement: the target's author's inbox is locked and its count read before the notification
 * goes, and the notification's change is appended before the comment's.
 */
const deleteStatement = preparedStatement<RemovalRow>(
  sql.join([
    sql`with ${viewerAndComment},
    allowed as (
      select old.* from old, viewer
      where (old.target_public or old.target_author_id = viewer.id) and viewer.id in (old.author_id, old.target_author_id)),
    inbox as (${lockInboxes(sql`select allowed.target_author_id from allowed`)}),
    gone as (
      delete from notifications n using allowed, inbox
      where n.comment_id = allowed.id and n.recipient_id = allowed.target_author_id
      returning n.id, n.recipient_id, `,
    sql.raw(stateJson(notifications, 'n')),
    sql` as state, inbox.unread - (case when n.read then 0 else 1 end) as unread_after),
    removed as (delete from comments c using allowed where c.id = allowed.id returning c.id),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select entity, entity_id, 'DELETED', author_id, author_name, state, null, detail from (
        select 1 as step, 'notification' as entity, gone.id as entity_id, viewer.id as author_id, viewer.name as author_name,
          gone.state, ${sql.raw(detailJson.notification({ recipientId: 'gone.recipient_id', unreadCount: 'gone.unread_after' }))} as detail
        from gone, viewer
        union all
        select 2, 'comment', allowed.id, viewer.id, viewer.name, allowed.state,
          ${sql.raw(detailJson.comment({ targetKind: 'allowed.target_kind', targetId: 'allowed.target_id', targetAuthorId: 'allowed.target_author_id' }))}
        from allowed join removed on removed.id = allowed.id, viewer
      ) as changes order by step)
    select (select name from viewer) as author_name, (select state from old) as before,
      exists (select from removed) as removed, (select count(*)::int from gone) + (select count(*)::int from removed) as appended`,
  ]),
);

const table: OwnedTable<'comment', CommentValues> = {
  entity: 'comment',
  label: 'comment',
  visibleTo: (row, viewerId) => targetVisibleTo({ authorId: row.targetAuthorId, public: row.targetPublic }, viewerId),
  statements: {
    async updateAndAppend(db, viewerId, id, patch, expectedVersion) {
      if (!isUuid(id) || patch.body === undefined) return { authorName: null, before: null, after: null };
      const [row] = await updateStatement(db, { viewer: viewerId, id, body: patch.body, version: expectedVersion });
      return {
        authorName: row?.author_name ?? null,
        before: reviveRow(row?.before) as CommentState | null,
        after: reviveRow(row?.after) as CommentState | null,
      };
    },
    removeAndAppend: removalBy<CommentState>(deleteStatement),
  },
};

/**
 * A comment and, on someone else's target, the notification of its author, with both changes, in
 * one statement: no transaction is held open across round trips, so neither the target's lock nor
 * the author's inbox lock waits on this instance's event loop.
 *
 * The target is read FOR SHARE first, as every writer of a thread does, so it can be neither
 * deleted nor hidden while the comment commits. The author's inbox row is locked next (`lockInboxes`)
 * and its count read under that lock, before either change is appended, so the notification's
 * change comes after every earlier change to that inbox; the notification adds one to the count
 * (the database's trigger does, once the statement has inserted it). The two changes are appended
 * by one insert, the comment's first.
 */
const insertCommentAndNotification = preparedStatement<{ author_name: string | null; comment: unknown; notified: number }>(
  sql.join([
    sql`with viewer as (select u.id, u.name from users u where u.id = ${sql.placeholder('viewer')}::uuid),
    recipe_target as (
      select r.author_id, true as public from recipes r
      where ${sql.placeholder('kind')}::text = 'recipe' and r.id = ${sql.placeholder('target')}::uuid for share),
    blog_target as (
      select b.author_id, b.published as public from blogs b
      where ${sql.placeholder('kind')}::text = 'blog' and b.id = ${sql.placeholder('target')}::uuid for share),
    target as (select * from recipe_target union all select * from blog_target),
    new as (
      insert into comments (target_kind, target_id, author_id, body)
      select ${sql.placeholder('kind')}::text, ${sql.placeholder('target')}::uuid, viewer.id, ${sql.placeholder('body')}::text
      from viewer, target where target.public or target.author_id = viewer.id
      returning *),
    added as (select new.id, target.author_id as target_author_id, `,
    sql.raw(stateJson(comments, 'new', { targetAuthorId: 'target.author_id', targetPublic: 'target.public' })),
    sql` as state from new, target),
    note as (
      insert into notifications (recipient_id, actor_id, comment_id, target_kind, target_id)
      select added.target_author_id, viewer.id, added.id, ${sql.placeholder('kind')}::text, ${sql.placeholder('target')}::uuid
      from added, viewer where added.target_author_id <> viewer.id
      returning *),
    inbox as (${lockInboxes(sql`select note.recipient_id from note`)}),
    log as (
      insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after, detail)
      select entity, entity_id, 'CREATED', author_id, author_name, null, state, detail from (
        select 1 as step, 'comment' as entity, added.id as entity_id, viewer.id as author_id, viewer.name as author_name,
          added.state, ${sql.raw(detailJson.comment({ targetKind: "added.state->'targetKind'", targetId: "added.state->'targetId'", targetAuthorId: 'added.target_author_id' }))} as detail
        from added, viewer
        union all
        select 2, 'notification', note.id, note.actor_id, viewer.name, `,
    sql.raw(stateJson(notifications, 'note')),
    sql`, ${sql.raw(detailJson.notification({ recipientId: 'note.recipient_id', unreadCount: 'inbox.unread + 1' }))}
        from note, inbox, viewer
      ) as changes order by step)
    select (select name from viewer) as author_name, (select state from added) as comment, (select count(*)::int from note) as notified`,
  ]),
);

export async function addComment(db: Db, viewer: Viewer, target: TargetRef | null, input: unknown): Promise<Committed<CommentState>> {
  const { body } = parseInput(addInput, input);
  const nothingToCommentOn = () => notFound('There is no recipe or blog with this id to comment on.');
  if (!target || !isUuid(target.id)) throw nothingToCommentOn();
  const [added] = await insertCommentAndNotification(db, { viewer: viewer.id, kind: target.kind, target: target.id, body });
  if (!added?.author_name) throw accountGone();
  if (!added.comment) throw nothingToCommentOn();
  return { result: reviveRow(added.comment) as CommentState, appended: 1 + Number(added.notified) };
}

export function updateComment(db: Db, viewer: Viewer, id: string, input: unknown): Promise<Committed<CommentState>> {
  const { expectedVersion, ...patch } = parseInput(updateInput, input);
  return updateOwned(db, table, viewer, id, patch, expectedVersion);
}

export function deleteComment(db: Db, viewer: Viewer, id: string): Promise<Committed<CommentState>> {
  return deleteOwned(db, table, viewer, id);
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
