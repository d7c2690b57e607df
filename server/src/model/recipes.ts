/** Recipes: their reads, writes and filters. */

import { and, arrayContains, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Viewer } from '../auth/tokens.js';
import type { Db, Queryable } from '../db/client.js';
import { type RecipeRow, recipes } from '../db/schema.js';
import { isUuid } from './ids.js';
import { type Committed, createOwned, deleteOwned, type StatementTable, updateOwned } from './owned-writes.js';
import { type PageWindow, pageClauses } from './pagination.js';
import { rowTable } from './row-table.js';
import { targetRemoval } from './target-removal.js';
import { assertPlainText, fieldRules, parseInput } from './validation.js';

const fields = {
  title: fieldRules.title,
  description: fieldRules.description.nullable(),
  ingredients: fieldRules.items,
  steps: fieldRules.items,
  tags: fieldRules.tags,
  cookingMinutes: fieldRules.minutes.nullable(),
  servings: fieldRules.servings.nullable(),
};

const createInput = z.object({
  ...fields,
  description: fields.description.optional(),
  ingredients: fields.ingredients.default([]),
  steps: fields.steps.default([]),
  tags: fields.tags.default([]),
  cookingMinutes: fields.cookingMinutes.optional(),
  servings: fields.servings.optional(),
});

const updateInput = z.object({
  title: fields.title.optional(),
  description: fields.description.optional(),
  ingredients: fields.ingredients.optional(),
  steps: fields.steps.optional(),
  tags: fields.tags.optional(),
  cookingMinutes: fields.cookingMinutes.optional(),
  servings: fields.servings.optional(),
  expectedVersion: z.number().int().nullable().optional(),
});

type RecipeValues = z.output<typeof createInput>;

const rows = rowTable(recipes, 'recipe', ['title', 'description', 'ingredients', 'steps', 'tags', 'cookingMinutes', 'servings']);

const table: StatementTable<'recipe', RecipeValues> = {
  entity: 'recipe',
  label: 'recipe',
  visibleTo: () => true,
  statements: { ...rows, removeAndAppend: targetRemoval(recipes, 'recipe', () => 'true') },
};

export function createRecipe(db: Db, viewer: Viewer, input: unknown): Promise<Committed<RecipeRow>> {
  return createOwned(db, table, viewer, parseInput(createInput, input));
}

export function updateRecipe(db: Db, viewer: Viewer, id: string, input: unknown): Promise<Committed<RecipeRow>> {
  const { expectedVersion, ...patch } = parseInput(updateInput, input);
  return updateOwned(db, table, viewer, id, patch, expectedVersion);
}

export function deleteRecipe(db: Db, viewer: Viewer, id: string): Promise<Committed<RecipeRow>> {
  return deleteOwned(db, table, viewer, id);
}

export async function recipesByIds(db: Queryable, ids: readonly string[]): Promise<RecipeRow[]> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  return db.select().from(recipes).where(inArray(recipes.id, valid));
}

export interface RecipeFilter {
  authorId?: string | null | undefined;
  tag?: string | null | undefined;
  search?: string | null | undefined;
}

/** What a recipe must satisfy to be in a filtered list; shared by lists and subscriptions. */
export function recipeMatches(row: RecipeRow, filter: RecipeFilter): boolean {
  if (filter.authorId && row.authorId !== filter.authorId) return false;
  if (filter.tag && !row.tags.includes(filter.tag)) return false;
  if (filter.search) {
    const needle = filter.search.toLowerCase();
    const texts = [row.title, row.description ?? '', ...row.ingredients, ...row.tags];
    if (!texts.some((text) => text.toLowerCase().includes(needle))) return false;
  }
  return true;
}

function filterClause(filter: RecipeFilter): SQL | undefined {
  assertPlainText(filter.tag, 'filter.tag');
  assertPlainText(filter.search, 'filter.search');
  if (filter.authorId && !isUuid(filter.authorId)) return sql`false`;
  const pattern = filter.search ? `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    filter.authorId ? eq(recipes.authorId, filter.authorId) : undefined,
    filter.tag ? arrayContains(recipes.tags, [filter.tag]) : undefined,
    pattern
      ? or(
          ilike(recipes.title, pattern),
          ilike(recipes.description, pattern),
          sql`exists (select 1 from unnest(${recipes.ingredients}) as item where item ilike ${pattern})`,
          sql`exists (select 1 from unnest(${recipes.tags}) as item where item ilike ${pattern})`,
        )
      : undefined,
  );
}

export async function listRecipes(db: Queryable, filter: RecipeFilter, window: PageWindow): Promise<RecipeRow[]> {
  const page = pageClauses(recipes, window);
  return db
    .select()
    .from(recipes)
    .where(and(filterClause(filter), page.where))
    .orderBy(...page.orderBy)
    .limit(window.limit);
}

export async function countRecipes(db: Queryable, filter: RecipeFilter): Promise<number> {
  return db.$count(recipes, filterClause(filter));
}
