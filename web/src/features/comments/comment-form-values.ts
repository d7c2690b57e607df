import type { FieldDifference } from '../../components/conflict-panel';
import type { CommentFieldsFragment } from '../../graphql/generated/graphql';
import type { FieldErrors } from '../../lib/graphql-errors';

export interface CommentFormValues {
  body: string;
}

export const emptyCommentForm: CommentFormValues = { body: '' };

export function commentFormValues(comment: CommentFieldsFragment): CommentFormValues {
  return { body: comment.body };
}

/** Every rule (length, blank) is the server's, so its message is the one the viewer sees. */
export function commentInput(values: CommentFormValues): { input: { body: string } } | { errors: FieldErrors } {
  return { input: { body: values.body } };
}

export function commentDifferences(mine: CommentFormValues, saved: CommentFieldsFragment): FieldDifference[] {
  return mine.body.trim() === saved.body.trim() ? [] : [{ label: 'Comment', mine: mine.body, theirs: saved.body }];
}
