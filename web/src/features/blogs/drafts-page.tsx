import { EmptyState, Notice } from '../../components/notices';
import { PagedList } from '../../components/paged-list';
import { graphql } from '../../graphql/generated';
import { usePagedConnection } from '../../graphql/use-paged-connection';
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
      <PagedList
        list={list}
        failureTitle="Your drafts could not be loaded."
        empty={<EmptyState title="No drafts. Everything you wrote is out there." />}
        className="grid grid--wide"
        testId="draft-list"
      >
        {list.items.map((blog) => (
          <LiveBlogCard key={blog.id} blog={blog} />
        ))}
      </PagedList>
    </section>
  );
}
