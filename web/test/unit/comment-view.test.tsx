import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { CommentView } from '../../src/components/comment-view';
import { ann, comment } from './support/fixtures';

const saved = comment('Q29tbWVudDox', { body: 'Needs more cumin.', author: ann });

function Editor() {
  const [body, setBody] = useState(saved.body);
  return <textarea aria-label="Edit comment" value={body} onChange={(event) => setBody(event.target.value)} />;
}

afterEach(cleanup);

describe('a comment being edited', () => {
  it('keeps what is typed while the comment flashes for a live change and when the flash ends', () => {
    const view = (flash: number | null) => (
      <ul>
        <CommentView comment={saved} flash={flash} byTargetAuthor={false}>
          <Editor />
        </CommentView>
      </ul>
    );
    const { rerender } = render(view(null));
    fireEvent.change(screen.getByLabelText('Edit comment'), { target: { value: 'Needs more cumin and lemon.' } });

    rerender(view(1_000));
    expect((screen.getByLabelText('Edit comment') as HTMLTextAreaElement).value).toBe('Needs more cumin and lemon.');
    const first = screen.getByTestId('comment').className;
    rerender(view(2_000));
    // A second change flashes with the other animation, so it plays again.
    expect(screen.getByTestId('comment').className).not.toBe(first);
    rerender(view(null));
    expect((screen.getByLabelText('Edit comment') as HTMLTextAreaElement).value).toBe('Needs more cumin and lemon.');
  });
});
