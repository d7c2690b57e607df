import type { FieldDifference } from '../../components/conflict-panel';
import type { BlogFieldsFragment, CreateBlogInput } from '../../graphql/generated/graphql';
import { tagsOf } from '../../lib/format';
import { conflictingFields } from '../../lib/use-versioned-form';

export interface BlogFormValues {
  title: string;
  body: string;
  tags: string;
  published: boolean;
}

export const emptyBlogForm: BlogFormValues = { title: '', body: '', tags: '', published: false };

export function blogFormValues(blog: BlogFieldsFragment): BlogFormValues {
  return { title: blog.title, body: blog.body, tags: blog.tags.join(', '), published: blog.published };
}

export function blogInput(values: BlogFormValues): CreateBlogInput {
  return { title: values.title, body: values.body, tags: tagsOf(values.tags), published: values.published };
}

const blogLabels: Record<keyof BlogFormValues, string> = { title: 'Title', body: 'Body', tags: 'Tags', published: 'Status' };

/** The fields in conflict: changed in this edit and, differently, in the saved post. */
export function blogDifferences(mine: BlogFormValues, saved: BlogFieldsFragment, base: BlogFormValues): FieldDifference[] {
  const theirs = blogFormValues(saved);
  const shown = (values: BlogFormValues, field: keyof BlogFormValues) =>
    field === 'published' ? (values.published ? 'published' : 'draft') : String(values[field]);
  return conflictingFields(mine, base, theirs).map((field) => ({
    label: blogLabels[field],
    mine: shown(mine, field),
    theirs: shown(theirs, field),
  }));
}
