import type { BlogFilter, RecipeFilter } from '../generated/graphql';

/** The fields of a cached item that list filters look at. */
export interface FilterableItem {
  authorId: string | null;
  tags: readonly string[];
  title: string;
  description?: string | null | undefined;
  ingredients?: readonly string[] | undefined;
  published?: boolean | undefined;
}

/** Mirrors the server's `recipeMatches`: the same rule decides list membership on both sides. */
export function recipeMatchesFilter(recipe: FilterableItem, filter: RecipeFilter | null | undefined): boolean {
  if (filter?.authorId && recipe.authorId !== filter.authorId) return false;
  if (filter?.tag && !recipe.tags.includes(filter.tag)) return false;
  if (filter?.search) {
    const needle = filter.search.toLowerCase();
    const texts = [recipe.title, recipe.description ?? '', ...(recipe.ingredients ?? []), ...recipe.tags];
    if (!texts.some((text) => text.toLowerCase().includes(needle))) return false;
  }
  return true;
}

/** Mirrors the server's `blogMatches`. `published: false` lists are the viewer's own drafts. */
export function blogMatchesFilter(blog: FilterableItem, filter: BlogFilter | null | undefined): boolean {
  if (filter?.authorId && blog.authorId !== filter.authorId) return false;
  if (filter?.tag && !blog.tags.includes(filter.tag)) return false;
  if (filter?.published !== null && filter?.published !== undefined && blog.published !== filter.published) return false;
  return true;
}
