import { useEffect } from 'react';
import { useMutation } from 'urql';
import { EmptyState, Notice } from '../../components/notices';
import { PagedList } from '../../components/paged-list';
import { graphql } from '../../graphql/generated';
import type { CommentThread_CommentsQuery } from '../../graphql/generated/graphql';
import { useEndingSubscription } from '../../graphql/use-ending-subscription';
import { usePagedConnection } from '../../graphql/use-paged-connection';
import { hrefTo } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useVersionedForm } from '../../lib/use-versioned-form';
import { HereNow, TypingLine, TypingReporter } from '../presence/presence';
import { CommentBodyForm } from './comment-body-form';
import { commentFormValues, commentInput, emptyCommentForm } from './comment-form-values';
import { CommentItem } from './comment-item';

export const COMMENTS_PAGE_SIZE = 20;

export const CommentThreadPageFragment = graphql(`
  fragment CommentThreadPage on CommentConnection {
    edges {
      node {
        ...CommentFields
        target {
          id
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
`);

export const CommentThreadQuery = graphql(`
  query CommentThread_Comments($targetId: ID!, $first: Int!, $after: String) {
    node(id: $targetId) {
      id
      ... on Recipe {
        commentCount
        comments(first: $first, after: $after) {
          ...CommentThreadPage
        }
      }
      ... on Blog {
        commentCount
        comments(first: $first, after: $after) {
          ...CommentThreadPage
        }
      }
    }
  }
`);

// `$after` stays unset here; the live transport fills in the last cursor when it resubscribes.
export const CommentChangedSubscription = graphql(`
  subscription CommentThread_CommentChanged($targetId: ID!, $after: String) {
    commentChanged(targetId: $targetId, after: $after) {
      kind
      commentId
      targetId
      cursor
      comment {
        ...CommentFields
      }
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation CommentThread_Add($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
      target {
        id
      }
    }
  }
`);

type ThreadTarget = NonNullable<CommentThread_CommentsQuery['node']>;

function threadOf(node: ThreadTarget | null | undefined) {
  return node && 'comments' in node ? { comments: node.comments, count: node.commentCount } : null;
}

/**
 * The live comment thread under a recipe or blog: oldest first with "load more", new, edited and
 * deleted comments without a reload (commentChanged into the cache). When the server ends the
 * stream (the target was deleted or hidden), the thread closes and the page checks its target.
 */
export function CommentThread({
  targetId,
  targetAuthorId,
  noun,
  onEnded,
}: {
  targetId: string;
  targetAuthorId: string;
  /** `recipe`, `post` */
  noun: string;
  onEnded?: () => void;
}) {
  const session = useSession();
  const list = usePagedConnection(CommentThreadQuery, { targetId, first: COMMENTS_PAGE_SIZE }, (data) => threadOf(data.node)?.comments);
  const count = list.result.data ? threadOf(list.result.data.node)?.count : undefined;
  const { ended } = useEndingSubscription(CommentChangedSubscription, { targetId });
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per end of stream
  useEffect(() => {
    if (ended) onEnded?.();
  }, [ended]);

  return (
    <section className="thread stack" aria-labelledby="thread-title" data-testid="comment-thread">
      <h2 id="thread-title" className="thread__title">
        Comments{count !== undefined && <span className="thread__count"> ({count})</span>}
      </h2>
      {!ended && <HereNow targetId={targetId} />}
      <PagedList
        list={list}
        failureTitle="The comments could not be loaded."
        empty={<EmptyState title="No comments yet." />}
        className="thread__list"
        as="ol"
        testId="comment-list"
      >
        {list.items.map((comment) => (
          <CommentItem key={comment.id} comment={comment} targetAuthorId={targetAuthorId} />
        ))}
      </PagedList>
      {ended ? (
        <Notice tone="info" title="This thread is closed.">
          The {noun} was deleted or is no longer visible to you.
        </Notice>
      ) : session ? (
        <>
          <TypingLine targetId={targetId} />
          <TypingReporter targetId={targetId}>
            <CommentComposer targetId={targetId} />
          </TypingReporter>
        </>
      ) : (
        <p className="muted">
          <a href={hrefTo('/signin')}>Sign in</a> to comment.
        </p>
      )}
    </section>
  );
}

function CommentComposer({ targetId }: { targetId: string }) {
  const [, add] = useMutation(AddCommentMutation);
  const form = useVersionedForm({
    item: null,
    empty: emptyCommentForm,
    valuesOf: commentFormValues,
    inputOf: commentInput,
    save: async ({ body }) => {
      const result = await add({ input: { targetId, body } });
      return { saved: result.data?.addComment, error: result.error };
    },
    onSaved: () => form.reset(),
  });
  return <CommentBodyForm form={form} label="Add a comment" submitLabel="Post comment" busyLabel="Posting…" testId="comment-form" />;
}
