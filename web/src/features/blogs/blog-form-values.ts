import type { FieldDifference } from '../../components/conflict-panel';
import type { BlogFieldsFragment, CreateBlogInput } from '../../graphql/generated/graphql';
import { tagsOf } from '../../lib/format';

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

export function blogDifferences(mine: BlogFormValues, saved: BlogFieldsFragment): FieldDifference[] {
  const theirs = blogFormValues(saved);
  const rows: FieldDifference[] = [];
  if (mine.title.trim() !== theirs.title.trim()) rows.push({ label: 'Title', mine: mine.title, theirs: theirs.title });
  if (mine.body.trim() !== theirs.body.trim()) rows.push({ label: 'Body', mine: mine.body, theirs: theirs.body });
  if (mine.tags.trim() !== theirs.tags.trim()) rows.push({ label: 'Tags', mine: mine.tags, theirs: theirs.tags });
  if (mine.published !== theirs.published) {
    const word = (published: boolean) => (published ? 'published' : 'draft');
    rows.push({ label: 'Status', mine: word(mine.published), theirs: word(theirs.published) });
  }
  return rows;
}
