import type { RecipeFieldsFragment } from '../graphql/generated/graphql';
import { formatMinutes } from '../lib/format';
import { hrefTo } from '../lib/router';
import { TagList } from './tag-list';

export interface RecipeCardProps {
  recipe: RecipeFieldsFragment;
  /** Set (to the change's time) for a moment after a live change, to flash the card once. */
  flash: number | null;
}

export function recipeHref(id: string): string {
  return hrefTo(`/recipes/${encodeURIComponent(id)}`);
}

export function RecipeCard({ recipe, flash }: RecipeCardProps) {
  return (
    // A new key per change restarts the CSS animation even when one card changes twice in a row.
    <article key={flash ?? 'still'} className={flash ? 'card card--flash' : 'card'} data-testid="recipe-card" data-id={recipe.id}>
      <h3 className="card__title">
        <a href={recipeHref(recipe.id)}>{recipe.title}</a>
      </h3>
      <p className="card__meta">
        by <a href={hrefTo('/', { author: recipe.author.id, authorName: recipe.author.name })}>{recipe.author.name}</a>
        {recipe.cookingMinutes !== null && <> · {formatMinutes(recipe.cookingMinutes)}</>}
        {recipe.servings !== null && <> · serves {recipe.servings}</>}
      </p>
      {recipe.description && <p className="card__text">{recipe.description}</p>}
      <TagList tags={recipe.tags} hrefFor={(tag) => hrefTo('/', { tag })} />
    </article>
  );
}
