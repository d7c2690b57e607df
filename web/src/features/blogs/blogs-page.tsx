import { useMemo } from 'react';
import { type ActiveFilter, FilterBar } from '../../components/filter-bar';
import { NewItemsBar } from '../../components/new-items-bar';
import { EmptyState } from '../../components/notices';
import { PagedList } from '../../components/paged-list';
import { graphql } from '../../graphql/generated';
import type { BlogFilter } from '../../graphql/generated/graphql';
import { usePagedConnection } from '../../graphql/use-paged-connection';
import { useNewItemsBar } from '../../lib/new-items';
import { hrefTo } from '../../lib/router';
import { useSession } from '../../lib/session';
import { LiveBlogCard } from '../live/live-cards';

export const BlogsListQuery = graphql(`
  query BlogsPage_List($first: Int!, $after: String, $filter: BlogFilter) {
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

export function BlogsPage({ query }: { query: URLSearchParams }) {
  const session = useSession();
  const queryString = query.toString();
  // Published posts only: the viewer's drafts have their own page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the string is the query's identity
  const filter = useMemo((): BlogFilter => {
    const built: BlogFilter = { published: true };
    const tag = query.get('tag');
    const authorId = query.get('author');
    if (tag) built.tag = tag;
    if (authorId) built.authorId = authorId;
    return built;
  }, [queryString]);
  const params = Object.fromEntries(query);
  const list = usePagedConnection(BlogsListQuery, { first: 10, filter }, (data) => data.blogs);
  const newPosts = useNewItemsBar('blogs', filter, list);
  const active: ActiveFilter[] = [];
  if (filter.tag) active.push({ label: `#${filter.tag}`, clearHref: hrefTo('/blogs', { ...params, tag: null }) });
  if (filter.authorId) {
    active.push({
      label: `by ${query.get('authorName') ?? 'one writer'}`,
      clearHref: hrefTo('/blogs', { ...params, author: null, authorName: null }),
    });
  }
  return (
    <section className="stack">
      <div className="page-head">
        <div>
          <h1>Blogs</h1>
          <p className="muted">Stories from the kitchen, newest first. Others' new posts wait above the list until you show them.</p>
        </div>
        {session && (
          <a className="button button--primary" href="#/blogs/new">
            Write a post
          </a>
        )}
      </div>
      <FilterBar active={active} />
      <NewItemsBar bar={newPosts} noun={['post', 'posts']} testId="new-blogs-bar" />
      <PagedList
        list={list}
        failureTitle="The blogs could not be loaded."
        empty={<EmptyState title="No posts here yet." />}
        className="grid grid--wide"
        testId="blog-list"
      >
        {list.items.map((blog) => (
          <LiveBlogCard key={blog.id} blog={blog} />
        ))}
      </PagedList>
    </section>
  );
}
