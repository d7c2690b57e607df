import { useMemo } from 'react';
import { type ActiveFilter, FilterBar } from '../../components/filter-bar';
import { NewItemsBar } from '../../components/new-items-bar';
import { EmptyState } from '../../components/notices';
import { PagedList } from '../../components/paged-list';
import { graphql } from '../../graphql/generated';
import type { RecipeFilter } from '../../graphql/generated/graphql';
import { usePagedConnection } from '../../graphql/use-paged-connection';
import { useNewItemsBar } from '../../lib/new-items';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { LiveRecipeCard } from '../live/live-cards';

export const RECIPES_PAGE_SIZE = 12;

export const RecipesListQuery = graphql(`
  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {
    recipes(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...RecipeFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** `#/?tag=soup&author=…&authorName=Ann&q=lentil` → the list's filter; only what is set. */
function filterOf(query: URLSearchParams): RecipeFilter | null {
  const filter: RecipeFilter = {};
  const tag = query.get('tag');
  const authorId = query.get('author');
  const search = query.get('q');
  if (tag) filter.tag = tag;
  if (authorId) filter.authorId = authorId;
  if (search) filter.search = search;
  return Object.keys(filter).length > 0 ? filter : null;
}

export function RecipesPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const queryString = query.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the string is the query's identity
  const filter = useMemo(() => filterOf(query), [queryString]);
  const params = Object.fromEntries(query);
  const list = usePagedConnection(RecipesListQuery, { first: RECIPES_PAGE_SIZE, filter }, (data) => data.recipes);
  const newRecipes = useNewItemsBar('recipes', filter, list);

  const active: ActiveFilter[] = [];
  if (filter?.tag) active.push({ label: `#${filter.tag}`, clearHref: hrefTo('/', { ...params, tag: null }) });
  if (filter?.authorId) {
    active.push({
      label: `by ${query.get('authorName') ?? 'one cook'}`,
      clearHref: hrefTo('/', { ...params, author: null, authorName: null }),
    });
  }

  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>Recipes</h1>
          <p className="muted">
            Newest first. Edits appear as they are saved, anywhere; others' new recipes wait above the list until you show them.
          </p>
        </div>
        {session ? (
          <a className="button button--primary" href="#/recipes/new">
            New recipe
          </a>
        ) : (
          <a className="button" href="#/signin">
            Sign in to share a recipe
          </a>
        )}
      </div>
      <FilterBar search={filter?.search ?? ''} onSearch={(text) => navigate('/', { ...params, q: text || null })} active={active} />
      <NewItemsBar bar={newRecipes} noun={['recipe', 'recipes']} testId="new-recipes-bar" />
      <PagedList
        list={list}
        failureTitle="The recipes could not be loaded."
        empty={
          <EmptyState title={filter ? 'No recipe matches these filters.' : 'No recipes yet.'}>
            {session && !filter && <a href="#/recipes/new">Share the first one.</a>}
          </EmptyState>
        }
        testId="recipe-list"
      >
        {list.items.map((recipe) => (
          <LiveRecipeCard key={recipe.id} recipe={recipe} />
        ))}
      </PagedList>
    </section>
  );
}
