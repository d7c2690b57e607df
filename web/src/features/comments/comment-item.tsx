import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { CommentView } from '../../components/comment-view';
import { ConfirmDelete } from '../../components/confirm-delete';
import { graphql } from '../../graphql/generated';
import type { CommentFieldsFragment } from '../../graphql/generated/graphql';
import { readError } from '../../lib/graphql-errors';
import { useChangeStamp } from '../../lib/recent-changes';
import { useSession } from '../../lib/session';
import { useVersionedForm } from '../../lib/use-versioned-form';
import { CommentBodyForm } from './comment-body-form';
import { commentDifferences, commentFormValues, commentInput, emptyCommentForm } from './comment-form-values';

export const UpdateCommentMutation = graphql(`
  mutation CommentItem_Update($id: ID!, $input: UpdateCommentInput!) {
    updateComment(id: $id, input: $input) {
      ...CommentFields
    }
  }
`);

export const DeleteCommentMutation = graphql(`
  mutation CommentItem_Delete($id: ID!) {
    deleteComment(id: $id)
  }
`);

const SavedCommentQuery = graphql(`
  query CommentItem_Saved($id: ID!) {
    node(id: $id) {
      id
      ... on Comment {
        ...CommentFields
      }
    }
  }
`);

/** One comment: edit for its author, delete for its author and the target's author. */
export function CommentItem({ comment, targetAuthorId }: { comment: CommentFieldsFragment; targetAuthorId: string }) {
  const session = useSession();
  const flash = useChangeStamp(comment.id);
  const [editing, setEditing] = useState(false);
  const [deletion, remove] = useMutation(DeleteCommentMutation);
  const viewer = session?.user.id;
  const mine = viewer === comment.author.id;
  const mayDelete = mine || (viewer !== undefined && viewer === targetAuthorId);

  const confirmDelete = async () => {
    // Optimistic: the comment leaves the thread at once and comes back if the server refuses.
    const result = await remove({ id: comment.id });
    if (result.error) window.alert(readError(result.error)?.summary ?? 'The comment could not be deleted.');
  };

  return (
    <CommentView
      comment={comment}
      flash={flash}
      byTargetAuthor={comment.author.id === targetAuthorId}
      actions={
        !editing &&
        (mine || mayDelete) && (
          <>
            {mine && (
              <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
                Edit
              </button>
            )}
            {mayDelete && <ConfirmDelete busy={deletion.fetching} onConfirm={confirmDelete} />}
          </>
        )
      }
    >
      {editing ? <CommentEditor comment={comment} onDone={() => setEditing(false)} /> : undefined}
    </CommentView>
  );
}

function CommentEditor({ comment, onDone }: { comment: CommentFieldsFragment; onDone: () => void }) {
  const client = useClient();
  const [, update] = useMutation(UpdateCommentMutation);
  const form = useVersionedForm({
    item: comment,
    empty: emptyCommentForm,
    valuesOf: commentFormValues,
    inputOf: commentInput,
    save: async ({ body }, expectedVersion) => {
      const result = await update({ id: comment.id, input: { body, expectedVersion } });
      return { saved: result.data?.updateComment, error: result.error };
    },
    onSaved: onDone,
    // The live event normally brings the newer version first; fetch it in case it has not yet.
    onConflict: () => void client.query(SavedCommentQuery, { id: comment.id }, { requestPolicy: 'network-only' }).toPromise(),
  });
  return (
    <CommentBodyForm
      form={form}
      label="Edit comment"
      submitLabel="Save comment"
      busyLabel="Saving…"
      testId="comment-editor"
      differences={() => commentDifferences(form.values, comment, form.base)}
    >
      <button type="button" className="button button--quiet" onClick={onDone}>
        Cancel
      </button>
    </CommentBodyForm>
  );
}
