import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { BlogView } from '../../components/blog-view';
import { ConfirmDelete } from '../../components/confirm-delete';
import { ItemFallback, Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import { conflictVersion, readError } from '../../lib/graphql-errors';
import { useChangeStamp } from '../../lib/recent-changes';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { CommentThread } from '../comments/comment-thread';

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
  const [problem, setProblem] = useState<string | null>(null);
  const flash = useChangeStamp(id);
  const blog = data?.blog;

  if (!blog) {
    return (
      <ItemFallback loading={fetching && !data} failure={error && !data ? readError(error) : null} noun="post">
        It was deleted or unpublished, or the link is wrong. <a href="#/blogs">Back to all posts</a>
      </ItemFallback>
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
        showVersion={mine}
        actions={
          mine && (
            <>
              <a className="button" href={hrefTo(`/blogs/${encodeURIComponent(id)}/edit`)}>
                Edit
              </a>
              <button type="button" className="button" onClick={togglePublished} disabled={publishing.fetching}>
                {blog.published ? 'Unpublish' : 'Publish'}
              </button>
              <ConfirmDelete busy={deletion.fetching} onConfirm={remove} />
            </>
          )
        }
      />
      <CommentThread targetId={id} targetAuthorId={blog.author.id} noun="post" onEnded={() => refetch({ requestPolicy: 'network-only' })} />
    </div>
  );
}
