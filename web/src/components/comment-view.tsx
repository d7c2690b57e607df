import type { ReactNode } from 'react';
import type { CommentFieldsFragment } from '../graphql/generated/graphql';
import { formatDate } from '../lib/format';

/** One comment of a thread; `children` replaces the body while it is being edited. */
export function CommentView({
  comment,
  flash,
  byTargetAuthor,
  actions,
  children,
}: {
  comment: CommentFieldsFragment;
  flash: number | null;
  /** The comment is by the recipe's or post's own author. */
  byTargetAuthor: boolean;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <li
      key={flash ?? 'still'}
      className={flash ? 'comment card--flash' : 'comment'}
      data-testid="comment"
      data-comment-id={comment.id}
      data-version={comment.version}
    >
      <p className="comment__meta">
        <strong className="comment__author">{comment.author.name}</strong>
        {byTargetAuthor && <span className="pill">Author</span>} · {formatDate(comment.createdAt)}
        {comment.version > 1 && <span className="muted"> · edited</span>}
      </p>
      {children ?? (
        <div className="comment__body">
          {comment.body.split(/\n{2,}/).map((paragraph, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own
            <p key={index}>{paragraph}</p>
          ))}
        </div>
      )}
      {actions && <div className="comment__actions">{actions}</div>}
    </li>
  );
}
