import type { BlogFieldsFragment, RecipeFieldsFragment } from '../../../src/graphql/generated/graphql';

/** What the server would send for a recipe: every field the app selects, with typenames. */
export type RecipeData = RecipeFieldsFragment & { __typename: 'Recipe'; author: { __typename: 'User'; id: string; name: string } };
export type BlogData = BlogFieldsFragment & { __typename: 'Blog'; author: { __typename: 'User'; id: string; name: string } };

export const ann = { __typename: 'User' as const, id: 'VXNlcjphbm4=', name: 'Ann' };
export const bob = { __typename: 'User' as const, id: 'VXNlcjpib2I=', name: 'Bob' };

/** Minute `n` of a fixed day: later minutes are newer, which is all list order looks at. */
export function at(minute: number): string {
  return new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
}

export function recipe(id: string, fields: Partial<Omit<RecipeData, 'id' | '__typename'>> = {}): RecipeData {
  return {
    __typename: 'Recipe',
    id,
    title: `Recipe ${id}`,
    description: null,
    ingredients: [],
    steps: [],
    tags: [],
    cookingMinutes: null,
    servings: null,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    author: ann,
    ...fields,
  };
}

export function blog(id: string, fields: Partial<Omit<BlogData, 'id' | '__typename'>> = {}): BlogData {
  return {
    __typename: 'Blog',
    id,
    title: `Blog ${id}`,
    body: 'Text',
    tags: [],
    published: true,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    author: ann,
    ...fields,
  };
}

export function connection<Node>(
  kind: 'Recipe' | 'Blog',
  nodes: Node[],
  pageInfo: { hasNextPage?: boolean; endCursor?: string | null } = {},
) {
  return {
    __typename: `${kind}Connection`,
    edges: nodes.map((node) => ({ __typename: `${kind}Edge`, node })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: pageInfo.hasNextPage ?? false, endCursor: pageInfo.endCursor ?? null },
  };
}

export function recipeChange(kind: 'CREATED' | 'UPDATED' | 'DELETED', id: string, state: RecipeData | null, cursor = `c-${id}-${kind}`) {
  return {
    recipeChanged: { __typename: 'RecipeChange', kind, recipeId: id, cursor, recipe: state },
  };
}

export function blogChange(kind: 'CREATED' | 'UPDATED' | 'DELETED', id: string, state: BlogData | null, cursor = `c-${id}-${kind}`) {
  return {
    blogChanged: { __typename: 'BlogChange', kind, blogId: id, cursor, blog: state },
  };
}
