import type { Cache } from '@urql/exchange-graphcache';
import { BlogCommentCountFragment, CommentEdgeFragment, CommentTargetFragment, RecipeCommentCountFragment } from './cache-documents';
import { type ConnectionSpec, invalidateAllLists, isListed, removeFromAllLists, syncListMembership } from './list-membership';

/** A recipe's or blog's `comments`: oldest first, every comment of the target belongs. */
export const commentThreads: ConnectionSpec = {
  field: 'comments',
  nodeTypename: 'Comment',
  edgeTypename: 'CommentEdge',
  edgeFragment: CommentEdgeFragment,
  order: 'oldest-first',
  belongs: () => true,
};

const COMMENTABLE = ['Recipe', 'Blog'] as const;
type Commentable = (typeof COMMENTABLE)[number];

/**
 * The cached entity a target id names. Ids are global, so only one type can hold it; the
 * comment events give an id without a type, hence the look at both.
 */
function targetOf(cache: Cache, targetId: string): { key: string; typename: Commentable } | null {
  for (const typename of COMMENTABLE) {
    const key = cache.keyOfEntity({ __typename: typename, id: targetId });
    if (key && cache.inspectFields(key).length > 0) return { key, typename };
  }
  return null;
}

function moveCount(cache: Cache, target: { key: string; typename: Commentable }, by: number): void {
  const count = cache.resolve(target.key, 'commentCount');
  if (typeof count !== 'number') return;
  const id = cache.resolve(target.key, 'id');
  if (typeof id !== 'string') return;
  // Graphcache needs the typename to key the write; the fragment's type leaves it out.
  const data = { __typename: target.typename, id, commentCount: Math.max(0, count + by) };
  if (target.typename === 'Recipe') cache.writeFragment(RecipeCommentCountFragment, data);
  else cache.writeFragment(BlogCommentCountFragment, data);
}

export interface CommentThreads {
  /** A comment was added (CREATED event, or the viewer's own addComment). */
  added(cache: Cache, targetId: string, commentId: string, optimistic: boolean): void;
  /** A comment was deleted; its target comes from the event, or from the cached comment. */
  removed(cache: Cache, commentId: string, targetId: string | null, optimistic: boolean): void;
  /** The thread may have missed changes: forget it, so the thread on screen fetches again. */
  gap(cache: Cache, targetId: string): void;
}

/**
 * Keeps threads and their `commentCount` right as comments come and go. The viewer's own add or
 * delete arrives twice, once as the mutation's answer and once as the live event, in either
 * order; each comment moves the count once. Optimistic passes are not recorded, since their
 * layer is thrown away when the answer comes.
 */
export function createCommentThreads(): CommentThreads {
  const counted = new Set<string>();
  const uncounted = new Set<string>();
  return {
    added(cache, targetId, commentId, optimistic) {
      const target = targetOf(cache, targetId);
      const commentKey = cache.keyOfEntity({ __typename: 'Comment', id: commentId });
      if (!target || !commentKey) return;
      const link = { __typename: 'Comment', id: commentId, target: { __typename: target.typename, id: targetId } };
      cache.writeFragment(CommentTargetFragment, link);
      if (!counted.has(commentId) && !isListed(cache, commentThreads, commentKey, target.key)) moveCount(cache, target, +1);
      if (!optimistic) counted.add(commentId);
      syncListMembership(cache, commentThreads, commentKey, target.key);
    },
    removed(cache, commentId, targetId, optimistic) {
      const commentKey = cache.keyOfEntity({ __typename: 'Comment', id: commentId });
      if (!commentKey) return;
      const linked = cache.resolve(commentKey, 'target');
      const linkedId = typeof linked === 'string' ? cache.resolve(linked, 'id') : null;
      const id = targetId ?? (typeof linkedId === 'string' ? linkedId : null);
      const target = id ? targetOf(cache, id) : null;
      if (!target) return;
      if (!uncounted.has(commentId)) moveCount(cache, target, -1);
      if (!optimistic) uncounted.add(commentId);
      removeFromAllLists(cache, commentThreads, commentKey, target.key);
    },
    gap(cache, targetId) {
      const target = targetOf(cache, targetId);
      if (!target) return;
      invalidateAllLists(cache, commentThreads, target.key);
      cache.invalidate(target.key, 'commentCount');
    },
  };
}
