/** Tags as links that filter the list by that tag. */
export function TagList({ tags, hrefFor }: { tags: readonly string[]; hrefFor(tag: string): string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <a className="tag" href={hrefFor(tag)}>
            #{tag}
          </a>
        </li>
      ))}
    </ul>
  );
}
