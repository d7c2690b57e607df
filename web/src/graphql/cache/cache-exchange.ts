import { type Cache, type CacheExchangeOpts, cacheExchange, type Data, type ResolverConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import type { HeldNewItems, NewItems } from '../../lib/new-items';
import type { GraphCacheConfig, GraphCacheKeysConfig } from '../generated/graphcache';
import type { BlogFilter, ChangeKind, RecipeFilter } from '../generated/graphql';
import { BlogEdgeFragment, RecipeEdgeFragment } from './cache-documents';
import { createCommentThreads } from './comment-threads';
import { blogMatchesFilter, recipeMatchesFilter } from './list-filters';
import {
  type ConnectionSpec,
  dropLaterPages,
  filteredBy,
  invalidateAllLists,
  readFilterable,
  removeFromAllLists,
  syncListMembership,
} from './list-membership';
import { applyNotificationChange, markRead } from './notifications';

export interface CacheOptions {
  /** Called with the id of every item a live event created or updated (for the highlight). */
  onLiveChange?: (id: string) => void;
  /**
   * Where recipes and posts others create go instead of the top of the lists (the "N new — show"
   * bars). Without it, every CREATED event is placed in the lists at once.
   */
  newItems?: Partial<HeldNewItems> & { viewerId: string | null };
}

const recipeLists: ConnectionSpec = {
  field: 'recipes',
  nodeTypename: 'Recipe',
  edgeTypename: 'RecipeEdge',
  edgeFragment: RecipeEdgeFragment,
  order: 'newest-first',
  belongs: filteredBy<RecipeFilter>(recipeMatchesFilter),
};

const blogLists: ConnectionSpec = {
  field: 'blogs',
  nodeTypename: 'Blog',
  edgeTypename: 'BlogEdge',
  edgeFragment: BlogEdgeFragment,
  order: 'newest-first',
  belongs: filteredBy<BlogFilter>(blogMatchesFilter),
};

/** An edge is keyed by its node, so a list can gain an edge the server never sent it. */
function edgeKey(edge: Data): string | null {
  const node = edge.node;
  return typeof node === 'object' && node !== null && 'id' in node && typeof node.id === 'string' ? node.id : null;
}

/** Wrappers without an identity of their own are stored inside their parent. */
const embedded = () => null;

const keys: GraphCacheKeysConfig = {
  RecipeConnection: embedded,
  BlogConnection: embedded,
  PageInfo: embedded,
  RecipeEdge: edgeKey,
  BlogEdge: edgeKey,
  CommentConnection: embedded,
  NotificationConnection: embedded,
  CommentEdge: edgeKey,
  NotificationEdge: edgeKey,
  RecipeChange: embedded,
  BlogChange: embedded,
  CommentChange: embedded,
  NotificationChange: embedded,
  AuthPayload: embedded,
  Presence: embedded,
  PresenceMember: embedded,
};

/**
 * `recipe(id)` / `blog(id)` answered from the cache when a list already brought the item, so
 * opening a card shows it at once. A link the server answered (null for a deleted item) wins.
 */
function cachedEntity(typename: 'Recipe' | 'Blog', field: 'recipe' | 'blog') {
  return (_parent: Data, args: Record<string, unknown>, cache: Cache) => {
    if (typeof args.id !== 'string') return undefined;
    const link = cache.resolve('Query', field, { id: args.id });
    if (link !== undefined) return link;
    const key = cache.keyOfEntity({ __typename: typename, id: args.id });
    return key && cache.resolve(key, 'title') !== undefined ? key : undefined;
  };
}

function entityKey(cache: Cache, typename: string, id: string): string | null {
  return cache.keyOfEntity({ __typename: typename, id });
}

/** What a DELETED change (or the viewer's own delete) does: gone from every list and from its detail query. */
function removeEntity(cache: Cache, spec: ConnectionSpec, field: 'recipe' | 'blog', id: string): void {
  const key = entityKey(cache, spec.nodeTypename, id);
  if (!key) return;
  removeFromAllLists(cache, spec, key);
  cache.link('Query', field, { id }, null);
  cache.invalidate(key);
}

function applyChange(
  cache: Cache,
  spec: ConnectionSpec,
  field: 'recipe' | 'blog',
  change: { kind?: ChangeKind | undefined; id?: string | undefined } | null,
  options: CacheOptions,
  held?: Pick<NewItems<never>, 'hold' | 'isHeld' | 'drop'>,
): void {
  if (change === null) {
    // The live transport's gap signal (see live-transport.ts): changes may have been missed.
    invalidateAllLists(cache, spec);
    return;
  }
  if (!change.kind || !change.id) return;
  if (change.kind === 'DELETED') {
    held?.drop(change.id);
    removeEntity(cache, spec, field, change.id);
    return;
  }
  // CREATED and UPDATED: normalisation has already written the item's new state.
  const key = entityKey(cache, spec.nodeTypename, change.id);
  if (!key) return;
  const item = held ? readFilterable(cache, key) : null;
  const othersNew = change.kind === 'CREATED' && item !== null && item.authorId !== options.newItems?.viewerId;
  if (held && item && (othersNew || held.isHeld(change.id))) {
    // Waits behind the bar; an edit can still take it out of a list it was fetched into.
    held.hold(change.id, item);
    syncListMembership(cache, spec, key, 'Query', { insert: false });
  } else syncListMembership(cache, spec, key);
  options.onLiveChange?.(change.id);
}

/** Only the fields the viewer set: an optimistic result must not blank the others. */
function definedFields<T extends object>(input: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined && value !== null)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/**
 * Graphcache for the whole app. Lists stay right without refetching: subscription events and
 * mutation results go through `updates`, which place items in (or take them out of) every
 * cached list whose filter they match; the viewer's own edits and deletes show at once through
 * `optimistic` and roll back if the server refuses them.
 */
export function createCacheConfig(options: CacheOptions = {}): CacheExchangeOpts {
  // The generated resolver types leave out `undefined` (a cache miss) and `null`, which
  // graphcache accepts from a resolver and these resolvers need; they use graphcache's own type.
  const resolvers: ResolverConfig = {
    Query: {
      recipes: relayPagination(),
      blogs: relayPagination(),
      notifications: relayPagination(),
      recipe: cachedEntity('Recipe', 'recipe'),
      blog: cachedEntity('Blog', 'blog'),
    },
    Recipe: { comments: relayPagination() },
    Blog: { comments: relayPagination() },
  };
  const threads = createCommentThreads();
  const typed: Omit<GraphCacheConfig, 'resolvers'> = {
    keys,
    updates: {
      Query: {
        recipes: (_result, args, cache) => dropLaterPages(cache, recipeLists, args),
        blogs: (_result, args, cache) => dropLaterPages(cache, blogLists, args),
      },
      Subscription: {
        recipeChanged: (result, _args, cache) => {
          const change = result.recipeChanged;
          const held = options.newItems?.recipes;
          applyChange(cache, recipeLists, 'recipe', change ? { kind: change.kind, id: change.recipeId } : null, options, held);
        },
        blogChanged: (result, _args, cache) => {
          const change = result.blogChanged;
          const held = options.newItems?.blogs;
          applyChange(cache, blogLists, 'blog', change ? { kind: change.kind, id: change.blogId } : null, options, held);
        },
        commentChanged: (result, args, cache) => {
          const change = result.commentChanged;
          if (!change) return threads.gap(cache, args.targetId);
          const { kind, commentId, targetId = args.targetId } = change;
          if (!commentId) return;
          if (kind === 'CREATED') threads.added(cache, targetId, commentId, false);
          else if (kind === 'DELETED') threads.removed(cache, commentId, targetId, false);
          // UPDATED: normalisation has written the new body and version.
          if (kind !== 'DELETED') options.onLiveChange?.(commentId);
        },
        notificationChanged: (result, _args, cache) => {
          const change = result.notificationChanged;
          if (!change) return applyNotificationChange(cache, null);
          const { kind, notificationId, unreadCount } = change;
          if (kind && notificationId && typeof unreadCount === 'number')
            applyNotificationChange(cache, { kind, notificationId, unreadCount });
        },
      },
      Mutation: {
        createRecipe: (result, _args, cache) => {
          const key = result.createRecipe?.id ? entityKey(cache, 'Recipe', result.createRecipe.id) : null;
          if (key) syncListMembership(cache, recipeLists, key);
        },
        updateRecipe: (_result, args, cache) => {
          const key = entityKey(cache, 'Recipe', args.id);
          if (key) syncListMembership(cache, recipeLists, key);
        },
        deleteRecipe: (_result, args, cache) => removeEntity(cache, recipeLists, 'recipe', args.id),
        createBlog: (result, _args, cache) => {
          const key = result.createBlog?.id ? entityKey(cache, 'Blog', result.createBlog.id) : null;
          if (key) syncListMembership(cache, blogLists, key);
        },
        updateBlog: (_result, args, cache) => {
          const key = entityKey(cache, 'Blog', args.id);
          if (key) syncListMembership(cache, blogLists, key);
        },
        deleteBlog: (_result, args, cache) => removeEntity(cache, blogLists, 'blog', args.id),
        addComment: (result, args, cache, info) => {
          const id = result.addComment?.id;
          if (id) threads.added(cache, args.input.targetId, id, info.optimistic === true);
        },
        deleteComment: (_result, args, cache, info) => threads.removed(cache, args.id, null, info.optimistic === true),
        markNotificationsRead: (_result, args, cache) => markRead(cache, args.ids),
      },
    },
    optimistic: {
      updateRecipe: (args) => {
        const { expectedVersion: _expected, ...changes } = args.input;
        return { ...definedFields(changes), __typename: 'Recipe', id: args.id };
      },
      updateBlog: (args) => {
        const { expectedVersion: _expected, ...changes } = args.input;
        return { ...definedFields(changes), __typename: 'Blog', id: args.id };
      },
      deleteRecipe: (args) => args.id,
      deleteBlog: (args) => args.id,
      updateComment: (args) => ({ __typename: 'Comment', id: args.id, body: args.input.body.trim() }),
      deleteComment: (args) => args.id,
      markNotificationsRead: (args) => args.ids?.length ?? 0,
    },
  };
  return { ...typed, resolvers };
}

export function createCacheExchange(options: CacheOptions = {}) {
  return cacheExchange(createCacheConfig(options));
}
