import type { FieldDifference } from '../../components/conflict-panel';
import type { CommentFieldsFragment } from '../../graphql/generated/graphql';
import type { FieldErrors } from '../../lib/graphql-errors';
import { conflictingFields } from '../../lib/use-versioned-form';

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

export function commentDifferences(mine: CommentFormValues, saved: CommentFieldsFragment, base: CommentFormValues): FieldDifference[] {
  return conflictingFields(mine, base, { body: saved.body }).length === 0
    ? []
    : [{ label: 'Comment', mine: mine.body, theirs: saved.body }];
}
