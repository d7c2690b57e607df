import { graphql } from '../generated/index.js';

export const RECIPE_FIELDS = graphql(`
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
export const BLOG_FIELDS = graphql(`
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

export const CREATE_RECIPE = graphql(`
  mutation CreateRecipe($input: CreateRecipeInput!) {
    createRecipe(input: $input) {
      ...RecipeFields
    }
  }
`);
export const UPDATE_RECIPE = graphql(`
  mutation UpdateRecipe($id: ID!, $input: UpdateRecipeInput!) {
    updateRecipe(id: $id, input: $input) {
      ...RecipeFields
    }
  }
`);
export const DELETE_RECIPE = graphql(`
  mutation DeleteRecipe($id: ID!) {
    deleteRecipe(id: $id)
  }
`);
export const CREATE_BLOG = graphql(`
  mutation CreateBlog($input: CreateBlogInput!) {
    createBlog(input: $input) {
      ...BlogFields
    }
  }
`);
export const UPDATE_BLOG = graphql(`
  mutation UpdateBlog($id: ID!, $input: UpdateBlogInput!) {
    updateBlog(id: $id, input: $input) {
      ...BlogFields
    }
  }
`);
export const DELETE_BLOG = graphql(`
  mutation DeleteBlog($id: ID!) {
    deleteBlog(id: $id)
  }
`);
export const RECIPES = graphql(`
  query Recipes($first: Int, $after: String, $filter: RecipeFilter) {
    recipes(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
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
export const BLOGS = graphql(`
  query Blogs($first: Int, $after: String, $filter: BlogFilter) {
    blogs(first: $first, after: $after, filter: $filter) {
      edges {
        cursor
        node {
          ...BlogFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
export const RECIPE_CHANGED = graphql(`
  subscription RecipeChanged($id: ID, $authorId: ID, $tag: String, $after: String) {
    recipeChanged(id: $id, authorId: $authorId, tag: $tag, after: $after) {
      kind
      recipeId
      cursor
      occurredAt
      recipe {
        ...RecipeFields
      }
    }
  }
`);
export const BLOG_CHANGED = graphql(`
  subscription BlogChanged($id: ID, $authorId: ID, $after: String) {
    blogChanged(id: $id, authorId: $authorId, after: $after) {
      kind
      blogId
      cursor
      occurredAt
      blog {
        ...BlogFields
      }
    }
  }
`);

export const COMMENT_FIELDS = graphql(`
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
    target {
      id
      commentCount
    }
  }
`);
export const ADD_COMMENT = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
`);
export const UPDATE_COMMENT = graphql(`
  mutation UpdateComment($id: ID!, $input: UpdateCommentInput!) {
    updateComment(id: $id, input: $input) {
      ...CommentFields
    }
  }
`);
export const DELETE_COMMENT = graphql(`
  mutation DeleteComment($id: ID!) {
    deleteComment(id: $id)
  }
`);
export const THREAD = graphql(`
  query Thread($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Commentable {
        commentCount
        comments(first: $first, after: $after) {
          edges {
            cursor
            node {
              ...CommentFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  }
`);
export const NOTIFICATION_FIELDS = graphql(`
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
      id
    }
  }
`);
export const NOTIFICATIONS = graphql(`
  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      edges {
        cursor
        node {
          ...NotificationFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
    unreadNotificationCount
  }
`);
export const MARK_READ = graphql(`
  mutation MarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids)
  }
`);
export const COMMENT_CHANGED = graphql(`
  subscription CommentChanged($targetId: ID!, $after: String) {
    commentChanged(targetId: $targetId, after: $after) {
      kind
      commentId
      targetId
      cursor
      occurredAt
      comment {
        id
        body
        version
        author {
          id
          name
        }
      }
    }
  }
`);
export const NOTIFICATION_CHANGED = graphql(`
  subscription NotificationChanged($after: String) {
    notificationChanged(after: $after) {
      kind
      notificationId
      unreadCount
      cursor
      occurredAt
      notification {
        ...NotificationFields
      }
    }
  }
`);
