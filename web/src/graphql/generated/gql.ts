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
    "\n  mutation CommentItem_Update($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.CommentItem_UpdateDocument,
    "\n  mutation CommentItem_Delete($id: ID!) {\n    deleteComment(id: $id)\n  }\n": typeof types.CommentItem_DeleteDocument,
    "\n  query CommentItem_Saved($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Comment {\n        ...CommentFields\n      }\n    }\n  }\n": typeof types.CommentItem_SavedDocument,
    "\n  fragment CommentThreadPage on CommentConnection {\n    edges {\n      node {\n        ...CommentFields\n        target {\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": typeof types.CommentThreadPageFragmentDoc,
    "\n  query CommentThread_Comments($targetId: ID!, $first: Int!, $after: String) {\n    node(id: $targetId) {\n      id\n      ... on Recipe {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n      ... on Blog {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n    }\n  }\n": typeof types.CommentThread_CommentsDocument,
    "\n  subscription CommentThread_CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      comment {\n        ...CommentFields\n      }\n    }\n  }\n": typeof types.CommentThread_CommentChangedDocument,
    "\n  mutation CommentThread_Add($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n      target {\n        id\n      }\n    }\n  }\n": typeof types.CommentThread_AddDocument,
    "\n  subscription LiveUpdates_RecipeChanged($after: String) {\n    recipeChanged(after: $after) {\n      kind\n      recipeId\n      cursor\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n": typeof types.LiveUpdates_RecipeChangedDocument,
    "\n  subscription LiveUpdates_BlogChanged($after: String) {\n    blogChanged(after: $after) {\n      kind\n      blogId\n      cursor\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n": typeof types.LiveUpdates_BlogChangedDocument,
    "\n  subscription LiveUpdates_NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n": typeof types.LiveUpdates_NotificationChangedDocument,
    "\n  query NotificationsLink_UnreadCount {\n    unreadNotificationCount\n  }\n": typeof types.NotificationsLink_UnreadCountDocument,
    "\n  query NotificationsPage_List($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.NotificationsPage_ListDocument,
    "\n  mutation NotificationsPage_MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.NotificationsPage_MarkReadDocument,
    "\n  subscription PresenceBar_Presence($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.PresenceBar_PresenceDocument,
    "\n  mutation PresenceBar_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n": typeof types.PresenceBar_SetTypingDocument,
    "\n  query RecipeDetailPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeDetailPage_RecipeDocument,
    "\n  mutation RecipeDetailPage_Delete($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": typeof types.RecipeDetailPage_DeleteDocument,
    "\n  query RecipeFormPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeFormPage_RecipeDocument,
    "\n  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeFormPage_CreateDocument,
    "\n  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n": typeof types.RecipeFormPage_UpdateDocument,
    "\n  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecipesPage_ListDocument,
    "\n  fragment CacheRecipeEdge on RecipeEdge {\n    node {\n      id\n    }\n  }\n": typeof types.CacheRecipeEdgeFragmentDoc,
    "\n  fragment CacheBlogEdge on BlogEdge {\n    node {\n      id\n    }\n  }\n": typeof types.CacheBlogEdgeFragmentDoc,
    "\n  fragment CacheCommentEdge on CommentEdge {\n    node {\n      id\n    }\n  }\n": typeof types.CacheCommentEdgeFragmentDoc,
    "\n  fragment CacheNotificationEdge on NotificationEdge {\n    node {\n      id\n    }\n  }\n": typeof types.CacheNotificationEdgeFragmentDoc,
    "\n  fragment CacheRecipeCommentCount on Recipe {\n    id\n    commentCount\n  }\n": typeof types.CacheRecipeCommentCountFragmentDoc,
    "\n  fragment CacheBlogCommentCount on Blog {\n    id\n    commentCount\n  }\n": typeof types.CacheBlogCommentCountFragmentDoc,
    "\n  fragment CacheCommentTarget on Comment {\n    id\n    target {\n      id\n    }\n  }\n": typeof types.CacheCommentTargetFragmentDoc,
    "\n  fragment CacheNotificationRead on Notification {\n    id\n    read\n  }\n": typeof types.CacheNotificationReadFragmentDoc,
    "\n  query CacheUnreadCount {\n    unreadNotificationCount\n  }\n": typeof types.CacheUnreadCountDocument,
    "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.RecipeFieldsFragmentDoc,
    "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.BlogFieldsFragmentDoc,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      __typename\n      id\n      ... on Recipe {\n        title\n      }\n      ... on Blog {\n        title\n      }\n    }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
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
    "\n  mutation CommentItem_Update($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n": types.CommentItem_UpdateDocument,
    "\n  mutation CommentItem_Delete($id: ID!) {\n    deleteComment(id: $id)\n  }\n": types.CommentItem_DeleteDocument,
    "\n  query CommentItem_Saved($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Comment {\n        ...CommentFields\n      }\n    }\n  }\n": types.CommentItem_SavedDocument,
    "\n  fragment CommentThreadPage on CommentConnection {\n    edges {\n      node {\n        ...CommentFields\n        target {\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n": types.CommentThreadPageFragmentDoc,
    "\n  query CommentThread_Comments($targetId: ID!, $first: Int!, $after: String) {\n    node(id: $targetId) {\n      id\n      ... on Recipe {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n      ... on Blog {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n    }\n  }\n": types.CommentThread_CommentsDocument,
    "\n  subscription CommentThread_CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      comment {\n        ...CommentFields\n      }\n    }\n  }\n": types.CommentThread_CommentChangedDocument,
    "\n  mutation CommentThread_Add($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n      target {\n        id\n      }\n    }\n  }\n": types.CommentThread_AddDocument,
    "\n  subscription LiveUpdates_RecipeChanged($after: String) {\n    recipeChanged(after: $after) {\n      kind\n      recipeId\n      cursor\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n": types.LiveUpdates_RecipeChangedDocument,
    "\n  subscription LiveUpdates_BlogChanged($after: String) {\n    blogChanged(after: $after) {\n      kind\n      blogId\n      cursor\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n": types.LiveUpdates_BlogChangedDocument,
    "\n  subscription LiveUpdates_NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n": types.LiveUpdates_NotificationChangedDocument,
    "\n  query NotificationsLink_UnreadCount {\n    unreadNotificationCount\n  }\n": types.NotificationsLink_UnreadCountDocument,
    "\n  query NotificationsPage_List($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.NotificationsPage_ListDocument,
    "\n  mutation NotificationsPage_MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.NotificationsPage_MarkReadDocument,
    "\n  subscription PresenceBar_Presence($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.PresenceBar_PresenceDocument,
    "\n  mutation PresenceBar_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n": types.PresenceBar_SetTypingDocument,
    "\n  query RecipeDetailPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeDetailPage_RecipeDocument,
    "\n  mutation RecipeDetailPage_Delete($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": types.RecipeDetailPage_DeleteDocument,
    "\n  query RecipeFormPage_Recipe($id: ID!) {\n    recipe(id: $id) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeFormPage_RecipeDocument,
    "\n  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeFormPage_CreateDocument,
    "\n  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n": types.RecipeFormPage_UpdateDocument,
    "\n  query RecipesPage_List($first: Int!, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecipesPage_ListDocument,
    "\n  fragment CacheRecipeEdge on RecipeEdge {\n    node {\n      id\n    }\n  }\n": types.CacheRecipeEdgeFragmentDoc,
    "\n  fragment CacheBlogEdge on BlogEdge {\n    node {\n      id\n    }\n  }\n": types.CacheBlogEdgeFragmentDoc,
    "\n  fragment CacheCommentEdge on CommentEdge {\n    node {\n      id\n    }\n  }\n": types.CacheCommentEdgeFragmentDoc,
    "\n  fragment CacheNotificationEdge on NotificationEdge {\n    node {\n      id\n    }\n  }\n": types.CacheNotificationEdgeFragmentDoc,
    "\n  fragment CacheRecipeCommentCount on Recipe {\n    id\n    commentCount\n  }\n": types.CacheRecipeCommentCountFragmentDoc,
    "\n  fragment CacheBlogCommentCount on Blog {\n    id\n    commentCount\n  }\n": types.CacheBlogCommentCountFragmentDoc,
    "\n  fragment CacheCommentTarget on Comment {\n    id\n    target {\n      id\n    }\n  }\n": types.CacheCommentTargetFragmentDoc,
    "\n  fragment CacheNotificationRead on Notification {\n    id\n    read\n  }\n": types.CacheNotificationReadFragmentDoc,
    "\n  query CacheUnreadCount {\n    unreadNotificationCount\n  }\n": types.CacheUnreadCountDocument,
    "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.RecipeFieldsFragmentDoc,
    "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.BlogFieldsFragmentDoc,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      __typename\n      id\n      ... on Recipe {\n        title\n      }\n      ... on Blog {\n        title\n      }\n    }\n  }\n": types.NotificationFieldsFragmentDoc,
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
export function graphql(source: "\n  mutation CommentItem_Update($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation CommentItem_Update($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentItem_Delete($id: ID!) {\n    deleteComment(id: $id)\n  }\n"): (typeof documents)["\n  mutation CommentItem_Delete($id: ID!) {\n    deleteComment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentItem_Saved($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Comment {\n        ...CommentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentItem_Saved($id: ID!) {\n    node(id: $id) {\n      id\n      ... on Comment {\n        ...CommentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentThreadPage on CommentConnection {\n    edges {\n      node {\n        ...CommentFields\n        target {\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"): (typeof documents)["\n  fragment CommentThreadPage on CommentConnection {\n    edges {\n      node {\n        ...CommentFields\n        target {\n          id\n        }\n      }\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CommentThread_Comments($targetId: ID!, $first: Int!, $after: String) {\n    node(id: $targetId) {\n      id\n      ... on Recipe {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n      ... on Blog {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CommentThread_Comments($targetId: ID!, $first: Int!, $after: String) {\n    node(id: $targetId) {\n      id\n      ... on Recipe {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n      ... on Blog {\n        commentCount\n        comments(first: $first, after: $after) {\n          ...CommentThreadPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CommentThread_CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      comment {\n        ...CommentFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CommentThread_CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      comment {\n        ...CommentFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CommentThread_Add($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n      target {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CommentThread_Add($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n      target {\n        id\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  subscription LiveUpdates_NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription LiveUpdates_NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsLink_UnreadCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query NotificationsLink_UnreadCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationsPage_List($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query NotificationsPage_List($first: Int!, $after: String) {\n    notifications(first: $first, after: $after) {\n      edges {\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation NotificationsPage_MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation NotificationsPage_MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PresenceBar_Presence($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription PresenceBar_Presence($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PresenceBar_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n"): (typeof documents)["\n  mutation PresenceBar_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n"];
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
export function graphql(source: "\n  fragment CacheCommentEdge on CommentEdge {\n    node {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment CacheCommentEdge on CommentEdge {\n    node {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheNotificationEdge on NotificationEdge {\n    node {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment CacheNotificationEdge on NotificationEdge {\n    node {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheRecipeCommentCount on Recipe {\n    id\n    commentCount\n  }\n"): (typeof documents)["\n  fragment CacheRecipeCommentCount on Recipe {\n    id\n    commentCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheBlogCommentCount on Blog {\n    id\n    commentCount\n  }\n"): (typeof documents)["\n  fragment CacheBlogCommentCount on Blog {\n    id\n    commentCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheCommentTarget on Comment {\n    id\n    target {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment CacheCommentTarget on Comment {\n    id\n    target {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CacheNotificationRead on Notification {\n    id\n    read\n  }\n"): (typeof documents)["\n  fragment CacheNotificationRead on Notification {\n    id\n    read\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheUnreadCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query CacheUnreadCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      __typename\n      id\n      ... on Recipe {\n        title\n      }\n      ... on Blog {\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      __typename\n      id\n      ... on Recipe {\n        title\n      }\n      ... on Blog {\n        title\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;