import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Provider } from 'urql';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RecipeFormPage } from '../../src/features/recipes/recipe-form-page';
import { createSessionStore, SessionContext } from '../../src/lib/session';
import { createCacheHarness, type Responder } from './support/cache-harness';
import { ann, recipe } from './support/fixtures';

function renderForm(respond: Responder, id?: string) {
  const sessions = createSessionStore(window.localStorage);
  sessions.set({ token: 'token-of-ann', user: { id: ann.id, name: ann.name } });
  const { client } = createCacheHarness(respond);
  return render(
    <SessionContext.Provider value={sessions}>
      <Provider value={client}>
        <RecipeFormPage id={id} />
      </Provider>
    </SessionContext.Provider>,
  );
}

const field = (label: string) => screen.getByLabelText(label) as HTMLInputElement;

beforeEach(() => {
  window.location.hash = '#/recipes/new';
});
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('the recipe form', () => {
  it("shows each of the server's field errors next to its field", async () => {
    const sent: unknown[] = [];
    renderForm((_name, variables) => {
      sent.push(variables);
      return {
        data: null,
        errors: [
          {
            message: 'input.title must not be empty; input.ingredients.1 must be at most 1,000 characters',
            path: ['createRecipe'],
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [
                { field: 'input.title', message: 'must not be empty' },
                { field: 'input.ingredients.1', message: 'must be at most 1,000 characters' },
              ],
            },
          },
        ],
      };
    });
    fireEvent.change(field('Ingredients'), { target: { value: 'salt\npepper' } });
    fireEvent.click(screen.getByRole('button', { name: 'Publish recipe' }));

    await waitFor(() => expect(screen.getByText('must not be empty')).toBeTruthy());
    expect(field('Title').getAttribute('aria-invalid')).toBe('true');
    expect(field('Title').getAttribute('aria-describedby')).toBe(screen.getByText('must not be empty').id);
    expect(field('Ingredients').getAttribute('aria-describedby')).toBe(screen.getByText('must be at most 1,000 characters').id);
    expect(field('Description').getAttribute('aria-invalid')).toBeNull();
    expect(sent).toEqual([{ input: expect.objectContaining({ title: '', ingredients: ['salt', 'pepper'] }) }]);
  });

  it('on CONFLICT shows the newer saved version beside the edit, and saving over it sends the newer expectedVersion', async () => {
    const v1 = recipe('R1', { title: 'Pea soup', version: 1 });
    const v2 = recipe('R1', { title: 'Green pea soup', version: 2 });
    let saved = v1;
    const updates: { expectedVersion?: number }[] = [];
    renderForm((name, variables) => {
      if (name === 'RecipeFormPage_Recipe') return { data: { recipe: saved } };
      const input = variables.input as { expectedVersion?: number; title: string };
      updates.push(input);
      if (input.expectedVersion !== saved.version) {
        return {
          data: null,
          errors: [{ message: 'moved on', path: ['updateRecipe'], extensions: { code: 'CONFLICT', currentVersion: saved.version } }],
        };
      }
      saved = { ...saved, title: input.title, version: saved.version + 1 };
      return { data: { updateRecipe: saved } };
    }, 'R1');
    await waitFor(() => expect(field('Title').value).toBe('Pea soup'));

    saved = v2; // someone else saves while the viewer types
    fireEvent.change(field('Title'), { target: { value: 'My pea soup' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByTestId('conflict');
    await waitFor(() => expect(conflict.textContent).toContain('Green pea soup'));
    expect(conflict.textContent).toContain('another tab or device');
    expect(conflict.textContent).toContain('My pea soup');

    fireEvent.click(screen.getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(() => expect(window.location.hash).toBe('#/recipes/R1'));
    expect(updates.map((input) => input.expectedVersion)).toEqual([1, 2]);
    expect(saved.title).toBe('My pea soup');
  });

  it('on CONFLICT keeps a field changed in another tab that this edit left alone, and lists only fields changed on both sides', async () => {
    const v1 = recipe('R1', { title: 'Pea soup', description: 'Plain', version: 1 });
    let saved = v1;
    const updates: Array<Record<string, unknown>> = [];
    renderForm((name, variables) => {
      if (name === 'RecipeFormPage_Recipe') return { data: { recipe: saved } };
      const input = variables.input as { expectedVersion?: number };
      updates.push(input);
      if (input.expectedVersion !== saved.version) {
        return {
          data: null,
          errors: [{ message: 'moved on', path: ['updateRecipe'], extensions: { code: 'CONFLICT', currentVersion: saved.version } }],
        };
      }
      const { expectedVersion: _, ...changes } = input;
      saved = { ...saved, ...changes, version: saved.version + 1 };
      return { data: { updateRecipe: saved } };
    }, 'R1');
    await waitFor(() => expect(field('Title').value).toBe('Pea soup'));

    saved = { ...v1, title: 'Green pea soup', version: 2 }; // the other tab renames it
    fireEvent.change(field('Description'), { target: { value: 'With mint' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('another tab or device');
    expect(conflict.textContent).not.toContain('Someone else');
    expect(conflict.querySelector('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save mine over theirs' }));
    await waitFor(() => expect(window.location.hash).toBe('#/recipes/R1'));
    expect(updates).toEqual([
      { description: 'With mint', expectedVersion: 1 },
      { description: 'With mint', expectedVersion: 2 },
    ]);
    expect(saved).toMatchObject({ title: 'Green pea soup', description: 'With mint', version: 3 });
  });
});
