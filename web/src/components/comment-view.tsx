import { type ReactNode, useRef } from 'react';
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
  const alternate = useAlternateOnChange(flash);
  return (
    // The flash restarts by switching between two identical animations, not by a new key: a new
    // key would remount the comment and throw away an edit in progress inside it.
    <li
      className={flash ? `comment ${alternate ? 'card--flash-again' : 'card--flash'}` : 'comment'}
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

/** Flips with every new stamp, so each change gets the other of the two flash animations. */
function useAlternateOnChange(stamp: number | null): boolean {
  const last = useRef<{ stamp: number | null; alternate: boolean }>({ stamp: null, alternate: true });
  if (stamp !== null && stamp !== last.current.stamp) last.current = { stamp, alternate: !last.current.alternate };
  return last.current.alternate;
}
