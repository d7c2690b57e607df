import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { BlogView } from '../../components/blog-view';
import { Loading, Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import { conflictVersion, readError } from '../../lib/graphql-errors';
import { useChangeStamp } from '../../lib/recent-changes';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';

const BlogQuery = graphql(`
  query BlogDetailPage_Blog($id: ID!) {
    blog(id: $id) {
      ...BlogFields
    }
  }
`);

const SetPublishedMutation = graphql(`
  mutation BlogDetailPage_SetPublished($id: ID!, $input: UpdateBlogInput!) {
    updateBlog(id: $id, input: $input) {
      ...BlogFields
    }
  }
`);

const DeleteBlogMutation = graphql(`
  mutation BlogDetailPage_Delete($id: ID!) {
    deleteBlog(id: $id)
  }
`);

export function BlogDetailPage({ id }: { id: string }) {
  const session = useSession();
  const [{ data, fetching, error }, refetch] = useQuery({ query: BlogQuery, variables: { id } });
  const [publishing, setPublished] = useMutation(SetPublishedMutation);
  const [deletion, deleteBlog] = useMutation(DeleteBlogMutation);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const flash = useChangeStamp(id);
  const blog = data?.blog;

  if (fetching && !data) return <Loading />;
  if (error && !data)
    return (
      <Notice tone="error" title="This post could not be loaded.">
        {readError(error)?.summary}
      </Notice>
    );
  if (!blog) {
    return (
      <Notice tone="info" title="This post is gone.">
        It was deleted or unpublished, or the link is wrong. <a href="#/blogs">Back to all posts</a>
      </Notice>
    );
  }

  const togglePublished = async () => {
    setProblem(null);
    // Optimistic: the badge flips and the post moves between "Blogs" and "My drafts" at once.
    const result = await setPublished({ id, input: { published: !blog.published, expectedVersion: blog.version } });
    if (conflictVersion(result.error) !== null) {
      setProblem('Someone saved this post in the meantime; here is the newer version. Try again if you still want to.');
      refetch({ requestPolicy: 'network-only' });
    } else if (result.error) {
      setProblem(readError(result.error)?.summary ?? 'The post was not changed.');
    }
  };
  const remove = async () => {
    navigate(blog.published ? '/blogs' : '/drafts');
    const result = await deleteBlog({ id });
    if (result.error) window.alert(readError(result.error)?.summary ?? 'The post could not be deleted.');
  };

  const mine = session?.user.id === blog.author.id;
  return (
    <div className="stack">
      {problem && <Notice tone="warning">{problem}</Notice>}
      <BlogView
        blog={blog}
        flash={flash}
        actions={
          mine && (
            <>
              <a className="button" href={hrefTo(`/blogs/${encodeURIComponent(id)}/edit`)}>
                Edit
              </a>
              <button type="button" className="button" onClick={togglePublished} disabled={publishing.fetching}>
                {blog.published ? 'Unpublish' : 'Publish'}
              </button>
              {confirming ? (
                <>
                  <button type="button" className="button button--danger" onClick={remove} disabled={deletion.fetching}>
                    Delete for good
                  </button>
                  <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
                    Keep it
                  </button>
                </>
              ) : (
                <button type="button" className="button button--quiet" onClick={() => setConfirming(true)}>
                  Delete
                </button>
              )}
            </>
          )
        }
      />
    </div>
  );
}
