import type { ReactNode } from 'react';
import { ListFooter } from './list-footer';
import { Loading, Notice } from './notices';

/** Where a "load more" list stands; usePagedConnection gives exactly this. */
export interface PagedListState {
  /** The first page has arrived (it may be empty). */
  loaded: boolean;
  loading: boolean;
  /** The first page failed and nothing is cached. */
  failure: { summary: string | null } | null;
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
}

/** A list's states around its items: failure, first load, empty, and "load more" below. */
export function PagedList({
  list,
  failureTitle,
  empty,
  className = 'grid',
  as: Container = 'div',
  testId,
  children,
}: {
  list: PagedListState;
  failureTitle: string;
  /** Shown when the list loaded empty. */
  empty: ReactNode;
  className?: string;
  /** The element holding the items: a list when they are `<li>`s. */
  as?: 'div' | 'ol' | 'ul';
  testId: string;
  children: ReactNode;
}) {
  return (
    <>
      {list.failure && !list.loaded && (
        <Notice tone="error" title={failureTitle}>
          {list.failure.summary}
        </Notice>
      )}
      {list.loading && !list.loaded && <Loading />}
      {list.loaded && list.count === 0 && empty}
      <Container className={className} data-testid={testId}>
        {children}
      </Container>
      <ListFooter hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </>
  );
}
