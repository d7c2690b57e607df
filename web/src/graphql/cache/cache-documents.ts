import { graphql } from '../generated';

// Documents the cache updaters write with. An edge is written when a live change adds an item to a
// cached list; it is keyed by its node (see cache-exchange.ts), so the same edge can sit in several
// filtered lists.
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

export const CommentEdgeFragment = graphql(`
  fragment CacheCommentEdge on CommentEdge {
    node {
      id
    }
  }
`);

export const NotificationEdgeFragment = graphql(`
  fragment CacheNotificationEdge on NotificationEdge {
    node {
      id
    }
  }
`);

// The thread's count, kept in step as comments come and go.
export const RecipeCommentCountFragment = graphql(`
  fragment CacheRecipeCommentCount on Recipe {
    id
    commentCount
  }
`);

export const BlogCommentCountFragment = graphql(`
  fragment CacheBlogCommentCount on Blog {
    id
    commentCount
  }
`);

// The comment's target, linked when a live event brings a comment (the event names its target).
export const CommentTargetFragment = graphql(`
  fragment CacheCommentTarget on Comment {
    id
    target {
      id
    }
  }
`);

export const NotificationReadFragment = graphql(`
  fragment CacheNotificationRead on Notification {
    id
    read
  }
`);

// The header's badge reads this field; every notification event carries its new value.
export const UnreadCountQuery = graphql(`
  query CacheUnreadCount {
    unreadNotificationCount
  }
`);
