/* eslint-disable */
import * as types from './graphql.js';
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
    "query CommentsAndNotifications_Node($id: ID!) { node(id: $id) { ... on Comment { id body version } } }": typeof types.CommentsAndNotifications_NodeDocument,
    "query CommentsAndNotifications_Recipes { recipes(first: 100) { edges { node { id commentCount } } } }": typeof types.CommentsAndNotifications_RecipesDocument,
    "query CommentsAndNotifications_Node2($id: ID!) { node(id: $id) { id } }": typeof types.CommentsAndNotifications_Node2Document,
    "query CommentsAndNotifications_AnonymousNotifications { notifications { edges { node { id } } } }": typeof types.CommentsAndNotifications_AnonymousNotificationsDocument,
    "query CommentsAndNotifications_AnonymousUnread { unreadNotificationCount }": typeof types.CommentsAndNotifications_AnonymousUnreadDocument,
    "mutation CommentsAndNotifications_AnonymousMarkRead { markNotificationsRead }": typeof types.CommentsAndNotifications_AnonymousMarkReadDocument,
    "query DevelopmentSecret_Me { me { id name } }": typeof types.DevelopmentSecret_MeDocument,
    "mutation InboxUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }": typeof types.InboxUpgrade_SignInDocument,
    "query InboxUpgrade_Unread { unreadNotificationCount }": typeof types.InboxUpgrade_UnreadDocument,
    "query InputRules_Recipe($id: ID!) { recipe(id: $id) { title servings tags version } }": typeof types.InputRules_RecipeDocument,
    "query InputRules_Recipes { recipes(first: 100) { edges { node { id } } } }": typeof types.InputRules_RecipesDocument,
    "mutation LogUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }": typeof types.LogUpgrade_SignInDocument,
    "mutation RecipesAndBlogs_SignUp($i: SignUpInput!) { signUp(input: $i) { token user { id name } } }": typeof types.RecipesAndBlogs_SignUpDocument,
    "mutation RecipesAndBlogs_SignIn($i: SignInInput!) { signIn(input: $i) { token user { id } } }": typeof types.RecipesAndBlogs_SignInDocument,
    "query RecipesAndBlogs_Me { me { id name } }": typeof types.RecipesAndBlogs_MeDocument,
    "query RecipesAndBlogs_Me2 { me { id } }": typeof types.RecipesAndBlogs_Me2Document,
    "mutation RecipesAndBlogs_SignIn2($i: SignInInput!) { signIn(input: $i) { token } }": typeof types.RecipesAndBlogs_SignIn2Document,
    "mutation RecipesAndBlogs_SignUp2($i: SignUpInput!) { signUp(input: $i) { token } }": typeof types.RecipesAndBlogs_SignUp2Document,
    "mutation RecipesAndBlogs_SignUp3($i: SignUpInput!) { signUp(input: $i) { token } }": typeof types.RecipesAndBlogs_SignUp3Document,
    "query RecipesAndBlogs_Me3 { me { id } }": typeof types.RecipesAndBlogs_Me3Document,
    "query RecipesAndBlogs_Node($id: ID!) { node(id: $id) { id ... on Recipe { title } } }": typeof types.RecipesAndBlogs_NodeDocument,
    "query RecipesAndBlogs_Node2($id: ID!) { node(id: $id) { ... on User { name } } }": typeof types.RecipesAndBlogs_Node2Document,
    "query RecipesAndBlogs_Recipe($id: ID!) { recipe(id: $id) { title version } }": typeof types.RecipesAndBlogs_RecipeDocument,
    "query RecipesAndBlogs_Recipe2($id: ID!) { recipe(id: $id) { id } }": typeof types.RecipesAndBlogs_Recipe2Document,
    "query RecipesAndBlogs_Recipe3($id: ID!) { recipe(id: $id) { title version } }": typeof types.RecipesAndBlogs_Recipe3Document,
    "query RecipesAndBlogs_Recipe4($id: ID!) { recipe(id: $id) { title tags version } }": typeof types.RecipesAndBlogs_Recipe4Document,
    "query RecipesAndBlogs_BlogAndNode($id: ID!) { blog(id: $id) { title } node(id: $id) { id } }": typeof types.RecipesAndBlogs_BlogAndNodeDocument,
    "query RecipesAndBlogs_Recipes { recipes(first: 50, filter: { tag: \"paged\" }) { edges { node { title author { id name } } } } }": typeof types.RecipesAndBlogs_RecipesDocument,
    "mutation Examples_CreateRecipe { createRecipe(input: { title: \"Ping\", ingredients: [], steps: [], tags: [] }) { id } }": typeof types.Examples_CreateRecipeDocument,
    "mutation Examples_CreateBlog { createBlog(input: { title: \"Ping\", body: \"b\", tags: [], published: true }) { id } }": typeof types.Examples_CreateBlogDocument,
    "mutation Comments_UpdateRecipe($id: ID!) { updateRecipe(id: $id, input: { title: \"Renamed\" }) { id } }": typeof types.Comments_UpdateRecipeDocument,
    "query Comments_RecipeCommentCount($id: ID!) { recipe(id: $id) { commentCount } }": typeof types.Comments_RecipeCommentCountDocument,
    "\n  subscription NotificationBodies {\n    notificationChanged {\n      kind\n      notification {\n        read\n        comment {\n          body\n        }\n      }\n    }\n  }\n": typeof types.NotificationBodiesDocument,
    "\n  subscription CommentTargets($targetId: ID!) {\n    commentChanged(targetId: $targetId) {\n      kind\n      comment {\n        body\n        target {\n          ... on Recipe {\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.CommentTargetsDocument,
    "mutation Notifications_DeleteRecipe($id: ID!) { deleteRecipe(id: $id) }": typeof types.Notifications_DeleteRecipeDocument,
    "\n  subscription Presence_Watch($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.Presence_WatchDocument,
    "\n  mutation Presence_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n": typeof types.Presence_SetTypingDocument,
    "mutation Limits_SignIn($input: SignInInput!) { signIn(input: $input) { token user { id } } }": typeof types.Limits_SignInDocument,
    "\n        mutation Limits_EightWrites($input: CreateRecipeInput!) {\n          w0: createRecipe(input: $input) { id }\n          w1: createRecipe(input: $input) { id }\n          w2: createRecipe(input: $input) { id }\n          w3: createRecipe(input: $input) { id }\n          w4: createRecipe(input: $input) { id }\n          w5: createRecipe(input: $input) { id }\n          w6: createRecipe(input: $input) { id }\n          w7: createRecipe(input: $input) { id }\n        }\n      ": typeof types.Limits_EightWritesDocument,
    "subscription TokenLifetime_RecipeChanged { recipeChanged { kind recipeId cursor } }": typeof types.TokenLifetime_RecipeChangedDocument,
    "mutation TokenLifetime_RefreshToken { refreshToken { token user { id name } } }": typeof types.TokenLifetime_RefreshTokenDocument,
    "query TokenLifetime_Me { me { id } }": typeof types.TokenLifetime_MeDocument,
    "subscription WebsocketHardening_RecipeChanged { recipeChanged { kind recipeId cursor } }": typeof types.WebsocketHardening_RecipeChangedDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.RecipeFieldsFragmentDoc,
    "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": typeof types.BlogFieldsFragmentDoc,
    "\n  mutation CreateRecipe($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n": typeof types.CreateRecipeDocument,
    "\n  mutation UpdateRecipe($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n": typeof types.UpdateRecipeDocument,
    "\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": typeof types.DeleteRecipeDocument,
    "\n  mutation CreateBlog($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n": typeof types.CreateBlogDocument,
    "\n  mutation UpdateBlog($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n": typeof types.UpdateBlogDocument,
    "\n  mutation DeleteBlog($id: ID!) {\n    deleteBlog(id: $id)\n  }\n": typeof types.DeleteBlogDocument,
    "\n  query Recipes($first: Int, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RecipesDocument,
    "\n  query Blogs($first: Int, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BlogsDocument,
    "\n  subscription RecipeChanged($id: ID, $authorId: ID, $tag: String, $after: String) {\n    recipeChanged(id: $id, authorId: $authorId, tag: $tag, after: $after) {\n      kind\n      recipeId\n      cursor\n      occurredAt\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n": typeof types.RecipeChangedDocument,
    "\n  subscription BlogChanged($id: ID, $authorId: ID, $after: String) {\n    blogChanged(id: $id, authorId: $authorId, after: $after) {\n      kind\n      blogId\n      cursor\n      occurredAt\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n": typeof types.BlogChangedDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    target {\n      id\n      commentCount\n    }\n  }\n": typeof types.CommentFieldsFragmentDoc,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.AddCommentDocument,
    "\n  mutation UpdateComment($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n": typeof types.UpdateCommentDocument,
    "\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n": typeof types.DeleteCommentDocument,
    "\n  query Thread($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Commentable {\n        commentCount\n        comments(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...CommentFields\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": typeof types.ThreadDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      id\n    }\n  }\n": typeof types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": typeof types.NotificationsDocument,
    "\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkReadDocument,
    "\n  subscription CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      occurredAt\n      comment {\n        id\n        body\n        version\n        author {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.CommentChangedDocument,
    "\n  subscription NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      occurredAt\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n": typeof types.NotificationChangedDocument,
};
const documents: Documents = {
    "query CommentsAndNotifications_Node($id: ID!) { node(id: $id) { ... on Comment { id body version } } }": types.CommentsAndNotifications_NodeDocument,
    "query CommentsAndNotifications_Recipes { recipes(first: 100) { edges { node { id commentCount } } } }": types.CommentsAndNotifications_RecipesDocument,
    "query CommentsAndNotifications_Node2($id: ID!) { node(id: $id) { id } }": types.CommentsAndNotifications_Node2Document,
    "query CommentsAndNotifications_AnonymousNotifications { notifications { edges { node { id } } } }": types.CommentsAndNotifications_AnonymousNotificationsDocument,
    "query CommentsAndNotifications_AnonymousUnread { unreadNotificationCount }": types.CommentsAndNotifications_AnonymousUnreadDocument,
    "mutation CommentsAndNotifications_AnonymousMarkRead { markNotificationsRead }": types.CommentsAndNotifications_AnonymousMarkReadDocument,
    "query DevelopmentSecret_Me { me { id name } }": types.DevelopmentSecret_MeDocument,
    "mutation InboxUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }": types.InboxUpgrade_SignInDocument,
    "query InboxUpgrade_Unread { unreadNotificationCount }": types.InboxUpgrade_UnreadDocument,
    "query InputRules_Recipe($id: ID!) { recipe(id: $id) { title servings tags version } }": types.InputRules_RecipeDocument,
    "query InputRules_Recipes { recipes(first: 100) { edges { node { id } } } }": types.InputRules_RecipesDocument,
    "mutation LogUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }": types.LogUpgrade_SignInDocument,
    "mutation RecipesAndBlogs_SignUp($i: SignUpInput!) { signUp(input: $i) { token user { id name } } }": types.RecipesAndBlogs_SignUpDocument,
    "mutation RecipesAndBlogs_SignIn($i: SignInInput!) { signIn(input: $i) { token user { id } } }": types.RecipesAndBlogs_SignInDocument,
    "query RecipesAndBlogs_Me { me { id name } }": types.RecipesAndBlogs_MeDocument,
    "query RecipesAndBlogs_Me2 { me { id } }": types.RecipesAndBlogs_Me2Document,
    "mutation RecipesAndBlogs_SignIn2($i: SignInInput!) { signIn(input: $i) { token } }": types.RecipesAndBlogs_SignIn2Document,
    "mutation RecipesAndBlogs_SignUp2($i: SignUpInput!) { signUp(input: $i) { token } }": types.RecipesAndBlogs_SignUp2Document,
    "mutation RecipesAndBlogs_SignUp3($i: SignUpInput!) { signUp(input: $i) { token } }": types.RecipesAndBlogs_SignUp3Document,
    "query RecipesAndBlogs_Me3 { me { id } }": types.RecipesAndBlogs_Me3Document,
    "query RecipesAndBlogs_Node($id: ID!) { node(id: $id) { id ... on Recipe { title } } }": types.RecipesAndBlogs_NodeDocument,
    "query RecipesAndBlogs_Node2($id: ID!) { node(id: $id) { ... on User { name } } }": types.RecipesAndBlogs_Node2Document,
    "query RecipesAndBlogs_Recipe($id: ID!) { recipe(id: $id) { title version } }": types.RecipesAndBlogs_RecipeDocument,
    "query RecipesAndBlogs_Recipe2($id: ID!) { recipe(id: $id) { id } }": types.RecipesAndBlogs_Recipe2Document,
    "query RecipesAndBlogs_Recipe3($id: ID!) { recipe(id: $id) { title version } }": types.RecipesAndBlogs_Recipe3Document,
    "query RecipesAndBlogs_Recipe4($id: ID!) { recipe(id: $id) { title tags version } }": types.RecipesAndBlogs_Recipe4Document,
    "query RecipesAndBlogs_BlogAndNode($id: ID!) { blog(id: $id) { title } node(id: $id) { id } }": types.RecipesAndBlogs_BlogAndNodeDocument,
    "query RecipesAndBlogs_Recipes { recipes(first: 50, filter: { tag: \"paged\" }) { edges { node { title author { id name } } } } }": types.RecipesAndBlogs_RecipesDocument,
    "mutation Examples_CreateRecipe { createRecipe(input: { title: \"Ping\", ingredients: [], steps: [], tags: [] }) { id } }": types.Examples_CreateRecipeDocument,
    "mutation Examples_CreateBlog { createBlog(input: { title: \"Ping\", body: \"b\", tags: [], published: true }) { id } }": types.Examples_CreateBlogDocument,
    "mutation Comments_UpdateRecipe($id: ID!) { updateRecipe(id: $id, input: { title: \"Renamed\" }) { id } }": types.Comments_UpdateRecipeDocument,
    "query Comments_RecipeCommentCount($id: ID!) { recipe(id: $id) { commentCount } }": types.Comments_RecipeCommentCountDocument,
    "\n  subscription NotificationBodies {\n    notificationChanged {\n      kind\n      notification {\n        read\n        comment {\n          body\n        }\n      }\n    }\n  }\n": types.NotificationBodiesDocument,
    "\n  subscription CommentTargets($targetId: ID!) {\n    commentChanged(targetId: $targetId) {\n      kind\n      comment {\n        body\n        target {\n          ... on Recipe {\n            title\n          }\n        }\n      }\n    }\n  }\n": types.CommentTargetsDocument,
    "mutation Notifications_DeleteRecipe($id: ID!) { deleteRecipe(id: $id) }": types.Notifications_DeleteRecipeDocument,
    "\n  subscription Presence_Watch($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.Presence_WatchDocument,
    "\n  mutation Presence_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n": types.Presence_SetTypingDocument,
    "mutation Limits_SignIn($input: SignInInput!) { signIn(input: $input) { token user { id } } }": types.Limits_SignInDocument,
    "\n        mutation Limits_EightWrites($input: CreateRecipeInput!) {\n          w0: createRecipe(input: $input) { id }\n          w1: createRecipe(input: $input) { id }\n          w2: createRecipe(input: $input) { id }\n          w3: createRecipe(input: $input) { id }\n          w4: createRecipe(input: $input) { id }\n          w5: createRecipe(input: $input) { id }\n          w6: createRecipe(input: $input) { id }\n          w7: createRecipe(input: $input) { id }\n        }\n      ": types.Limits_EightWritesDocument,
    "subscription TokenLifetime_RecipeChanged { recipeChanged { kind recipeId cursor } }": types.TokenLifetime_RecipeChangedDocument,
    "mutation TokenLifetime_RefreshToken { refreshToken { token user { id name } } }": types.TokenLifetime_RefreshTokenDocument,
    "query TokenLifetime_Me { me { id } }": types.TokenLifetime_MeDocument,
    "subscription WebsocketHardening_RecipeChanged { recipeChanged { kind recipeId cursor } }": types.WebsocketHardening_RecipeChangedDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  fragment RecipeFields on Recipe {\n    id\n    title\n    description\n    ingredients\n    steps\n    tags\n    cookingMinutes\n    servings\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.RecipeFieldsFragmentDoc,
    "\n  fragment BlogFields on Blog {\n    id\n    title\n    body\n    tags\n    published\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n  }\n": types.BlogFieldsFragmentDoc,
    "\n  mutation CreateRecipe($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n": types.CreateRecipeDocument,
    "\n  mutation UpdateRecipe($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n": types.UpdateRecipeDocument,
    "\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n": types.DeleteRecipeDocument,
    "\n  mutation CreateBlog($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n": types.CreateBlogDocument,
    "\n  mutation UpdateBlog($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n": types.UpdateBlogDocument,
    "\n  mutation DeleteBlog($id: ID!) {\n    deleteBlog(id: $id)\n  }\n": types.DeleteBlogDocument,
    "\n  query Recipes($first: Int, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RecipesDocument,
    "\n  query Blogs($first: Int, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BlogsDocument,
    "\n  subscription RecipeChanged($id: ID, $authorId: ID, $tag: String, $after: String) {\n    recipeChanged(id: $id, authorId: $authorId, tag: $tag, after: $after) {\n      kind\n      recipeId\n      cursor\n      occurredAt\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n": types.RecipeChangedDocument,
    "\n  subscription BlogChanged($id: ID, $authorId: ID, $after: String) {\n    blogChanged(id: $id, authorId: $authorId, after: $after) {\n      kind\n      blogId\n      cursor\n      occurredAt\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n": types.BlogChangedDocument,
    "\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    target {\n      id\n      commentCount\n    }\n  }\n": types.CommentFieldsFragmentDoc,
    "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n": types.AddCommentDocument,
    "\n  mutation UpdateComment($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n": types.UpdateCommentDocument,
    "\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n": types.DeleteCommentDocument,
    "\n  query Thread($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Commentable {\n        commentCount\n        comments(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...CommentFields\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n": types.ThreadDocument,
    "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      id\n    }\n  }\n": types.NotificationFieldsFragmentDoc,
    "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n": types.NotificationsDocument,
    "\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkReadDocument,
    "\n  subscription CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      occurredAt\n      comment {\n        id\n        body\n        version\n        author {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.CommentChangedDocument,
    "\n  subscription NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      occurredAt\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n": types.NotificationChangedDocument,
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
export function graphql(source: "query CommentsAndNotifications_Node($id: ID!) { node(id: $id) { ... on Comment { id body version } } }"): (typeof documents)["query CommentsAndNotifications_Node($id: ID!) { node(id: $id) { ... on Comment { id body version } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommentsAndNotifications_Recipes { recipes(first: 100) { edges { node { id commentCount } } } }"): (typeof documents)["query CommentsAndNotifications_Recipes { recipes(first: 100) { edges { node { id commentCount } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommentsAndNotifications_Node2($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query CommentsAndNotifications_Node2($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommentsAndNotifications_AnonymousNotifications { notifications { edges { node { id } } } }"): (typeof documents)["query CommentsAndNotifications_AnonymousNotifications { notifications { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommentsAndNotifications_AnonymousUnread { unreadNotificationCount }"): (typeof documents)["query CommentsAndNotifications_AnonymousUnread { unreadNotificationCount }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CommentsAndNotifications_AnonymousMarkRead { markNotificationsRead }"): (typeof documents)["mutation CommentsAndNotifications_AnonymousMarkRead { markNotificationsRead }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DevelopmentSecret_Me { me { id name } }"): (typeof documents)["query DevelopmentSecret_Me { me { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation InboxUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }"): (typeof documents)["mutation InboxUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InboxUpgrade_Unread { unreadNotificationCount }"): (typeof documents)["query InboxUpgrade_Unread { unreadNotificationCount }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InputRules_Recipe($id: ID!) { recipe(id: $id) { title servings tags version } }"): (typeof documents)["query InputRules_Recipe($id: ID!) { recipe(id: $id) { title servings tags version } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InputRules_Recipes { recipes(first: 100) { edges { node { id } } } }"): (typeof documents)["query InputRules_Recipes { recipes(first: 100) { edges { node { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LogUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }"): (typeof documents)["mutation LogUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecipesAndBlogs_SignUp($i: SignUpInput!) { signUp(input: $i) { token user { id name } } }"): (typeof documents)["mutation RecipesAndBlogs_SignUp($i: SignUpInput!) { signUp(input: $i) { token user { id name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecipesAndBlogs_SignIn($i: SignInInput!) { signIn(input: $i) { token user { id } } }"): (typeof documents)["mutation RecipesAndBlogs_SignIn($i: SignInInput!) { signIn(input: $i) { token user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Me { me { id name } }"): (typeof documents)["query RecipesAndBlogs_Me { me { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Me2 { me { id } }"): (typeof documents)["query RecipesAndBlogs_Me2 { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecipesAndBlogs_SignIn2($i: SignInInput!) { signIn(input: $i) { token } }"): (typeof documents)["mutation RecipesAndBlogs_SignIn2($i: SignInInput!) { signIn(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecipesAndBlogs_SignUp2($i: SignUpInput!) { signUp(input: $i) { token } }"): (typeof documents)["mutation RecipesAndBlogs_SignUp2($i: SignUpInput!) { signUp(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RecipesAndBlogs_SignUp3($i: SignUpInput!) { signUp(input: $i) { token } }"): (typeof documents)["mutation RecipesAndBlogs_SignUp3($i: SignUpInput!) { signUp(input: $i) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Me3 { me { id } }"): (typeof documents)["query RecipesAndBlogs_Me3 { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Node($id: ID!) { node(id: $id) { id ... on Recipe { title } } }"): (typeof documents)["query RecipesAndBlogs_Node($id: ID!) { node(id: $id) { id ... on Recipe { title } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Node2($id: ID!) { node(id: $id) { ... on User { name } } }"): (typeof documents)["query RecipesAndBlogs_Node2($id: ID!) { node(id: $id) { ... on User { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Recipe($id: ID!) { recipe(id: $id) { title version } }"): (typeof documents)["query RecipesAndBlogs_Recipe($id: ID!) { recipe(id: $id) { title version } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Recipe2($id: ID!) { recipe(id: $id) { id } }"): (typeof documents)["query RecipesAndBlogs_Recipe2($id: ID!) { recipe(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Recipe3($id: ID!) { recipe(id: $id) { title version } }"): (typeof documents)["query RecipesAndBlogs_Recipe3($id: ID!) { recipe(id: $id) { title version } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Recipe4($id: ID!) { recipe(id: $id) { title tags version } }"): (typeof documents)["query RecipesAndBlogs_Recipe4($id: ID!) { recipe(id: $id) { title tags version } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_BlogAndNode($id: ID!) { blog(id: $id) { title } node(id: $id) { id } }"): (typeof documents)["query RecipesAndBlogs_BlogAndNode($id: ID!) { blog(id: $id) { title } node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RecipesAndBlogs_Recipes { recipes(first: 50, filter: { tag: \"paged\" }) { edges { node { title author { id name } } } } }"): (typeof documents)["query RecipesAndBlogs_Recipes { recipes(first: 50, filter: { tag: \"paged\" }) { edges { node { title author { id name } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Examples_CreateRecipe { createRecipe(input: { title: \"Ping\", ingredients: [], steps: [], tags: [] }) { id } }"): (typeof documents)["mutation Examples_CreateRecipe { createRecipe(input: { title: \"Ping\", ingredients: [], steps: [], tags: [] }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Examples_CreateBlog { createBlog(input: { title: \"Ping\", body: \"b\", tags: [], published: true }) { id } }"): (typeof documents)["mutation Examples_CreateBlog { createBlog(input: { title: \"Ping\", body: \"b\", tags: [], published: true }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Comments_UpdateRecipe($id: ID!) { updateRecipe(id: $id, input: { title: \"Renamed\" }) { id } }"): (typeof documents)["mutation Comments_UpdateRecipe($id: ID!) { updateRecipe(id: $id, input: { title: \"Renamed\" }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Comments_RecipeCommentCount($id: ID!) { recipe(id: $id) { commentCount } }"): (typeof documents)["query Comments_RecipeCommentCount($id: ID!) { recipe(id: $id) { commentCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationBodies {\n    notificationChanged {\n      kind\n      notification {\n        read\n        comment {\n          body\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationBodies {\n    notificationChanged {\n      kind\n      notification {\n        read\n        comment {\n          body\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CommentTargets($targetId: ID!) {\n    commentChanged(targetId: $targetId) {\n      kind\n      comment {\n        body\n        target {\n          ... on Recipe {\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CommentTargets($targetId: ID!) {\n    commentChanged(targetId: $targetId) {\n      kind\n      comment {\n        body\n        target {\n          ... on Recipe {\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Notifications_DeleteRecipe($id: ID!) { deleteRecipe(id: $id) }"): (typeof documents)["mutation Notifications_DeleteRecipe($id: ID!) { deleteRecipe(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Presence_Watch($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription Presence_Watch($targetId: ID!) {\n    presence(targetId: $targetId) {\n      targetId\n      count\n      members {\n        typing\n        user {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Presence_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n"): (typeof documents)["\n  mutation Presence_SetTyping($targetId: ID!, $typing: Boolean!) {\n    setTyping(targetId: $targetId, typing: $typing)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Limits_SignIn($input: SignInInput!) { signIn(input: $input) { token user { id } } }"): (typeof documents)["mutation Limits_SignIn($input: SignInInput!) { signIn(input: $input) { token user { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation Limits_EightWrites($input: CreateRecipeInput!) {\n          w0: createRecipe(input: $input) { id }\n          w1: createRecipe(input: $input) { id }\n          w2: createRecipe(input: $input) { id }\n          w3: createRecipe(input: $input) { id }\n          w4: createRecipe(input: $input) { id }\n          w5: createRecipe(input: $input) { id }\n          w6: createRecipe(input: $input) { id }\n          w7: createRecipe(input: $input) { id }\n        }\n      "): (typeof documents)["\n        mutation Limits_EightWrites($input: CreateRecipeInput!) {\n          w0: createRecipe(input: $input) { id }\n          w1: createRecipe(input: $input) { id }\n          w2: createRecipe(input: $input) { id }\n          w3: createRecipe(input: $input) { id }\n          w4: createRecipe(input: $input) { id }\n          w5: createRecipe(input: $input) { id }\n          w6: createRecipe(input: $input) { id }\n          w7: createRecipe(input: $input) { id }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription TokenLifetime_RecipeChanged { recipeChanged { kind recipeId cursor } }"): (typeof documents)["subscription TokenLifetime_RecipeChanged { recipeChanged { kind recipeId cursor } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokenLifetime_RefreshToken { refreshToken { token user { id name } } }"): (typeof documents)["mutation TokenLifetime_RefreshToken { refreshToken { token user { id name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokenLifetime_Me { me { id } }"): (typeof documents)["query TokenLifetime_Me { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription WebsocketHardening_RecipeChanged { recipeChanged { kind recipeId cursor } }"): (typeof documents)["subscription WebsocketHardening_RecipeChanged { recipeChanged { kind recipeId cursor } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      token\n      user {\n        id\n        name\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation CreateRecipe($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateRecipe($input: CreateRecipeInput!) {\n    createRecipe(input: $input) {\n      ...RecipeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateRecipe($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateRecipe($id: ID!, $input: UpdateRecipeInput!) {\n    updateRecipe(id: $id, input: $input) {\n      ...RecipeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteRecipe($id: ID!) {\n    deleteRecipe(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateBlog($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateBlog($input: CreateBlogInput!) {\n    createBlog(input: $input) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateBlog($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateBlog($id: ID!, $input: UpdateBlogInput!) {\n    updateBlog(id: $id, input: $input) {\n      ...BlogFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteBlog($id: ID!) {\n    deleteBlog(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteBlog($id: ID!) {\n    deleteBlog(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Recipes($first: Int, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Recipes($first: Int, $after: String, $filter: RecipeFilter) {\n    recipes(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...RecipeFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Blogs($first: Int, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Blogs($first: Int, $after: String, $filter: BlogFilter) {\n    blogs(first: $first, after: $after, filter: $filter) {\n      edges {\n        cursor\n        node {\n          ...BlogFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RecipeChanged($id: ID, $authorId: ID, $tag: String, $after: String) {\n    recipeChanged(id: $id, authorId: $authorId, tag: $tag, after: $after) {\n      kind\n      recipeId\n      cursor\n      occurredAt\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription RecipeChanged($id: ID, $authorId: ID, $tag: String, $after: String) {\n    recipeChanged(id: $id, authorId: $authorId, tag: $tag, after: $after) {\n      kind\n      recipeId\n      cursor\n      occurredAt\n      recipe {\n        ...RecipeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BlogChanged($id: ID, $authorId: ID, $after: String) {\n    blogChanged(id: $id, authorId: $authorId, after: $after) {\n      kind\n      blogId\n      cursor\n      occurredAt\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription BlogChanged($id: ID, $authorId: ID, $after: String) {\n    blogChanged(id: $id, authorId: $authorId, after: $after) {\n      kind\n      blogId\n      cursor\n      occurredAt\n      blog {\n        ...BlogFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    target {\n      id\n      commentCount\n    }\n  }\n"): (typeof documents)["\n  fragment CommentFields on Comment {\n    id\n    body\n    version\n    createdAt\n    updatedAt\n    author {\n      id\n      name\n    }\n    target {\n      id\n      commentCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddComment($input: AddCommentInput!) {\n    addComment(input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateComment($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateComment($id: ID!, $input: UpdateCommentInput!) {\n    updateComment(id: $id, input: $input) {\n      ...CommentFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteComment($id: ID!) {\n    deleteComment(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Thread($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Commentable {\n        commentCount\n        comments(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...CommentFields\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Thread($id: ID!, $first: Int, $after: String) {\n    node(id: $id) {\n      ... on Commentable {\n        commentCount\n        comments(first: $first, after: $after) {\n          edges {\n            cursor\n            node {\n              ...CommentFields\n            }\n          }\n          pageInfo {\n            hasNextPage\n            endCursor\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      id\n    }\n  }\n"): (typeof documents)["\n  fragment NotificationFields on Notification {\n    id\n    kind\n    read\n    createdAt\n    actor {\n      id\n      name\n    }\n    comment {\n      id\n      body\n    }\n    target {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query Notifications($first: Int, $after: String, $unreadOnly: Boolean) {\n    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {\n      edges {\n        cursor\n        node {\n          ...NotificationFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkRead($ids: [ID!]) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      occurredAt\n      comment {\n        id\n        body\n        version\n        author {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription CommentChanged($targetId: ID!, $after: String) {\n    commentChanged(targetId: $targetId, after: $after) {\n      kind\n      commentId\n      targetId\n      cursor\n      occurredAt\n      comment {\n        id\n        body\n        version\n        author {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      occurredAt\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationChanged($after: String) {\n    notificationChanged(after: $after) {\n      kind\n      notificationId\n      unreadCount\n      cursor\n      occurredAt\n      notification {\n        ...NotificationFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;