/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignInPage_SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignInPage_SignInDocument,
    "\n  mutation SignUpPage_SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignUpPage_SignUpDocument,
    "\n  mutation SessionRefresh_RefreshToken {\n    refreshToken {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SessionRefresh_RefreshTokenDocument,
    "\n  query BlogDetailPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n": typeof types.BlogDetailPage_BlogDocument,
    "\n  mutation BlogDetailPage_SetPublished($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n": typeof types.BlogDetailPage_SetPublishedDocument,
    "\n  mutation BlogDetailPage_Delete($id: ID!) {\n    deleteBlog(id: $id)\n  }\n": typeof types.BlogDetailPage_DeleteDocument,
    "\n  query BlogFormPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n": typeof types.BlogFormPage_BlogDocument,
    "\n  mutation BlogFormPage_Create($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n": typeof types.BlogFormPage_CreateDocument,
    "\n  mutation BlogFormPage_Update($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n": typeof types.BlogFormPage_UpdateDocument,
    "\n  query BlogsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BlogsPage_ListDocument,
    "\n  query DraftsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DraftsPage_ListDocument,
    "\n  subscription LiveUpdates_RecipeChanged($after: String) {\n    recipeChanged(after: $after) {\n      kind\n      recipeId\n      cursor\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n": typeof types.LiveUpdates_RecipeChangedDocument,
    "\n  subscription LiveUpdates_BlogChanged($after: String) {\n    blogChanged(after: $after) {\n      kind\n      blogId\n      cursor\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n": typeof types.LiveUpdates_BlogChangedDocument,
    "\n  query RecipeDetailPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeDetailPage_RecipeDocument,
    "\n  mutation RecipeDetailPage_Delete($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": typeof types.RecipeDetailPage_DeleteDocument,
    "\n  query RecipeFormPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeFormPage_RecipeDocument,
    "\n  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeFormPage_CreateDocument,
    "\n  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeFormPage_UpdateDocument,
    "\n  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecipesPage_ListDocument,
    "\n  fragment CacheRecipeEdge on RecipeEdge {\n    node {\n      id\n    }\n  }\n": typeof types.CacheRecipeEdgeFragmentDoc,
    "\n  fragment CacheBlogEdge on BlogEdge {\n    node {\n      id\n    }\n  }\n": typeof types.CacheBlogEdgeFragmentDoc,
    "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.RecipeFieldsFragmentDoc,
    "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.BlogFieldsFragmentDoc,
};
const documents: Documents = {
    "\n  mutation SignInPage_SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignInPage_SignInDocument,
    "\n  mutation SignUpPage_SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignUpPage_SignUpDocument,
    "\n  mutation SessionRefresh_RefreshToken {\n    refreshToken {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SessionRefresh_RefreshTokenDocument,
    "\n  query BlogDetailPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n": types.BlogDetailPage_BlogDocument,
    "\n  mutation BlogDetailPage_SetPublished($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n": types.BlogDetailPage_SetPublishedDocument,
    "\n  mutation BlogDetailPage_Delete($id: ID!) {\n    deleteBlog(id: $id)\n  }\n": types.BlogDetailPage_DeleteDocument,
    "\n  query BlogFormPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n": types.BlogFormPage_BlogDocument,
    "\n  mutation BlogFormPage_Create($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n": types.BlogFormPage_CreateDocument,
    "\n  mutation BlogFormPage_Update($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n": types.BlogFormPage_UpdateDocument,
    "\n  query BlogsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BlogsPage_ListDocument,
    "\n  query DraftsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DraftsPage_ListDocument,
    "\n  subscription LiveUpdates_RecipeChanged($after: String) {\n    recipeChanged(after: $after) {\n      kind\n      recipeId\n      cursor\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n": types.LiveUpdates_RecipeChangedDocument,
    "\n  subscription LiveUpdates_BlogChanged($after: String) {\n    blogChanged(after: $after) {\n      kind\n      blogId\n      cursor\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n": types.LiveUpdates_BlogChangedDocument,
    "\n  query RecipeDetailPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeDetailPage_RecipeDocument,
    "\n  mutation RecipeDetailPage_Delete($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": types.RecipeDetailPage_DeleteDocument,
    "\n  query RecipeFormPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeFormPage_RecipeDocument,
    "\n  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeFormPage_CreateDocument,
    "\n  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeFormPage_UpdateDocument,
    "\n  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecipesPage_ListDocument,
    "\n  fragment CacheRecipeEdge on RecipeEdge {\n    node {\n      id\n    }\n  }\n": types.CacheRecipeEdgeFragmentDoc,
    "\n  fragment CacheBlogEdge on BlogEdge {\n    node {\n      id\n    }\n  }\n": types.CacheBlogEdgeFragmentDoc,
    "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.RecipeFieldsFragmentDoc,
    "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.BlogFieldsFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignInPage_SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignInPage_SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUpPage_SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUpPage_SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SessionRefresh_RefreshToken {\n    refreshToken {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SessionRefresh_RefreshToken {\n    refreshToken {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlogDetailPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  query BlogDetailPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlogDetailPage_SetPublished($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  mutation BlogDetailPage_SetPublished($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlogDetailPage_Delete($id: ID!) {\n    deleteBlog(id: $id)\n  }\n"): (typeof documents)["\n  mutation BlogDetailPage_Delete($id: ID!) {\n    deleteBlog(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlogFormPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  query BlogFormPage_Blog($id: ID!) {\n    blog(id: $id) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlogFormPage_Create($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  mutation BlogFormPage_Create($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlogFormPage_Update($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  mutation BlogFormPage_Update($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BlogsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query BlogsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DraftsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DraftsPage_List($first: Int!, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveUpdates_RecipeChanged($after: String) {\n    recipeChanged(after: $after) {\n      kind\n      recipeId\n      cursor\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveUpdates_RecipeChanged($after: String) {\n    recipeChanged(after: $after) {\n      kind\n      recipeId\n      cursor\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LiveUpdates_BlogChanged($after: String) {\n    blogChanged(after: $after) {\n      kind\n      blogId\n      cursor\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveUpdates_BlogChanged($after: String) {\n    blogChanged(after: $after) {\n      kind\n      blogId\n      cursor\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipeDetailPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n"): (typeof documents)["\n  query RecipeDetailPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipeDetailPage_Delete($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n"): (typeof documents)["\n  mutation RecipeDetailPage_Delete($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipeFormPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n"): (typeof documents)["\n  query RecipeFormPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheRecipeEdge on RecipeEdge {\n    node {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment CacheRecipeEdge on RecipeEdge {\n    node {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheBlogEdge on BlogEdge {\n    node {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment CacheBlogEdge on BlogEdge {\n    node {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;