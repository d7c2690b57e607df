import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConflictPanel } from '../../components/conflict-panel';
import { CheckboxField, FormField } from '../../components/form-field';
import { Loading, Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import type { BlogFieldsFragment } from '../../graphql/generated/graphql';
import { conflictVersion, type FieldErrors, readError } from '../../lib/graphql-errors';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
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
  const [values, setValues] = useState<BlogFormValues>(() => (saved ? blogFormValues(saved) : emptyBlogForm));
  const [baseVersion, setBaseVersion] = useState(saved?.version ?? 0);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [creation, create] = useMutation(CreateBlogMutation);
  const [update, save] = useMutation(UpdateBlogMutation);
  const busy = creation.fetching || update.fetching;

  const submit = async (expectedVersion: number) => {
    setSummary(null);
    const input = blogInput(values);
    const result = saved ? await save({ id: saved.id, input: { ...input, expectedVersion } }) : await create({ input });
    const savedId = result.data && ('updateBlog' in result.data ? result.data.updateBlog.id : result.data.createBlog.id);
    if (savedId) {
      navigate(detailPath(savedId));
      return;
    }
    const current = conflictVersion(result.error);
    if (current !== null) {
      setConflict(current);
      setFieldErrors({});
      onConflict?.();
      return;
    }
    const readable = readError(result.error);
    setFieldErrors(readable?.fields ?? {});
    setSummary(readable?.summary ?? null);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(baseVersion);
  };
  const movedOn = saved && saved.version !== baseVersion && conflict === null;

  return (
    <form className="form stack" onSubmit={onSubmit} noValidate data-testid="blog-form">
      <h1>{saved ? `Edit “${saved.title}”` : 'New post'}</h1>
      {movedOn && (
        <Notice tone="warning" title="This post changed while you were editing.">
          Saving now will ask you to choose between your edit and the saved version.
        </Notice>
      )}
      {conflict !== null && saved && (
        <ConflictPanel
          currentVersion={conflict}
          differences={blogDifferences(values, saved)}
          busy={busy}
          onOverwrite={() => {
            setBaseVersion(conflict);
            setConflict(null);
            void submit(conflict);
          }}
          onTakeTheirs={() => {
            setValues(blogFormValues(saved));
            setBaseVersion(saved.version);
            setConflict(null);
          }}
        />
      )}
      {summary && (
        <Notice tone="error" title="The post was not saved.">
          {summary}
        </Notice>
      )}
      <FormField
        label="Title"
        name="title"
        value={values.title}
        onChange={(title) => setValues((v) => ({ ...v, title }))}
        error={fieldErrors.title}
        required
      />
      <FormField
        label="Body"
        name="body"
        value={values.body}
        onChange={(body) => setValues((v) => ({ ...v, body }))}
        error={fieldErrors.body}
        rows={12}
        hint="A blank line starts a new paragraph."
      />
      <FormField
        label="Tags"
        name="tags"
        value={values.tags}
        onChange={(tags) => setValues((v) => ({ ...v, tags }))}
        error={fieldErrors.tags}
        hint="Separated by commas."
      />
      <CheckboxField
        label="Published"
        name="published"
        checked={values.published}
        onChange={(published) => setValues((v) => ({ ...v, published }))}
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
