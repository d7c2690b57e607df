import { useSubscription } from 'urql';
import { graphql } from '../../graphql/generated';

// No filters: the app follows every change the viewer may see, and the cache decides which
// lists each one belongs in. `$after` is left unset here; the live transport fills it in with the
// last cursor it saw whenever it resubscribes.
export const RecipeChangedSubscription = graphql(`
  subscription LiveUpdates_RecipeChanged($after: String) {
    recipeChanged(after: $after) {
      kind
      recipeId
      cursor
      recipe {
        ...RecipeFields
      }
    }
  }
`);

export const BlogChangedSubscription = graphql(`
  subscription LiveUpdates_BlogChanged($after: String) {
    blogChanged(after: $after) {
      kind
      blogId
      cursor
      blog {
        ...BlogFields
      }
    }
  }
`);

/** Keeps the app's live subscriptions open for as long as it is mounted; graphcache does the rest. */
export function LiveUpdates() {
  useSubscription({ query: RecipeChangedSubscription });
  useSubscription({ query: BlogChangedSubscription });
  return null;
}
