import { useMutation, useQuery } from 'urql';
import { FormField } from '../../components/form-field';
import { Loading, Notice } from '../../components/notices';
import { SaveStatusNotices } from '../../components/save-status';
import { graphql } from '../../graphql/generated';
import type { RecipeFieldsFragment } from '../../graphql/generated/graphql';
import { hrefTo, navigate } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useVersionedForm } from '../../lib/use-versioned-form';
import { emptyRecipeForm, recipeDifferences, recipeFormValues, recipeInput } from './recipe-form-values';

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
  const [, create] = useMutation(CreateRecipeMutation);
  const [, update] = useMutation(UpdateRecipeMutation);
  const form = useVersionedForm({
    item: saved,
    empty: emptyRecipeForm,
    valuesOf: recipeFormValues,
    inputOf: recipeInput,
    save: async (input, expectedVersion) => {
      if (saved && expectedVersion !== null) {
        const result = await update({ id: saved.id, input: { ...input, expectedVersion } });
        return { saved: result.data?.updateRecipe, error: result.error };
      }
      const result = await create({ input });
      return { saved: result.data?.createRecipe, error: result.error };
    },
    onSaved: (recipe) => navigate(detailPath(recipe.id)),
    onConflict,
  });
  const { values, set, fieldErrors, busy } = form;

  return (
    <form className="form stack" onSubmit={form.onSubmit} noValidate data-testid="recipe-form">
      <h1>{saved ? `Edit “${saved.title}”` : 'New recipe'}</h1>
      <SaveStatusNotices status={form} noun="recipe" differences={() => (saved ? recipeDifferences(values, saved, form.base) : [])} />
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
        hint="One per line."
      />
      <FormField
        label="Steps"
        name="steps"
        value={values.steps}
        onChange={set('steps')}
        error={fieldErrors.steps}
        rows={6}
        hint="One per line, in order."
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
