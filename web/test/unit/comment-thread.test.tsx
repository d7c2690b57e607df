import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentThread } from '../../src/features/comments/comment-thread';
import { createSessionStore, SessionContext } from '../../src/lib/session';
import { createCacheHarness, type Responder } from './support/cache-harness';
import { ann, at, bob, comment, thread } from './support/fixtures';

const soup = { __typename: 'Recipe' as const, id: 'UmVjaXBlOjE=' };

function renderThread(respond: Responder, onEnded?: () => void) {
  const sessions = createSessionStore(window.localStorage);
  sessions.set({ token: 'token-of-ann', user: { id: ann.id, name: ann.name } });
  const harness = createCacheHarness(respond);
  render(
    <SessionContext.Provider value={sessions}>
      <Provider value={harness.client}>
        <CommentThread targetId={soup.id} targetAuthorId={bob.id} noun="recipe" onEnded={onEnded} />
      </Provider>
    </SessionContext.Provider>,
  );
  return harness;
}

const field = (label: string) => screen.getByLabelText(label) as HTMLTextAreaElement;

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('the comment thread', () => {
  it("shows the server's message for the body beside the field and keeps what was typed", async () => {
    const sent: unknown[] = [];
    renderThread((name, variables) => {
      if (name === 'CommentThread_Comments') return { data: thread(soup, []) };
      sent.push(variables);
      return {
        data: null,
        errors: [
          {
            message: 'input.body must be at most 5,000 characters',
            path: ['addComment'],
            extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.body', message: 'must be at most 5,000 characters' }] },
          },
        ],
      };
    });
    await screen.findByText('No comments yet.');
    fireEvent.change(field('Add a comment'), { target: { value: 'Too long, say' } });
    fireEvent.click(screen.getByRole('button', { name: 'Post comment' }));

    const message = await screen.findByText('must be at most 5,000 characters');
    expect(field('Add a comment').getAttribute('aria-invalid')).toBe('true');
    expect(field('Add a comment').getAttribute('aria-describedby')).toBe(message.id);
    expect(field('Add a comment').value).toBe('Too long, say');
    expect(sent).toEqual([{ input: { targetId: soup.id, body: 'Too long, say' } }]);
  });

  it('on CONFLICT shows the saved comment beside the edit, and saving over it sends the newer expectedVersion', async () => {
    let saved = comment('C1', { body: 'Needs salt', author: ann, createdAt: at(1), version: 1 });
    const expected: unknown[] = [];
    renderThread((name, variables) => {
      if (name === 'CommentThread_Comments') return { data: thread(soup, [saved]) };
      if (name === 'CommentItem_Saved') return { data: { node: saved } };
      if (name !== 'CommentItem_Update') throw new Error(`unexpected ${name}`);
      const input = variables.input as { body: string; expectedVersion: number };
      expected.push(input.expectedVersion);
      if (input.expectedVersion !== saved.version) {
        return {
          data: null,
          errors: [{ message: 'moved on', path: ['updateComment'], extensions: { code: 'CONFLICT', currentVersion: saved.version } }],
        };
      }
      saved = { ...saved, body: input.body, version: saved.version + 1 };
      return { data: { updateComment: saved } };
    });
    const item = await screen.findByTestId('comment');
    fireEvent.click(within(item).getByRole('button', { name: 'Edit' }));
    expect(field('Edit comment').value).toBe('Needs salt');

    saved = { ...saved, body: 'Needs more salt', version: 2 }; // saved from another tab meanwhile
    fireEvent.change(field('Edit comment'), { target: { value: 'Needs salt and lemon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save comment' }));

    const conflict = await screen.findByTestId('conflict');
    await waitFor(() => expect(conflict.textContent).toContain('Needs more salt'));
    expect(conflict.textContent).toContain('another tab or device');
    expect(conflict.textContent).toContain('Needs salt and lemon');

    fireEvent.click(screen.getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(() => expect(screen.queryByTestId('comment-editor')).toBeNull());
    expect(expected).toEqual([1, 2]);
    expect(screen.getByTestId('comment').textContent).toContain('Needs salt and lemon');
  });

  it('offers delete to the target’s author on someone else’s comment, and edit only to the comment’s author', async () => {
    const sessions = createSessionStore(window.localStorage);
    sessions.set({ token: 'token-of-bob', user: { id: bob.id, name: bob.name } });
    const { client } = createCacheHarness(() => ({ data: thread(soup, [comment('C1', { author: ann, createdAt: at(1) })]) }));
    render(
      <SessionContext.Provider value={sessions}>
        <Provider value={client}>
          <CommentThread targetId={soup.id} targetAuthorId={bob.id} noun="recipe" />
        </Provider>
      </SessionContext.Provider>,
    );
    const item = await screen.findByTestId('comment');
    expect(within(item).getByRole('button', { name: 'Delete' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('closes the thread and tells the page when the server ends its stream (the recipe was deleted)', async () => {
    let told = 0;
    const harness = renderThread(
      () => ({ data: thread(soup, [comment('C1', { createdAt: at(1) })]) }),
      () => told++,
    );
    await screen.findByTestId('comment');
    expect(screen.getByLabelText('Add a comment')).toBeTruthy();

    await harness.end('commentChanged');

    await screen.findByText('This thread is closed.');
    expect(screen.queryByLabelText('Add a comment')).toBeNull();
    expect(told).toBe(1);
  });
});
