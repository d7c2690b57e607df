/** The database tables as drizzle declares them (migrations are generated from here), and their row types. */

import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, json, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow();
const textList = (name: string) => text(name).array().notNull().default(sql`'{}'::text[]`);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: createdAt(),
});

export const recipes = pgTable(
  'recipes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description'),
    ingredients: textList('ingredients'),
    steps: textList('steps'),
    tags: textList('tags'),
    cookingMinutes: integer('cooking_minutes'),
    servings: integer('servings'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('recipes_newest_idx').on(t.createdAt.desc(), t.id.desc()),
    index('recipes_author_idx').on(t.authorId, t.createdAt.desc()),
    index('recipes_tags_idx').using('gin', t.tags),
  ],
);

export const blogs = pgTable(
  'blogs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    tags: textList('tags'),
    published: boolean('published').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('blogs_newest_idx').on(t.createdAt.desc(), t.id.desc()),
    index('blogs_author_idx').on(t.authorId, t.createdAt.desc()),
    index('blogs_tags_idx').using('gin', t.tags),
  ],
);

/** The kinds of entity a comment can be on; the target row lives in that kind's table. */
export type TargetKind = 'recipe' | 'blog';

export const comments = pgTable(
  'comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    targetKind: text('target_kind').$type<TargetKind>().notNull(),
    // No foreign key: the target is in one of two tables. Deleting a target deletes its comments in the same transaction.
    targetId: uuid('target_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('comments_thread_idx').on(t.targetId, t.createdAt, t.id)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    // At most one notification per comment, and never one whose comment is gone.
    commentId: uuid('comment_id')
      .notNull()
      .references(() => comments.id),
    targetKind: text('target_kind').$type<TargetKind>().notNull(),
    targetId: uuid('target_id').notNull(),
    read: boolean('read').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('notifications_comment_idx').on(t.commentId),
    index('notifications_inbox_idx').on(t.recipientId, t.createdAt.desc(), t.id.desc()),
    index('notifications_unread_idx').on(t.recipientId).where(sql`not ${t.read}`),
  ],
);

/**
 * Each user's count of unread notifications, kept by every writer of their notifications under the
 * lock of this row: a change reports the count right after it without counting the inbox, however
 * many notifications it holds.
 */
export const inboxes = pgTable('inboxes', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  unread: integer('unread').notNull().default(0),
});

/** What every change carries, pending or sequenced. */
const changeColumns = () => ({
  entity: text('entity').$type<EntityKind>().notNull(),
  entityId: uuid('entity_id').notNull(),
  kind: text('kind').$type<ChangeKind>().notNull(),
  authorId: uuid('author_id').notNull(),
  authorName: text('author_name').notNull(),
  before: json('before'),
  after: json('after'),
  /** What every subscriber may know about the change beyond the row, such as a comment's target or a recipient's unread count. */
  detail: json('detail'),
});

/**
 * Changes written but not yet given a position: writers append here, in the transaction that writes
 * the entity, and `sequence_changes()` (migration 0007) moves committed rows into `change_log`. The
 * table holds only what is in flight, a few calls' worth, so the index the sequencer scans stays as
 * small as that and vacuuming it costs as little (see `vacuumPendingChanges`).
 */
export const changePending = pgTable('change_pending', {
  /** Order of appending; a writer's changes get it in its own transaction, so it says nothing about commit order. */
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  ...changeColumns(),
});

/**
 * The durable change log, in commit order: `sequence_changes()` inserts committed changes with the
 * next positions, one call at a time, so positions become visible in commit order: once position p
 * is visible, every smaller position is visible too. Rows are only inserted, and deleted by retention.
 */
export const changeLog = pgTable('change_log', {
  position: bigint('position', { mode: 'number' }).primaryKey(),
  /**
   * Was the order of appending when changes waited here for their position; nothing writes it
   * now. Kept so that an instance of the previous version, still running during a rolling upgrade,
   * reads the log as before; to be dropped in a later release.
   */
  id: bigint('id', { mode: 'number' }),
  ...changeColumns(),
  /** When the change got its position, just after its commit. */
  occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date', precision: 3 }).notNull().defaultNow(),
});

/** Highest position removed by retention: a cursor at or below it can no longer be resumed. */
export const changeLogHorizon = pgTable('change_log_horizon', {
  id: integer('id').primaryKey().default(1),
  position: bigint('position', { mode: 'number' }).notNull().default(0),
});

/**
 * Which change log this database holds, made once at random by the migration. Positions only
 * mean something within one log, so an instance drops bus messages stamped with another log's
 * identity: those of a deployment with its own database that shares this Redis channel.
 */
export const changeLogIdentity = pgTable('change_log_identity', {
  id: integer('id').primaryKey().default(1),
  logId: uuid('log_id').notNull().defaultRandom(),
});

/** Every kind of entity the change log carries; each instance's feed keeps listeners for each. */
export const entityKinds = ['recipe', 'blog', 'comment', 'notification'] as const;
export type EntityKind = (typeof entityKinds)[number];
export type ChangeKind = 'CREATED' | 'UPDATED' | 'DELETED';
export type UserRow = typeof users.$inferSelect;
export type RecipeRow = typeof recipes.$inferSelect;
export type BlogRow = typeof blogs.$inferSelect;
export type CommentRow = typeof comments.$inferSelect;
export type NotificationRow = typeof notifications.$inferSelect;
/** A comment as the change log records it: with what decides who may see it, its target's author and visibility. */
export type CommentState = CommentRow & { targetAuthorId: string; targetPublic: boolean };
export type ChangeLogRow = typeof changeLog.$inferSelect;
