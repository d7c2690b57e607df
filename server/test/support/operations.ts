export const RECIPE_FIELDS = `id title description ingredients steps tags cookingMinutes servings version createdAt updatedAt author { id name }`;
export const BLOG_FIELDS = `id title body tags published version createdAt updatedAt author { id name }`;

export const CREATE_RECIPE = `mutation ($input: CreateRecipeInput!) { createRecipe(input: $input) { ${RECIPE_FIELDS} } }`;
export const UPDATE_RECIPE = `mutation ($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { ${RECIPE_FIELDS} } }`;
export const DELETE_RECIPE = `mutation ($id: ID!) { deleteRecipe(id: $id) }`;
export const CREATE_BLOG = `mutation ($input: CreateBlogInput!) { createBlog(input: $input) { ${BLOG_FIELDS} } }`;
export const UPDATE_BLOG = `mutation ($id: ID!, $input: UpdateBlogInput!) { updateBlog(id: $id, input: $input) { ${BLOG_FIELDS} } }`;
export const DELETE_BLOG = `mutation ($id: ID!) { deleteBlog(id: $id) }`;
export const RECIPES = `query ($first: Int, $after: String, $filter: RecipeFilter) {
  recipes(first: $first, after: $after, filter: $filter) { edges { cursor node { ${RECIPE_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
export const BLOGS = `query ($first: Int, $after: String, $filter: BlogFilter) {
  blogs(first: $first, after: $after, filter: $filter) { edges { cursor node { ${BLOG_FIELDS} } } pageInfo { hasNextPage endCursor } }
}`;
export const RECIPE_CHANGED = `subscription ($id: ID, $authorId: ID, $tag: String, $after: String) {
  recipeChanged(id: $id, authorId: $authorId, tag: $tag, after: $after) { kind recipeId cursor occurredAt recipe { ${RECIPE_FIELDS} } }
}`;
export const BLOG_CHANGED = `subscription ($id: ID, $authorId: ID, $after: String) {
  blogChanged(id: $id, authorId: $authorId, after: $after) { kind blogId cursor occurredAt blog { ${BLOG_FIELDS} } }
}`;

export const COMMENT_FIELDS = `id body version createdAt updatedAt author { id name } target { id commentCount }`;
export const ADD_COMMENT = `mutation ($input: AddCommentInput!) { addComment(input: $input) { ${COMMENT_FIELDS} } }`;
export const UPDATE_COMMENT = `mutation ($id: ID!, $input: UpdateCommentInput!) { updateComment(id: $id, input: $input) { ${COMMENT_FIELDS} } }`;
export const DELETE_COMMENT = `mutation ($id: ID!) { deleteComment(id: $id) }`;
export const THREAD = `query ($id: ID!, $first: Int, $after: String) {
  node(id: $id) { ... on Commentable { commentCount comments(first: $first, after: $after) { edges { cursor node { ${COMMENT_FIELDS} } } pageInfo { hasNextPage endCursor } } } }
}`;
export const NOTIFICATION_FIELDS = `id kind read createdAt actor { id name } comment { id body } target { id }`;
export const NOTIFICATIONS = `query ($first: Int, $after: String, $unreadOnly: Boolean) {
  notifications(first: $first, after: $after, unreadOnly: $unreadOnly) { edges { cursor node { ${NOTIFICATION_FIELDS} } } pageInfo { hasNextPage endCursor } }
  unreadNotificationCount
}`;
export const MARK_READ = `mutation ($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
export const COMMENT_CHANGED = `subscription ($targetId: ID!, $after: String) {
  commentChanged(targetId: $targetId, after: $after) { kind commentId targetId cursor occurredAt comment { id body version author { id name } } }
}`;
export const NOTIFICATION_CHANGED = `subscription ($after: String) {
  notificationChanged(after: $after) { kind notificationId unreadCount cursor occurredAt notification { ${NOTIFICATION_FIELDS} } }
}`;
