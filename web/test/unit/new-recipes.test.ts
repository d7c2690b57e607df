import { describe, expect, it } from 'vitest';
import { BlogsListQuery } from '../../src/features/blogs/blogs-page';
import { RecipesListQuery } from '../../src/features/recipes/recipes-page';
import { blogMatchesFilter, recipeMatchesFilter } from '../../src/graphql/cache/list-filters';
import type { BlogFilter, RecipeFilter } from '../../src/graphql/generated/graphql';
import { countNewItems, createNewItems, filterKey, type HeldItem } from '../../src/lib/new-items';
import { createCacheHarness } from './support/cache-harness';
import { ann, at, blog, blogChange, bob, connection, type RecipeData, recipe, recipeChange } from './support/fixtures';

const item = (tags: string[] = [], authorId = bob.id) => ({ title: 'Soup', tags, authorId });
const none = new Set<string>();

describe('counting new recipes', () => {
  const held: HeldItem[] = [
    { id: 'R1', seq: 1, item: item(['soup']) },
    { id: 'R2', seq: 2, item: item(['salad']) },
    { id: 'R3', seq: 3, item: item(['soup']) },
  ];

  it('counts what matches the filter and arrived after the list caught up', () => {
    expect(countNewItems(held, recipeMatchesFilter, null, 0, none)).toBe(3);
    expect(countNewItems(held, recipeMatchesFilter, { tag: 'soup' }, 0, none)).toBe(2);
    expect(countNewItems(held, recipeMatchesFilter, { tag: 'soup' }, 1, none)).toBe(1);
    expect(countNewItems(held, recipeMatchesFilter, null, 3, none)).toBe(0);
  });

  it('leaves out what the list already shows', () => {
    expect(countNewItems(held, recipeMatchesFilter, null, 0, new Set(['R1', 'R2']))).toBe(1);
  });

  it('gives one key to a filter whatever the order of its fields', () => {
    expect(filterKey({ tag: 'soup', search: 'x' })).toBe(filterKey({ search: 'x', tag: 'soup' }));
    expect(filterKey(null)).toBe(filterKey({ tag: undefined }));
    expect(filterKey({ tag: 'soup' })).not.toBe(filterKey(null));
  });
});

describe('the store of new recipes', () => {
  it('counts each recipe once, follows edits and deletes, and restarts from zero per list when it catches up', () => {
    const store = createNewItems<RecipeFilter | null>(recipeMatchesFilter);
    store.hold('R1', item(['soup']));
    store.hold('R2', item());
    store.hold('R1', item(['soup']));
    expect(store.count(null, none)).toBe(2);
    expect(store.count({ tag: 'soup' }, none)).toBe(1);

    // An edit of a held recipe changes which lists count it.
    store.hold('R2', item(['soup']));
    expect(store.count({ tag: 'soup' }, none)).toBe(2);

    store.caughtUp(null);
    store.hold('R3', item());
    expect(store.count(null, none)).toBe(1);
    expect(store.count({ tag: 'soup' }, none)).toBe(2);

    store.drop('R1');
    expect(store.count({ tag: 'soup' }, none)).toBe(1);
    expect(store.isHeld('R1')).toBe(false);
  });

  it('tells its readers when a count may have changed', () => {
    const store = createNewItems<RecipeFilter | null>(recipeMatchesFilter);
    let calls = 0;
    const stop = store.subscribe(() => {
      calls += 1;
    });
    const before = store.version();
    store.hold('R1', item());
    store.caughtUp(null);
    store.drop('R1');
    store.drop('R1');
    stop();
    store.hold('R2', item());
    expect(calls).toBe(3);
    expect(store.version()).toBeGreaterThan(before);
  });
});

describe('new recipes in the cache', () => {
  const all = { first: 10, after: null, filter: null };

  function setUp(lists: (variables: Record<string, unknown>) => RecipeData[], pageInfo?: (variables: Record<string, unknown>) => object) {
    const store = createNewItems<RecipeFilter | null>(recipeMatchesFilter);
    const harness = createCacheHarness(
      (_name, variables) => ({ data: { recipes: connection('Recipe', lists(variables), pageInfo?.(variables)) } }),
      { newItems: { recipes: store, viewerId: ann.id } },
    );
    const titles = () => harness.read(RecipesListQuery, all)?.recipes.edges.map((edge) => edge.node.title) ?? null;
    return { store, harness, titles };
  }

  it("holds others' new recipes out of the lists, puts the viewer's own in at once, and still applies edits and deletes", async () => {
    const shown = recipe('R1', { title: 'Shown', author: bob, createdAt: at(1) });
    const { store, harness, titles } = setUp(() => [shown]);
    await harness.load(RecipesListQuery, all);

    await harness.emit(recipeChange('CREATED', 'R2', recipe('R2', { title: "Bob's", author: bob, createdAt: at(2) })));
    await harness.emit(recipeChange('CREATED', 'R3', recipe('R3', { title: "Ann's", author: ann, createdAt: at(3) })));
    expect(titles()).toEqual(["Ann's", 'Shown']);
    expect(store.count(null, new Set(['R1', 'R3']))).toBe(1);

    // An edit of a held recipe does not bring it in either.
    await harness.emit(recipeChange('UPDATED', 'R2', recipe('R2', { title: "Bob's, edited", author: bob, createdAt: at(2), version: 2 })));
    await harness.emit(recipeChange('UPDATED', 'R1', { ...shown, title: 'Shown, edited', version: 2 }));
    expect(titles()).toEqual(["Ann's", 'Shown, edited']);

    await harness.emit(recipeChange('DELETED', 'R2', null));
    await harness.emit(recipeChange('DELETED', 'R1', null));
    expect(store.count(null, none)).toBe(0);
    expect(titles()).toEqual(["Ann's"]);
  });

  it('fetching the first page afresh drops the pages loaded after the old one', async () => {
    let fresh = false;
    const r3 = recipe('R3', { title: 'Newest', createdAt: at(3) });
    const r2 = recipe('R2', { title: 'Middle', createdAt: at(2) });
    const r1 = recipe('R1', { title: 'Oldest', createdAt: at(1) });
    const { harness, titles } = setUp(
      (variables) => (variables.after ? [r1] : fresh ? [r3, r2] : [r2]),
      (variables) => (variables.after ? {} : { hasNextPage: true, endCursor: fresh ? 'p2' : 'p1' }),
    );
    await harness.load(RecipesListQuery, all);
    await harness.load(RecipesListQuery, { ...all, after: 'p1' });
    expect(titles()).toEqual(['Middle', 'Oldest']);

    fresh = true;
    await harness.client.query(RecipesListQuery, all, { requestPolicy: 'network-only' }).toPromise();
    expect(titles()).toEqual(['Newest', 'Middle']);
    expect(harness.read(RecipesListQuery, all)?.recipes.pageInfo).toMatchObject({ hasNextPage: true, endCursor: 'p2' });
  });
});

describe('new posts in the cache', () => {
  const published = { first: 10, after: null, filter: { published: true } };

  it("holds others' new posts (a draft published among them) out of the lists, puts the viewer's own in at once, and drops a deleted one", async () => {
    const store = createNewItems<BlogFilter | null>(blogMatchesFilter);
    const shown = blog('B1', { title: 'Shown', author: bob, createdAt: at(1) });
    const harness = createCacheHarness(() => ({ data: { blogs: connection('Blog', [shown]) } }), {
      newItems: { blogs: store, viewerId: ann.id },
    });
    const titles = () => harness.read(BlogsListQuery, published)?.blogs.edges.map((edge) => edge.node.title) ?? null;
    await harness.load(BlogsListQuery, published);

    await harness.emit(blogChange('CREATED', 'B2', blog('B2', { title: "Bob's", author: bob, createdAt: at(2) })));
    // A draft published reaches readers as CREATED.
    await harness.emit(blogChange('CREATED', 'B3', blog('B3', { title: "Bob's draft", author: bob, createdAt: at(3), version: 2 })));
    await harness.emit(blogChange('CREATED', 'B4', blog('B4', { title: "Ann's", author: ann, createdAt: at(4) })));
    expect(titles()).toEqual(["Ann's", 'Shown']);
    expect(store.count({ published: true }, new Set(['B1', 'B4']))).toBe(2);

    await harness.emit(blogChange('DELETED', 'B2', null));
    expect(store.count({ published: true }, new Set(['B1', 'B4']))).toBe(1);
    expect(titles()).toEqual(["Ann's", 'Shown']);
  });
});
