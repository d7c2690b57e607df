import type { Cache } from '@urql/exchange-graphcache';
import type { TypedDocumentNode } from 'urql';
import type { FilterableItem } from './list-filters';

/** How one kind of Relay connection on `Query` is kept in step with live changes. */
export interface ConnectionSpec<Filter> {
  /** The `Query` field: `recipes` or `blogs`. */
  field: string;
  nodeTypename: string;
  edgeTypename: string;
  /** `fragment on <Edge> { node { id } }`, used to write an edge for an item the list did not have. */
  edgeFragment: TypedDocumentNode<{ node: { id: string } }>;
  matches(item: FilterableItem, filter: Filter | null | undefined): boolean;
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
function cachedLists(cache: Cache, field: string): Map<string, Page[]> {
  const lists = new Map<string, Page[]>();
  for (const info of cache.inspectFields('Query')) {
    if (info.fieldName !== field) continue;
    const connectionKey = cache.resolve('Query', info.fieldName, info.arguments ?? undefined);
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
  const published = cache.resolve(nodeKey, 'published');
  return {
    title,
    tags: stringArray(tags),
    authorId: typeof authorId === 'string' ? authorId : null,
    description: typeof description === 'string' ? description : null,
    published: typeof published === 'boolean' ? published : undefined,
  };
}

function removeFrom(cache: Cache, pages: Page[], nodeKey: string): void {
  for (const page of pages) {
    const kept = page.edges.filter((edge) => nodeOf(cache, edge) !== nodeKey);
    if (kept.length !== page.edges.length) cache.link(page.connectionKey, 'edges', kept);
  }
}

/**
 * Puts the item where the server would list it (newest `createdAt` first) among the pages loaded
 * so far. An item older than everything loaded is left for "load more" to bring, unless the
 * whole list is loaded already.
 */
function insertInto<Filter>(cache: Cache, spec: ConnectionSpec<Filter>, pages: Page[], nodeKey: string): void {
  const createdAt = createdAtOf(cache, nodeKey);
  const id = cache.resolve(nodeKey, 'id');
  if (!createdAt || typeof id !== 'string') return;
  const edgeData = { __typename: spec.edgeTypename, node: { __typename: spec.nodeTypename, id } };
  cache.writeFragment(spec.edgeFragment, edgeData);
  const edgeKey = cache.keyOfEntity(edgeData);
  if (!edgeKey) return;

  // The first page has no `after`; later pages follow in the order of their newest item.
  const newestOf = (page: Page) => createdAtOf(cache, page.edges[0] ? nodeOf(cache, page.edges[0]) : null) ?? '';
  const ordered = [...pages].sort((a, b) => {
    if (!a.args.after !== !b.args.after) return a.args.after ? 1 : -1;
    return newestOf(b).localeCompare(newestOf(a));
  });
  for (const page of ordered) {
    const index = page.edges.findIndex((edge) => (createdAtOf(cache, nodeOf(cache, edge)) ?? '') < createdAt);
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
 * Adds the (already normalised) item to every cached list whose filter it now matches and drops
 * it from those it no longer matches. A CREATED event, an UPDATED one that adds or removes a tag,
 * a blog published or unpublished: all the same question, asked of each list.
 */
export function syncListMembership<Filter>(cache: Cache, spec: ConnectionSpec<Filter>, nodeKey: string): void {
  const item = readFilterable(cache, nodeKey);
  if (!item) return;
  for (const pages of cachedLists(cache, spec.field).values()) {
    const filter = pages[0]?.args.filter as Filter | null | undefined;
    const present = pages.some((page) => page.edges.some((edge) => nodeOf(cache, edge) === nodeKey));
    const belongs = spec.matches(item, filter);
    if (present && !belongs) removeFrom(cache, pages, nodeKey);
    else if (!present && belongs) insertInto(cache, spec, pages, nodeKey);
  }
}

/** Drops the item from every cached list of this connection. */
export function removeFromAllLists<Filter>(cache: Cache, spec: ConnectionSpec<Filter>, nodeKey: string): void {
  for (const pages of cachedLists(cache, spec.field).values()) removeFrom(cache, pages, nodeKey);
}

/** Forgets every cached page of this connection, so the lists on screen fetch themselves again. */
export function invalidateAllLists<Filter>(cache: Cache, spec: ConnectionSpec<Filter>): void {
  for (const info of cache.inspectFields('Query')) {
    if (info.fieldName === spec.field) cache.invalidate('Query', info.fieldName, info.arguments ?? undefined);
  }
}
