import { graphql } from './generated/index.js';

/** Exchanges the feed's credentials for a token (HTTP POST). */
export const SignInDocument = graphql(`
  mutation FeedSignIn($input: SignInInput!) {
    signIn(input: $input) {
      token
      user {
        id
        name
      }
    }
  }
`);

/** Every recipe change from `after` (exclusive), then live. */
export const RecipeChangedDocument = graphql(`
  subscription FeedRecipeChanged($after: String, $tag: String) {
    recipeChanged(after: $after, tag: $tag) {
      kind
      recipeId
      cursor
      occurredAt
      recipe {
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
    }
  }
`);
