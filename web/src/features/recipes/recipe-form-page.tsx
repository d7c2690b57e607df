import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConflictPanel } from '../../components/conflict-panel';
import { FormField } from '../../components/form-field';
import { Loading, Notice } from '../../components/notices';
import { graphql } from '../../graphql/generated';
import type { RecipeFieldsFragment } from '../../graphql/generated/graphql';
import { conflictVersion, type FieldErrors, readError } from '../../lib/graphql-errors';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { emptyRecipeForm, type RecipeFormValues, recipeDifferences, recipeFormValues, recipeInput } from './recipe-form-values';

const EditedRecipeQuery = graphql(`
  query RecipeFormPage_Recipe($id: ID!) {
    recipe(id: $id) {
      ...RecipeFields
    }
  }
`);

export const CreateRecipeMutation = graphql(`
  mutation RecipeFormPage_Create($input: CreateRecipeInput!) {
    createRecipe(input: $input) {
      ...RecipeFields
    }
  }
`);

export const UpdateRecipeMutation = graphql(`
  mutation RecipeFormPage_Update($id: ID!, $input: UpdateRecipeInput!) {
    updateRecipe(id: $id, input: $input) {
      ...RecipeFields
    }
  }
`);

const detailPath = (id: string) => `/recipes/${encodeURIComponent(id)}`;

/** `#/recipes/new` and `#/recipes/:id/edit`. */
export function RecipeFormPage({ id }: { id?: string }) {
  const session = useSession();
  const [{ data, fetching }, refetch] = useQuery({ query: EditedRecipeQuery, variables: { id: id ?? '' }, pause: !id });
  if (!session) {
    return (
      <Notice tone="info" title="Sign in to write recipes.">
        <a href={hrefTo('/signin')}>Sign in</a> or <a href={hrefTo('/signup')}>create an account</a>.
      </Notice>
    );
  }
  if (!id) return <RecipeForm key="new" saved={null} />;
  if (fetching && !data) return <Loading />;
  const recipe = data?.recipe;
  if (!recipe) return <Notice tone="info" title="This recipe is gone." />;
  if (recipe.author.id !== session.user.id) return <Notice tone="error" title="Only its author can edit this recipe." />;
  return <RecipeForm key={recipe.id} saved={recipe} onConflict={() => refetch({ requestPolicy: 'network-only' })} />;
}

function RecipeForm({ saved, onConflict }: { saved: RecipeFieldsFragment | null; onConflict?: () => void }) {
  const [values, setValues] = useState<RecipeFormValues>(() => (saved ? recipeFormValues(saved) : emptyRecipeForm));
  // The version this edit started from: the server refuses the save if the recipe moved on since.
  const [baseVersion, setBaseVersion] = useState(saved?.version ?? 0);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [conflict, setConflict] = useState<number | null>(null);
  const [creation, create] = useMutation(CreateRecipeMutation);
  const [update, save] = useMutation(UpdateRecipeMutation);
  const busy = creation.fetching || update.fetching;

  const set = (field: keyof RecipeFormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (expectedVersion: number) => {
    const prepared = recipeInput(values);
    if ('errors' in prepared) {
      setFieldErrors(prepared.errors);
      return;
    }
    setSummary(null);
    const result = saved
      ? await save({ id: saved.id, input: { ...prepared.input, expectedVersion } })
      : await create({ input: prepared.input });
    const savedId = result.data && ('updateRecipe' in result.data ? result.data.updateRecipe.id : result.data.createRecipe.id);
    if (savedId) {
      navigate(detailPath(savedId));
      return;
    }
    const current = conflictVersion(result.error);
    if (current !== null) {
      setConflict(current);
      setFieldErrors({});
      onConflict?.();
      return;
    }
    const readable = readError(result.error);
    setFieldErrors(readable?.fields ?? {});
    setSummary(readable?.summary ?? null);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(baseVersion);
  };

  const movedOn = saved && saved.version !== baseVersion && conflict === null;
  return (
    <form className="form stack" onSubmit={onSubmit} noValidate data-testid="recipe-form">
      <h1>{saved ? `Edit “${saved.title}”` : 'New recipe'}</h1>
      {movedOn && (
        <Notice tone="warning" title="This recipe changed while you were editing.">
          Saving now will ask you to choose between your edit and the saved version.
        </Notice>
      )}
      {conflict !== null && saved && (
        <ConflictPanel
          currentVersion={conflict}
          differences={recipeDifferences(values, saved)}
          busy={busy}
          onOverwrite={() => {
            setBaseVersion(conflict);
            setConflict(null);
            void submit(conflict);
          }}
          onTakeTheirs={() => {
            setValues(recipeFormValues(saved));
            setBaseVersion(saved.version);
            setConflict(null);
          }}
        />
      )}
      {summary && (
        <Notice tone="error" title="The recipe was not saved.">
          {summary}
        </Notice>
      )}
      <FormField label="Title" name="title" value={values.title} onChange={set('title')} error={fieldErrors.title} required />
      <FormField
        label="Description"
        name="description"
        value={values.description}
        onChange={set('description')}
        error={fieldErrors.description}
        rows={3}
      />
      <div className="form__row">
        <FormField
          label="Cooking minutes"
          name="cookingMinutes"
          type="number"
          value={values.cookingMinutes}
          onChange={set('cookingMinutes')}
          error={fieldErrors.cookingMinutes}
        />
        <FormField
          label="Servings"
          name="servings"
          type="number"
          value={values.servings}
          onChange={set('servings')}
          error={fieldErrors.servings}
        />
      </div>
      <FormField
        label="Ingredients"
        name="ingredients"
        value={values.ingredients}
        onChange={set('ingredients')}
        error={fieldErrors.ingredients}
        rows={6}
        hint="One a line."
      />
      <FormField
        label="Steps"
        name="steps"
        value={values.steps}
        onChange={set('steps')}
        error={fieldErrors.steps}
        rows={6}
        hint="One a line, in order."
      />
      <FormField
        label="Tags"
        name="tags"
        value={values.tags}
        onChange={set('tags')}
        error={fieldErrors.tags}
        hint="Separated by commas: soup, quick"
      />
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Saving…' : saved ? 'Save changes' : 'Publish recipe'}
        </button>
        <a className="button button--quiet" href={saved ? hrefTo(detailPath(saved.id)) : '#/'}>
          Cancel
        </a>
      </div>
    </form>
  );
}
