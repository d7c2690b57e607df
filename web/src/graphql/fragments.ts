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
