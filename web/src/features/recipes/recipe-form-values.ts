import type { FieldDifference } from '../../components/conflict-panel';
import type { CreateRecipeInput, RecipeFieldsFragment } from '../../graphql/generated/graphql';
import { itemsOf, linesOf, tagsOf } from '../../lib/format';
import type { FieldErrors } from '../../lib/graphql-errors';
import { conflictingFields } from '../../lib/use-versioned-form';

/** The form as typed: every field a string, as the inputs hold it. */
export interface RecipeFormValues {
  title: string;
  description: string;
  ingredients: string;
  steps: string;
  tags: string;
  cookingMinutes: string;
  servings: string;
}

export const emptyRecipeForm: RecipeFormValues = {
  title: '',
  description: '',
  ingredients: '',
  steps: '',
  tags: '',
  cookingMinutes: '',
  servings: '',
};

export function recipeFormValues(recipe: RecipeFieldsFragment): RecipeFormValues {
  return {
    title: recipe.title,
    description: recipe.description ?? '',
    ingredients: linesOf(recipe.ingredients),
    steps: linesOf(recipe.steps),
    tags: recipe.tags.join(', '),
    cookingMinutes: recipe.cookingMinutes === null ? '' : String(recipe.cookingMinutes),
    servings: recipe.servings === null ? '' : String(recipe.servings),
  };
}

/**
 * The mutation input, or the fields that cannot even be sent (a GraphQL Int must be a whole
 * number). Every other rule — lengths, counts, negative numbers — is the server's to check,
 * so its messages are the ones the viewer sees.
 */
export function recipeInput(values: RecipeFormValues): { input: CreateRecipeInput } | { errors: FieldErrors } {
  const errors: FieldErrors = {};
  const wholeNumber = (text: string, field: string): number | null => {
    if (text.trim() === '') return null;
    const value = Number(text);
    if (!Number.isSafeInteger(value)) errors[field] = 'must be a whole number';
    return value;
  };
  const input: CreateRecipeInput = {
    title: values.title,
    description: values.description.trim() === '' ? null : values.description,
    ingredients: itemsOf(values.ingredients),
    steps: itemsOf(values.steps),
    tags: tagsOf(values.tags),
    cookingMinutes: wholeNumber(values.cookingMinutes, 'cookingMinutes'),
    servings: wholeNumber(values.servings, 'servings'),
  };
  return Object.keys(errors).length > 0 ? { errors } : { input };
}

const labels: Record<keyof RecipeFormValues, string> = {
  title: 'Title',
  description: 'Description',
  ingredients: 'Ingredients',
  steps: 'Steps',
  tags: 'Tags',
  cookingMinutes: 'Cooking minutes',
  servings: 'Servings',
};

/** The fields in conflict: changed in this edit and, differently, in the saved recipe. */
export function recipeDifferences(mine: RecipeFormValues, saved: RecipeFieldsFragment, base: RecipeFormValues): FieldDifference[] {
  const theirs = recipeFormValues(saved);
  return conflictingFields(mine, base, theirs).map((field) => ({ label: labels[field], mine: mine[field], theirs: theirs[field] }));
}
