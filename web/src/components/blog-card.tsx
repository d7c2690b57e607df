import type { BlogFieldsFragment } from '../graphql/generated/graphql';
import { formatDate } from '../lib/format';
import { hrefTo } from '../lib/router';
import { TagList } from './tag-list';

export function blogHref(id: string): string {
  return hrefTo(`/blogs/${encodeURIComponent(id)}`);
}

/** The first lines of a post, cut at a word. */
function excerpt(body: string, length = 220): string {
  if (body.length <= length) return body;
  const cut = body.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length - 20))}…`;
}

export function BlogCard({ blog, flash }: { blog: BlogFieldsFragment; flash: number | null }) {
  return (
    <article key={flash ?? 'still'} className={flash ? 'card card--flash' : 'card'} data-testid="blog-card" data-id={blog.id}>
      <h3 className="card__title">
        <a href={blogHref(blog.id)}>{blog.title}</a>
        {!blog.published && <span className="pill">Draft</span>}
      </h3>
      <p className="card__meta">
        by <a href={hrefTo('/blogs', { author: blog.author.id, authorName: blog.author.name })}>{blog.author.name}</a> ·{' '}
        {formatDate(blog.createdAt)}
      </p>
      {blog.body && <p className="card__text">{excerpt(blog.body)}</p>}
      <TagList tags={blog.tags} hrefFor={(tag) => hrefTo('/blogs', { tag })} />
    </article>
  );
}
