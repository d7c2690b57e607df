import type {
  BlogFieldsFragment,
  CommentFieldsFragment,
  NotificationFieldsFragment,
  RecipeFieldsFragment,
} from '../../../src/graphql/generated/graphql';

/** What the server would send for a recipe: every field the app selects, with typenames. */
export type RecipeData = RecipeFieldsFragment & { __typename: 'Recipe'; author: { __typename: 'User'; id: string; name: string } };
export type BlogData = BlogFieldsFragment & { __typename: 'Blog'; author: { __typename: 'User'; id: string; name: string } };

export const ann = { __typename: 'User' as const, id: 'VXNlcjphbm4=', name: 'Ann' };
export const bob = { __typename: 'User' as const, id: 'VXNlcjpib2I=', name: 'Bob' };

/** Minute `n` of a fixed day: later minutes are newer, which is all list order looks at. */
export function at(minute: number): string {
  return new Date(Date.UTC(2026, 0, 1, 12, minute)).toISOString();
}

export function recipe(id: string, fields: Partial<Omit<RecipeData, 'id' | '__typename'>> = {}): RecipeData {
  return {
    __typename: 'Recipe',
    id,
    title: `Recipe ${id}`,
    description: null,
    ingredients: [],
    steps: [],
    tags: [],
    cookingMinutes: null,
    servings: null,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    author: ann,
    ...fields,
  };
}

export function blog(id: string, fields: Partial<Omit<BlogData, 'id' | '__typename'>> = {}): BlogData {
  return {
    __typename: 'Blog',
    id,
    title: `Blog ${id}`,
    body: 'Text',
    tags: [],
    published: true,
    version: 1,
    createdAt: at(0),
    updatedAt: at(0),
    author: ann,
    ...fields,
  };
}

export function connection<Node>(
  kind: 'Recipe' | 'Blog',
  nodes: Node[],
  pageInfo: { hasNextPage?: boolean; endCursor?: string | null } = {},
) {
  return {
    __typename: `${kind}Connection`,
    edges: nodes.map((node) => ({ __typename: `${kind}Edge`, node })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: pageInfo.hasNextPage ?? false, endCursor: pageInfo.endCursor ?? null },
  };
}

export function recipeChange(kind: 'CREATED' | 'UPDATED' | 'DELETED', id: string, state: RecipeData | null, cursor = `c-${id}-${kind}`) {
  return {
    recipeChanged: { __typename: 'RecipeChange', kind, recipeId: id, cursor, recipe: state },
  };
}

export function blogChange(kind: 'CREATED' | 'UPDATED' | 'DELETED', id: string, state: BlogData | null, cursor = `c-${id}-${kind}`) {
  return {
    blogChanged: { __typename: 'BlogChange', kind, blogId: id, cursor, blog: state },
  };
}

export type CommentData = CommentFieldsFragment & { __typename: 'Comment'; author: { __typename: 'User'; id: string; name: string } };

export function comment(id: string, fields: Partial<Omit<CommentData, 'id' | '__typename'>> = {}): CommentData {
  return { __typename: 'Comment', id, body: `Comment ${id}`, version: 1, createdAt: at(0), updatedAt: at(0), author: bob, ...fields };
}

/** The thread query's answer: the target with its count and one page of comments (oldest first). */
export function thread(
  target: { __typename: 'Recipe' | 'Blog'; id: string },
  comments: CommentData[],
  options: { commentCount?: number; hasNextPage?: boolean; endCursor?: string | null } = {},
) {
  return {
    node: {
      ...target,
      commentCount: options.commentCount ?? comments.length,
      comments: {
        __typename: 'CommentConnection',
        edges: comments.map((node) => ({ __typename: 'CommentEdge', node: { ...node, target } })),
        pageInfo: { __typename: 'PageInfo', hasNextPage: options.hasNextPage ?? false, endCursor: options.endCursor ?? null },
      },
    },
  };
}

export function commentChange(kind: 'CREATED' | 'UPDATED' | 'DELETED', targetId: string, id: string, state: CommentData | null) {
  return {
    commentChanged: { __typename: 'CommentChange', kind, commentId: id, targetId, cursor: `c-${id}-${kind}`, comment: state },
  };
}

export type NotificationData = NotificationFieldsFragment & { __typename: 'Notification' };

export function notification(
  id: string,
  target: { __typename: 'Recipe' | 'Blog'; id: string; title: string },
  fields: Partial<Omit<NotificationData, 'id' | '__typename'>> = {},
): NotificationData {
  return {
    __typename: 'Notification',
    id,
    kind: target.__typename === 'Blog' ? 'COMMENT_ON_BLOG' : 'COMMENT_ON_RECIPE',
    read: false,
    createdAt: at(0),
    actor: bob,
    comment: { __typename: 'Comment', id: `comment-of-${id}`, body: 'Nice!' },
    target,
    ...fields,
  } as NotificationData;
}

export function notificationChange(
  kind: 'CREATED' | 'UPDATED' | 'DELETED',
  id: string,
  state: NotificationData | null,
  unreadCount: number,
) {
  return {
    notificationChanged: {
      __typename: 'NotificationChange',
      kind,
      notificationId: id,
      unreadCount,
      cursor: `n-${id}-${kind}-${unreadCount}`,
      notification: state,
    },
  };
}

export function notificationPage(nodes: NotificationData[], pageInfo: { hasNextPage?: boolean; endCursor?: string | null } = {}) {
  return {
    __typename: 'NotificationConnection',
    edges: nodes.map((node) => ({ __typename: 'NotificationEdge', node })),
    pageInfo: { __typename: 'PageInfo', hasNextPage: pageInfo.hasNextPage ?? false, endCursor: pageInfo.endCursor ?? null },
  };
}
