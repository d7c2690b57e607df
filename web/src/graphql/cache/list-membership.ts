import type { Cache } from '@urql/exchange-graphcache';
import { stringifyVariables, type TypedDocumentNode } from 'urql';
import type { FilterableItem } from './list-filters';

/**
 * How one kind of Relay connection is kept in step with live changes: the lists on `Query`
 * (`recipes`, `blogs`, `notifications`), newest first, and the comment threads on a recipe or
 * blog, oldest first.
 */
export interface ConnectionSpec {
  /** The field holding the connection: `recipes`, `blogs`, `comments`, `notifications`. */
  field: string;
  nodeTypename: string;
  edgeTypename: string;
  /** `fragment on <Edge> { node { id } }`, used to write an edge for an item the list did not have. */
  edgeFragment: TypedDocumentNode<{ node: { id: string } }>;
  /** Server order of the list, by `createdAt`. */
  order: 'newest-first' | 'oldest-first';
  /**
   * Whether the cached item belongs in the list with these (non-pagination) arguments; null
   * when the cache lacks what the rule looks at, so the item is left where it is.
   */
  belongs(cache: Cache, nodeKey: string, listArgs: Record<string, unknown>): boolean | null;
}

/** A ConnectionSpec rule for lists with a `filter` argument mirrored from the server. */
export function filteredBy<Filter>(matches: (item: FilterableItem, filter: Filter | null | undefined) => boolean) {
  return (cache: Cache, nodeKey: string, listArgs: Record<string, unknown>): boolean | null => {
    const item = readFilterable(cache, nodeKey);
    return item && matches(item, listArgs.filter as Filter | null | undefined);
  };
}

interface Page {
  args: Record<string, unknown>;
  connectionKey: string;
  edges: string[];
}

const PAGINATION_ARGS = new Set(['first', 'last', 'after', 'before']);

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Every cached page of the connection, grouped by its non-pagination arguments (one group = one list on screen). */
function cachedLists(cache: Cache, parent: string, field: string): Map<string, Page[]> {
  const lists = new Map<string, Page[]>();
  for (const info of cache.inspectFields(parent)) {
    if (info.fieldName !== field) continue;
    const connectionKey = cache.resolve(parent, info.fieldName, info.arguments ?? undefined);
    if (typeof connectionKey !== 'string') continue;
    const args = info.arguments ?? {};
    const identity = JSON.stringify(Object.entries(args).filter(([name]) => !PAGINATION_ARGS.has(name)));
    const page: Page = { args, connectionKey, edges: stringArray(cache.resolve(connectionKey, 'edges')) };
    lists.set(identity, [...(lists.get(identity) ?? []), page]);
  }
  return lists;
}

function nodeOf(cache: Cache, edgeKey: string): string | null {
  const node = cache.resolve(edgeKey, 'node');
  return typeof node === 'string' ? node : null;
}

function createdAtOf(cache: Cache, nodeKey: string | null): string | null {
  const value = nodeKey ? cache.resolve(nodeKey, 'createdAt') : null;
  return typeof value === 'string' ? value : null;
}

/** The cached fields of an item that filters look at, or null when the item is not (fully) cached. */
export function readFilterable(cache: Cache, nodeKey: string): FilterableItem | null {
  const title = cache.resolve(nodeKey, 'title');
  const tags = cache.resolve(nodeKey, 'tags');
  if (typeof title !== 'string' || !Array.isArray(tags)) return null;
  const author = cache.resolve(nodeKey, 'author');
  const authorId = typeof author === 'string' ? cache.resolve(author, 'id') : null;
  const description = cache.resolve(nodeKey, 'description');
  const ingredients = cache.resolve(nodeKey, 'ingredients');
  const published = cache.resolve(nodeKey, 'published');
  return {
    title,
    tags: stringArray(tags),
    authorId: typeof authorId === 'string' ? authorId : null,
    description: typeof description === 'string' ? description : null,
    ingredients: Array.isArray(ingredients) ? ingredients.filter((item): item is string => typeof item === 'string') : [],
    published: typeof published === 'boolean' ? published : undefined,
  };
}

function removeFrom(cache: Cache, pages: Page[], nodeKey: string): void {
  for (const page of pages) {
    const kept = page.edges.filter((edge) => nodeOf(cache, edge) !== nodeKey);
    if (kept.length !== page.edges.length) cache.link(page.connectionKey, 'edges', kept);
  }
}

function nonPaginationArgs(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([name]) => !PAGINATION_ARGS.has(name)));
}

/**
 * Puts the item where the server would list it (by `createdAt`, in the list's order) among the
 * pages loaded so far. An item that sorts after everything loaded is left for "load more" to
 * bring, unless the whole list is loaded already.
 */
function insertInto(cache: Cache, spec: ConnectionSpec, pages: Page[], nodeKey: string): void {
  const createdAt = createdAtOf(cache, nodeKey);
  const id = cache.resolve(nodeKey, 'id');
  if (!createdAt || typeof id !== 'string') return;
  const edgeData = { __typename: spec.edgeTypename, node: { __typename: spec.nodeTypename, id } };
  cache.writeFragment(spec.edgeFragment, edgeData);
  const edgeKey = cache.keyOfEntity(edgeData);
  if (!edgeKey) return;

  // `before(a, b)`: a comes earlier in the list than b.
  const before = spec.order === 'newest-first' ? (a: string, b: string) => a > b : (a: string, b: string) => a < b;
  // The first page has no `after`; later pages follow in the order of their first item.
  const firstOf = (page: Page) => createdAtOf(cache, page.edges[0] ? nodeOf(cache, page.edges[0]) : null) ?? '';
  const ordered = [...pages].sort((a, b) => {
    if (!a.args.after !== !b.args.after) return a.args.after ? 1 : -1;
    const [first, second] = [firstOf(a), firstOf(b)];
    return first === second ? 0 : before(first, second) ? -1 : 1;
  });
  for (const page of ordered) {
    const index = page.edges.findIndex((edge) => before(createdAt, createdAtOf(cache, nodeOf(cache, edge)) ?? ''));
    if (index !== -1) {
      cache.link(page.connectionKey, 'edges', [...page.edges.slice(0, index), edgeKey, ...page.edges.slice(index)]);
      return;
    }
  }
  const last = ordered.at(-1);
  if (!last) return;
  const pageInfo = cache.resolve(last.connectionKey, 'pageInfo');
  const hasNextPage = typeof pageInfo === 'string' ? cache.resolve(pageInfo, 'hasNextPage') : false;
  if (hasNextPage !== true) cache.link(last.connectionKey, 'edges', [...last.edges, edgeKey]);
}

/**
 * Adds the (already normalised) item to every cached list where it now belongs and drops it from
 * those where it no longer does. A CREATED event, an UPDATED one that adds or removes a tag, a
 * blog published or unpublished, a notification read: all the same question, asked of each list.
 * `parent` is the entity holding the lists: `Query`, or the recipe of a comment thread.
 */
export function syncListMembership(
  cache: Cache,
  spec: ConnectionSpec,
  nodeKey: string,
  parent = 'Query',
  { insert = true }: { insert?: boolean } = {},
): void {
  for (const pages of cachedLists(cache, parent, spec.field).values()) {
    const belongs = spec.belongs(cache, nodeKey, nonPaginationArgs(pages[0]?.args ?? {}));
    if (belongs === null) continue;
    const present = pages.some((page) => page.edges.some((edge) => nodeOf(cache, edge) === nodeKey));
    if (present && !belongs) removeFrom(cache, pages, nodeKey);
    else if (!present && belongs && insert) insertInto(cache, spec, pages, nodeKey);
  }
}

/**
 * Called as a list's first page is written from the server: the later pages loaded beside the
 * old first page followed its last cursor, not the new one's, and merged with it they could
 * skip or repeat items. Forgetting them leaves the fresh page with its own "load more".
 */
export function dropLaterPages(cache: Cache, spec: ConnectionSpec, firstPageArgs: Record<string, unknown>, parent = 'Query'): void {
  if (firstPageArgs.after) return;
  // Key order differs between a query's arguments and the cache's record of them.
  const identity = stringifyVariables(nonPaginationArgs(firstPageArgs));
  for (const info of cache.inspectFields(parent)) {
    if (info.fieldName !== spec.field || !info.arguments?.after) continue;
    if (stringifyVariables(nonPaginationArgs(info.arguments)) === identity) cache.invalidate(parent, info.fieldName, info.arguments);
  }
}

/** Whether any cached list of this connection holds the item. */
export function isListed(cache: Cache, spec: ConnectionSpec, nodeKey: string, parent = 'Query'): boolean {
  for (const pages of cachedLists(cache, parent, spec.field).values()) {
    if (pages.some((page) => page.edges.some((edge) => nodeOf(cache, edge) === nodeKey))) return true;
  }
  return false;
}

/** Drops the item from every cached list of this connection. */
export function removeFromAllLists(cache: Cache, spec: ConnectionSpec, nodeKey: string, parent = 'Query'): void {
  for (const pages of cachedLists(cache, parent, spec.field).values()) removeFrom(cache, pages, nodeKey);
}

/** Forgets every cached page of this connection, so the lists on screen fetch themselves again. */
export function invalidateAllLists(cache: Cache, spec: ConnectionSpec, parent = 'Query'): void {
  for (const info of cache.inspectFields(parent)) {
    if (info.fieldName === spec.field) cache.invalidate(parent, info.fieldName, info.arguments ?? undefined);
  }
}

/** The node keys of every cached list of this connection, each once. */
export function listedNodes(cache: Cache, spec: ConnectionSpec, parent = 'Query'): string[] {
  const nodes = new Set<string>();
  for (const pages of cachedLists(cache, parent, spec.field).values()) {
    for (const page of pages) for (const edge of page.edges) nodes.add(nodeOf(cache, edge) ?? '');
  }
  nodes.delete('');
  return [...nodes];
}
