import { ListFooter } from '../../components/list-footer';
import { EmptyState, Loading, Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import { usePagedConnection } from '../../graphql/use-paged-connection';
import { readError } from '../../lib/graphql-errors';
import { useSession } from '../../lib/session';
import { LiveBlogCard } from '../live/live-cards';

export const DraftsQuery = graphql(`
  query DraftsPage_List($first: Int!, $after: String, $filter: BlogFilter) {
    blogs(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          ...BlogFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// `published: false` lists only the viewer's own drafts (the server sees to that).
const draftsFilter = { published: false };

export function DraftsPage() {
  const session = useSession();
  const list = usePagedConnection(DraftsQuery, { first: 20, filter: draftsFilter }, (data) => data.blogs, !session);
  if (!session) return <Notice tone="info" title="Sign in to see your drafts." />;
  const error = readError(list.result.error);
  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>My drafts</h1>
          <p className="muted">Only you can see these until you publish them.</p>
        </div>
        <a className="button button--primary" href="#/blogs/new">
          Write a post
        </a>
      </div>
      {error && !list.result.data && (
        <Notice tone="error" title="Your drafts could not be loaded.">
          {error.summary}
        </Notice>
      )}
      {list.result.fetching && !list.result.data && <Loading />}
      {list.result.data && list.items.length === 0 && <EmptyState title="No drafts. Everything you wrote is out there." />}
      <div className="grid grid--wide" data-testid="draft-list">
        {list.items.map((blog) => (
          <LiveBlogCard key={blog.id} blog={blog} />
        ))}
      </div>
      <ListFooter hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
    </section>
  );
}
