import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BlogsListQuery } from '../../src/features/blogs/blogs-page';
import { DraftsQuery } from '../../src/features/blogs/drafts-page';
import { RecipeQuery } from '../../src/features/recipes/recipe-detail-page';
import { RecipesListQuery } from '../../src/features/recipes/recipes-page';
import type { RecipeFilter } from '../../src/graphql/generated/graphql';
import { createCacheHarness } from './support/cache-harness';
import { ann, at, blog, blogChange, bob, connection, type RecipeData, recipe, recipeChange } from './support/fixtures';

const all = { first: 10, filter: null };
const soup = { first: 10, filter: { tag: 'soup' } };
const byBob = { first: 10, filter: { authorId: bob.id } };
const searchLentil = { first: 10, filter: { search: 'LENTIL' } };

/** Titles of a cached recipe list, in display order, or null when the cache cannot answer it. */
function titles(
  harness: ReturnType<typeof createCacheHarness>,
  variables: { first: number; filter: RecipeFilter | null; after?: string },
): string[] | null {
  const data = harness.read(RecipesListQuery, { after: null, ...variables });
  return data ? data.recipes.edges.map((edge) => edge.node.title) : null;
}

/** A server holding these recipes (newest first), answering list queries by filter like the real one. */
function serverWith(lists: Record<string, RecipeData[]>) {
  return (operationName: string, variables: Record<string, unknown>) => {
    if (operationName !== 'RecipesPage_List') throw new Error(`unexpected ${operationName}`);
    const key = JSON.stringify(variables.filter ?? null);
    const nodes = lists[key];
    if (!nodes) throw new Error(`no fixture for filter ${key}`);
    return { data: { recipes: connection('Recipe', nodes) } };
  };
}

describe('live recipe changes in the cache', () => {
  it('puts a CREATED recipe at the top of every cached list whose filter it matches, and of no other', async () => {
    const old = recipe('R1', { title: 'Old soup', tags: ['soup'], createdAt: at(1) });
    const harness = createCacheHarness(
      serverWith({ null: [old], '{"tag":"soup"}': [old], [JSON.stringify({ authorId: bob.id })]: [], '{"search":"LENTIL"}': [] }),
    );
    for (const variables of [all, soup, byBob, searchLentil]) await harness.load(RecipesListQuery, variables);

    await harness.emit(recipeChange('CREATED', 'R2', recipe('R2', { title: 'Lentil soup', tags: ['soup'], createdAt: at(2) })));

    expect(titles(harness, all)).toEqual(['Lentil soup', 'Old soup']);
    expect(titles(harness, soup)).toEqual(['Lentil soup', 'Old soup']);
    expect(titles(harness, searchLentil)).toEqual(['Lentil soup']);
    expect(titles(harness, byBob)).toEqual([]);
  });

  it('moves an UPDATED recipe out of a tag list when it loses the tag, and refreshes it everywhere else without a refetch', async () => {
    const r1 = recipe('R1', { title: 'Tomato soup', tags: ['soup'], createdAt: at(1) });
    const requests: string[] = [];
    const server = serverWith({ null: [r1], '{"tag":"soup"}': [r1] });
    const harness = createCacheHarness((name, variables) => {
      requests.push(name);
      return server(name, variables);
    });
    await harness.load(RecipesListQuery, all);
    await harness.load(RecipesListQuery, soup);

    await harness.emit(recipeChange('UPDATED', 'R1', { ...r1, title: 'Tomato salad', tags: ['salad'], version: 2 }));

    expect(titles(harness, soup)).toEqual([]);
    expect(titles(harness, all)).toEqual(['Tomato salad']);
    expect(harness.read(RecipeQuery, { id: 'R1' })?.recipe?.version).toBe(2);
    expect(requests).toEqual(['RecipesPage_List', 'RecipesPage_List']);
  });

  it('adds an UPDATED recipe that gains the tag to that list in createdAt order, not at the top', async () => {
    const newest = recipe('R3', { title: 'Newest soup', tags: ['soup'], createdAt: at(3) });
    const middle = recipe('R2', { title: 'Middle stew', tags: [], createdAt: at(2) });
    const oldest = recipe('R1', { title: 'Oldest soup', tags: ['soup'], createdAt: at(1) });
    const harness = createCacheHarness(serverWith({ '{"tag":"soup"}': [newest, oldest] }));
    await harness.load(RecipesListQuery, soup);

    await harness.emit(recipeChange('UPDATED', 'R2', { ...middle, title: 'Middle soup', tags: ['soup'], version: 2 }));

    expect(titles(harness, soup)).toEqual(['Newest soup', 'Middle soup', 'Oldest soup']);
  });

  it('removes a DELETED recipe from every list, from later pages too, and answers its detail query with null', async () => {
    const r3 = recipe('R3', { title: 'Three', tags: ['soup'], createdAt: at(3) });
    const r2 = recipe('R2', { title: 'Two', tags: ['soup'], createdAt: at(2) });
    const r1 = recipe('R1', { title: 'One', tags: ['soup'], createdAt: at(1) });
    const harness = createCacheHarness((name, variables) => {
      if (name === 'RecipeDetailPage_Recipe') return { data: { recipe: r2 } };
      // The unfiltered list comes in two pages; "load more" asks for the second after `p1`.
      if (variables.after === 'p1') return { data: { recipes: connection('Recipe', [r2, r1]) } };
      return { data: { recipes: connection('Recipe', [r3], variables.filter ? {} : { hasNextPage: true, endCursor: 'p1' }) } };
    });
    await harness.load(RecipesListQuery, all);
    await harness.load(RecipesListQuery, { ...all, after: 'p1' });
    await harness.load(RecipesListQuery, soup);
    await harness.load(RecipeQuery, { id: 'R2' });
    expect(titles(harness, all)).toEqual(['Three', 'Two', 'One']);

    await harness.emit(recipeChange('DELETED', 'R2', null));

    expect(titles(harness, all)).toEqual(['Three', 'One']);
    expect(titles(harness, soup)).toEqual(['Three']);
    expect(harness.read(RecipeQuery, { id: 'R2' })).toEqual(expect.objectContaining({ recipe: null }));
  });

  it('leaves a recipe older than everything loaded to "load more" while the list has more pages', async () => {
    const r5 = recipe('R5', { title: 'Five', createdAt: at(5) });
    const harness = createCacheHarness(() => ({ data: { recipes: connection('Recipe', [r5], { hasNextPage: true, endCursor: 'p1' }) } }));
    await harness.load(RecipesListQuery, all);

    await harness.emit(recipeChange('UPDATED', 'R1', recipe('R1', { title: 'Ancient', createdAt: at(1), version: 4 })));

    expect(titles(harness, all)).toEqual(['Five']);
  });

  it('reports each created or updated recipe for the highlight, and not a deleted one', async () => {
    const harness = createCacheHarness(serverWith({ null: [] }));
    await harness.load(RecipesListQuery, all);

    await harness.emit(recipeChange('CREATED', 'R1', recipe('R1', { createdAt: at(1) })));
    await harness.emit(recipeChange('UPDATED', 'R1', recipe('R1', { createdAt: at(1), version: 2 })));
    await harness.emit(recipeChange('DELETED', 'R1', null));

    expect(harness.highlighted).toEqual(['R1', 'R1']);
  });
});

describe('live blog changes in the cache', () => {
  const published = { first: 10, filter: { published: true } };
  const drafts = { first: 20, filter: { published: false } };

  function blogTitles(harness: ReturnType<typeof createCacheHarness>, variables: typeof published): string[] | null {
    const data = harness.read(BlogsListQuery, { after: null, ...variables });
    return data ? data.blogs.edges.map((edge) => edge.node.title) : null;
  }

  it('moves a draft from "My drafts" to the published list when its author publishes it', async () => {
    const draft = blog('B1', { title: 'Draft', published: false, createdAt: at(1) });
    const harness = createCacheHarness((_name, variables) => {
      const filter = variables.filter as { published: boolean };
      return { data: { blogs: connection('Blog', filter.published ? [] : [draft]) } };
    });
    await harness.load(BlogsListQuery, published);
    await harness.load(DraftsQuery, drafts);

    await harness.emit(blogChange('UPDATED', 'B1', { ...draft, published: true, version: 2 }));

    expect(blogTitles(harness, published)).toEqual(['Draft']);
    expect(harness.read(DraftsQuery, { after: null, ...drafts })?.blogs.edges).toEqual([]);
  });

  it('drops a blog that another author unpublished (a DELETED event) from the published list', async () => {
    const post = blog('B1', { title: 'Bob writes', author: bob, createdAt: at(1) });
    const harness = createCacheHarness(() => ({ data: { blogs: connection('Blog', [post]) } }));
    await harness.load(BlogsListQuery, published);

    await harness.emit(blogChange('DELETED', 'B1', null));

    expect(blogTitles(harness, published)).toEqual([]);
  });

  it('keeps a new draft out of the published list', async () => {
    const harness = createCacheHarness(() => ({ data: { blogs: connection('Blog', []) } }));
    await harness.load(BlogsListQuery, published);

    await harness.emit(blogChange('CREATED', 'B2', blog('B2', { title: 'Secret', published: false, author: ann, createdAt: at(2) })));

    expect(blogTitles(harness, published)).toEqual([]);
  });
});

describe('a gap in the live feed', () => {
  it('makes the cached lists of that kind fetch themselves again, and leaves the other kind alone', async () => {
    let serverTitle = 'Before the gap';
    const requests: string[] = [];
    const harness = createCacheHarness((name) => {
      requests.push(name);
      if (name === 'RecipesPage_List') return { data: { recipes: connection('Recipe', [recipe('R1', { title: serverTitle })]) } };
      return { data: { blogs: connection('Blog', []) } };
    });
    // Lists on screen: watched, as useQuery watches them.
    const shown: string[][] = [];
    harness.client.query(RecipesListQuery, { ...all, after: null }).subscribe((result) => {
      if (result.data) shown.push(result.data.recipes.edges.map((edge) => edge.node.title));
    });
    harness.client.query(BlogsListQuery, { first: 10, after: null, filter: { published: true } }).subscribe(() => {});
    await waitUntil(() => shown.length === 1 && requests.length === 2);

    serverTitle = 'After the gap';
    await harness.emit({ recipeChanged: null });

    await waitUntil(() => shown.at(-1)?.[0] === 'After the gap');
    expect(requests.filter((name) => name === 'RecipesPage_List')).toHaveLength(2);
    expect(requests.filter((name) => name === 'BlogsPage_List')).toHaveLength(1);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(5);
  }
}
