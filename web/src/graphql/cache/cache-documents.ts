import { graphql } from '../generated';

// Written by the cache updaters when a live change adds an item to a cached list; an edge is
// keyed by its node (see cache-exchange.ts), so the same edge can sit in several filtered lists.
export const RecipeEdgeFragment = graphql(`
  fragment CacheRecipeEdge on RecipeEdge {
    node {
      id
    }
  }
`);

export const BlogEdgeFragment = graphql(`
  fragment CacheBlogEdge on BlogEdge {
    node {
      id
    }
  }
`);
