import { useMutation, useQuery } from 'urql';
import { CheckboxField, FormField } from '../../components/form-field';
import { Loading, Notice } from '../../components/notices';
import { SaveStatusNotices } from '../../components/save-status';
import { graphql } from '../../graphql/generated';
import type { BlogFieldsFragment } from '../../graphql/generated/graphql';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useVersionedForm } from '../../lib/use-versioned-form';
import { type BlogFormValues, blogDifferences, blogFormValues, blogInput, emptyBlogForm } from './blog-form-values';

const EditedBlogQuery = graphql(`
  query BlogFormPage_Blog($id: ID!) {
    blog(id: $id) {
      ...BlogFields
    }
  }
`);

const CreateBlogMutation = graphql(`
  mutation BlogFormPage_Create($input: CreateBlogInput!) {
    createBlog(input: $input) {
      ...BlogFields
    }
  }
`);

const UpdateBlogMutation = graphql(`
  mutation BlogFormPage_Update($id: ID!, $input: UpdateBlogInput!) {
    updateBlog(id: $id, input: $input) {
      ...BlogFields
    }
  }
`);

const detailPath = (id: string) => `/blogs/${encodeURIComponent(id)}`;

/** `#/blogs/new` and `#/blogs/:id/edit`. */
export function BlogFormPage({ id }: { id?: string }) {
  const session = useSession();
  const [{ data, fetching }, refetch] = useQuery({ query: EditedBlogQuery, variables: { id: id ?? '' }, pause: !id });
  if (!session) {
    return (
      <Notice tone="info" title="Sign in to write posts.">
        <a href={hrefTo('/signin')}>Sign in</a> or <a href={hrefTo('/signup')}>create an account</a>.
      </Notice>
    );
  }
  if (!id) return <BlogForm key="new" saved={null} />;
  if (fetching && !data) return <Loading />;
  const blog = data?.blog;
  if (!blog) return <Notice tone="info" title="This post is gone." />;
  if (blog.author.id !== session.user.id) return <Notice tone="error" title="Only its author can edit this post." />;
  return <BlogForm key={blog.id} saved={blog} onConflict={() => refetch({ requestPolicy: 'network-only' })} />;
}

function BlogForm({ saved, onConflict }: { saved: BlogFieldsFragment | null; onConflict?: () => void }) {
  const [, create] = useMutation(CreateBlogMutation);
  const [, update] = useMutation(UpdateBlogMutation);
  const form = useVersionedForm({
    item: saved,
    empty: emptyBlogForm,
    valuesOf: blogFormValues,
    inputOf: (values: BlogFormValues) => ({ input: blogInput(values) }),
    save: async (input, expectedVersion) => {
      if (saved && expectedVersion !== null) {
        const result = await update({ id: saved.id, input: { ...input, expectedVersion } });
        return { saved: result.data?.updateBlog, error: result.error };
      }
      const result = await create({ input });
      return { saved: result.data?.createBlog, error: result.error };
    },
    onSaved: (blog) => navigate(detailPath(blog.id)),
    onConflict,
  });
  const { values, set, fieldErrors, busy } = form;

  return (
    <form className="form stack" onSubmit={form.onSubmit} noValidate data-testid="blog-form">
      <h1>{saved ? `Edit “${saved.title}”` : 'New post'}</h1>
      <SaveStatusNotices status={form} noun="post" differences={() => (saved ? blogDifferences(values, saved, form.base) : [])} />
      <FormField label="Title" name="title" value={values.title} onChange={set('title')} error={fieldErrors.title} required />
      <FormField
        label="Body"
        name="body"
        value={values.body}
        onChange={set('body')}
        error={fieldErrors.body}
        rows={12}
        hint="A blank line starts a new paragraph."
      />
      <FormField label="Tags" name="tags" value={values.tags} onChange={set('tags')} error={fieldErrors.tags} hint="Separated by commas." />
      <CheckboxField
        label="Published"
        name="published"
        checked={values.published}
        onChange={set('published')}
        hint="Unpublished posts are drafts only you can see."
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : saved ? 'Save changes' : values.published ? 'Publish post' : 'Save draft'}
        </button>
        <a className="button button--quiet" href={saved ? hrefTo(detailPath(saved.id)) : '#/blogs'}>
          Cancel
        </a>
      </div>
    </form>
  );
}
