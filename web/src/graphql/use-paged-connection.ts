import { useState } from 'react';
import { type AnyVariables, type TypedDocumentNode, type UseQueryState, useClient, useQuery } from 'urql';
import type { PagedListState } from '../components/paged-list';
import { readError } from '../lib/graphql-errors';

export interface Connection<Node> {
  edges: ReadonlyArray<{ node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export interface PagedConnection<Data, Node> extends PagedListState {
  result: UseQueryState<Data>;
  items: Node[];
  /** Fetches the first page afresh; the pages loaded after it are dropped as it arrives. */
  refresh(): void;
}

/**
 * A Relay list with "load more". The screen watches the first page only; "load more" fetches
 * the next page beside it and graphcache's relayPagination merges every cached page of the same
 * filter into that first page's result. So when the cache drops the list's pages (a gap in the
 * live feed), the screen simply refetches page one, never a later page on its own.
 */
export function usePagedConnection<Data, Variables extends AnyVariables & { after?: string | null }, Node>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Omit<Variables, 'after'>,
  select: (data: Data) => Connection<Node> | null | undefined,
  pause = false,
): PagedConnection<Data, Node> {
  const client = useClient();
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables: { ...variables, after: null } as Variables, pause });
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = result.data ? select(result.data) : null;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const items = connection?.edges.map((edge) => edge.node) ?? [];
  return {
    result,
    items,
    loaded: result.data !== undefined,
    loading: result.fetching,
    failure: result.error && !result.data ? readError(result.error) : null,
    count: items.length,
    hasMore: connection?.pageInfo.hasNextPage ?? false,
    loadingMore,
    refresh: () => reexecute({ requestPolicy: 'network-only' }),
    loadMore: () => {
      if (!endCursor || loadingMore) return;
      setLoadingMore(true);
      void client
        .query(query, { ...variables, after: endCursor } as Variables)
        .toPromise()
        .finally(() => setLoadingMore(false));
    },
  };
}
