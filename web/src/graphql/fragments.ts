import { graphql } from './generated';

/**
 * Every field the app shows of a recipe. Lists, detail pages, mutations and the live
 * subscription all select this one fragment, so an UPDATED event carries everything any
 * query on screen reads and normalisation alone refreshes it, with no refetch.
 */
export const RecipeFieldsFragment = graphql(`
  fragment RecipeFields on Recipe {
    id
    title
    description
    ingredients
    steps
    tags
    cookingMinutes
    servings
    version
    createdAt
    updatedAt
    author {
      id
      name
    }
  }
`);

/** Every field the app shows of a blog; same reason as RecipeFields. */
export const BlogFieldsFragment = graphql(`
  fragment BlogFields on Blog {
    id
    title
    body
    tags
    published
    version
    createdAt
    updatedAt
    author {
      id
      name
    }
  }
`);

/**
 * Every field the app shows of a comment. The thread query, the comment mutations and
 * `commentChanged` all select it, so an UPDATED event refreshes the thread by normalisation.
 */
export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    body
    version
    createdAt
    updatedAt
    author {
      id
      name
    }
  }
`);

/** A notification as the header's list shows it: who, on what, read or not. */
export const NotificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    read
    createdAt
    actor {
      id
      name
    }
    comment {
      id
      body
    }
    target {
      __typename
      id
      ... on Recipe {
        title
      }
      ... on Blog {
        title
      }
    }
  }
`);
