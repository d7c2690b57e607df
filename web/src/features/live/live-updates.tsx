import { useSubscription } from 'urql';
import { graphql } from '../../graphql/generated';
import { useSession } from '../../lib/session';

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

// The signed-in viewer's own notifications; `unreadCount` in every event feeds the header's badge.
export const NotificationChangedSubscription = graphql(`
  subscription LiveUpdates_NotificationChanged($after: String) {
    notificationChanged(after: $after) {
      kind
      notificationId
      unreadCount
      cursor
      notification {
        ...NotificationFields
      }
    }
  }
`);

/** Keeps the app's live subscriptions open for as long as it is mounted; graphcache does the rest. */
export function LiveUpdates() {
  const signedIn = useSession() !== null;
  useSubscription({ query: RecipeChangedSubscription });
  useSubscription({ query: BlogChangedSubscription });
  useSubscription({ query: NotificationChangedSubscription, pause: !signedIn });
  return null;
}
