import type { ReactNode } from 'react';
import type { BlogFieldsFragment } from '../graphql/generated/graphql';
import { formatDate } from '../lib/format';
import { hrefTo } from '../lib/router';
import { TagList } from './tag-list';

/** `showVersion`: for the author, who edits by version; a reader has no use for the number. */
export function BlogView({
  blog,
  flash,
  actions,
  showVersion = false,
}: {
  blog: BlogFieldsFragment;
  flash: number | null;
  actions?: ReactNode;
  showVersion?: boolean;
}) {
  return (
    <article
      key={flash ?? 'still'}
      className={flash ? 'detail card--flash' : 'detail'}
      data-testid="blog-detail"
      data-version={blog.version}
    >
      <header className="detail__header">
        <h1 className="detail__title">
          {blog.title} {!blog.published && <span className="pill">Draft</span>}
        </h1>
        <p className="detail__meta">
          by <a href={hrefTo('/blogs', { author: blog.author.id, authorName: blog.author.name })}>{blog.author.name}</a> ·{' '}
          {formatDate(blog.createdAt)}
          {showVersion && ` · version ${blog.version}`}
        </p>
        <TagList tags={blog.tags} hrefFor={(tag) => hrefTo('/blogs', { tag })} />
        {actions && <div className="detail__actions">{actions}</div>}
      </header>
      <div className="prose">
        {blog.body.split(/\n{2,}/).map((paragraph, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
          <p key={index}>{paragraph}</p>
        ))}
      </div>
    </article>
  );
}
