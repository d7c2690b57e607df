/** Blogs: their reads, writes and filters, and the rule that a draft exists only for its author. */

import { and, arrayContains, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Viewer } from '../auth/tokens.js';
import type { Db, Queryable } from '../db/client.js';
import { type BlogRow, blogs } from '../db/schema.js';
import { isUuid } from './ids.js';
import { type Committed, createOwned, deleteOwned, type StatementTable, updateOwned } from './owned-writes.js';
import { type PageWindow, pageClauses } from './pagination.js';
import { rowTable } from './row-table.js';
import { targetRemoval } from './target-removal.js';
import { assertPlainText, fieldRules, parseInput } from './validation.js';

const createInput = z.object({
  title: fieldRules.title,
  body: fieldRules.body,
  tags: fieldRules.tags.default([]),
  published: z.boolean().default(false),
});

const updateInput = z.object({
  title: fieldRules.title.optional(),
  body: fieldRules.body.optional(),
  tags: fieldRules.tags.optional(),
  published: z.boolean().optional(),
  expectedVersion: z.number().int().nullable().optional(),
});

type BlogValues = z.output<typeof createInput>;

const rows = rowTable(blogs, 'blog', ['title', 'body', 'tags', 'published']);

const table: StatementTable<'blog', BlogValues> = {
  entity: 'blog',
  label: 'blog',
  visibleTo: (row, viewerId) => row.published || row.authorId === viewerId,
  statements: { ...rows, removeAndAppend: targetRemoval(blogs, 'blog', (alias) => `${alias}.published`) },
};

export function createBlog(db: Db, viewer: Viewer, input: unknown): Promise<Committed<BlogRow>> {
  return createOwned(db, table, viewer, parseInput(createInput, input));
}

export function updateBlog(db: Db, viewer: Viewer, id: string, input: unknown): Promise<Committed<BlogRow>> {
  const { expectedVersion, ...patch } = parseInput(updateInput, input);
  return updateOwned(db, table, viewer, id, patch, expectedVersion);
}

export function deleteBlog(db: Db, viewer: Viewer, id: string): Promise<Committed<BlogRow>> {
  return deleteOwned(db, table, viewer, id);
}

/** Drafts exist only for their author. */
export function blogVisibleTo(row: BlogRow, viewer: Viewer | null): boolean {
  return row.published || row.authorId === viewer?.id;
}

function visibleClause(viewer: Viewer | null): SQL | undefined {
  return viewer ? or(eq(blogs.published, true), eq(blogs.authorId, viewer.id)) : eq(blogs.published, true);
}

export async function blogsByIds(db: Queryable, viewer: Viewer | null, ids: readonly string[]): Promise<BlogRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db
    .select()
    .from(blogs)
    .where(and(inArray(blogs.id, valid), visibleClause(viewer)));
}

export interface BlogFilter {
  authorId?: string | null | undefined;
  tag?: string | null | undefined;
  published?: boolean | null | undefined;
}

export function blogMatches(row: BlogRow, filter: BlogFilter): boolean {
  if (filter.authorId && row.authorId !== filter.authorId) return false;
  if (filter.tag && !row.tags.includes(filter.tag)) return false;
  if (filter.published !== null && filter.published !== undefined && row.published !== filter.published) return false;
  return true;
}

function filterClause(viewer: Viewer | null, filter: BlogFilter): SQL | undefined {
  assertPlainText(filter.tag, 'filter.tag');
  if (filter.authorId && !isUuid(filter.authorId)) return sql`false`;
  return and(
    visibleClause(viewer),
    filter.authorId ? eq(blogs.authorId, filter.authorId) : undefined,
    filter.tag ? arrayContains(blogs.tags, [filter.tag]) : undefined,
    filter.published === null || filter.published === undefined ? undefined : eq(blogs.published, filter.published),
  );
}

export async function listBlogs(db: Queryable, viewer: Viewer | null, filter: BlogFilter, window: PageWindow): Promise<BlogRow[]> {
  const page = pageClauses(blogs, window);
  return db
    .select()
    .from(blogs)
    .where(and(filterClause(viewer, filter), page.where))
    .orderBy(...page.orderBy)
    .limit(window.limit);
}

export async function countBlogs(db: Queryable, viewer: Viewer | null, filter: BlogFilter): Promise<number> {
  return db.$count(blogs, filterClause(viewer, filter));
}
