import type { ReactNode } from 'react';
import type { RecipeFieldsFragment } from '../graphql/generated/graphql';
import { formatDate, formatMinutes } from '../lib/format';
import { hrefTo } from '../lib/router';
import { TagList } from './tag-list';

/** `showVersion`: for the author, who edits by version; a reader has no use for the number. */
export function RecipeView({
  recipe,
  flash,
  actions,
  showVersion = false,
}: {
  recipe: RecipeFieldsFragment;
  flash: number | null;
  actions?: ReactNode;
  showVersion?: boolean;
}) {
  return (
    <article
      key={flash ?? 'still'}
      className={flash ? 'detail card--flash' : 'detail'}
      data-testid="recipe-detail"
      data-version={recipe.version}
    >
      <header className="detail__header">
        <h1 className="detail__title">{recipe.title}</h1>
        <p className="detail__meta">
          by <a href={hrefTo('/', { author: recipe.author.id, authorName: recipe.author.name })}>{recipe.author.name}</a> · updated{' '}
          {formatDate(recipe.updatedAt)}
          {showVersion && ` · version ${recipe.version}`}
        </p>
        <div className="facts">
          {recipe.cookingMinutes !== null && (
            <span className="fact">
              <span className="fact__label">Time</span> {formatMinutes(recipe.cookingMinutes)}
            </span>
          )}
          {recipe.servings !== null && (
            <span className="fact">
              <span className="fact__label">Serves</span> {recipe.servings}
            </span>
          )}
        </div>
        <TagList tags={recipe.tags} hrefFor={(tag) => hrefTo('/', { tag })} />
        {actions && <div className="detail__actions">{actions}</div>}
      </header>
      {recipe.description && <p className="detail__lead">{recipe.description}</p>}
      <div className="detail__columns">
        <section>
          <h2>Ingredients</h2>
          {recipe.ingredients.length > 0 ? (
            <ul className="ingredients">
              {recipe.ingredients.map((item, index) => (
                // Items may repeat ("salt" twice); the position tells them apart.
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list, rendered anew on every change
                <li key={index}>{item}</li>
              ))}
            </ul>
          ) : (
            <p className="muted">No ingredients listed.</p>
          )}
        </section>
        <section>
          <h2>Steps</h2>
          {recipe.steps.length > 0 ? (
            <ol className="steps">
              {recipe.steps.map((step, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a static list, rendered anew on every change
                <li key={index}>{step}</li>
              ))}
            </ol>
          ) : (
            <p className="muted">No steps yet.</p>
          )}
        </section>
      </div>
    </article>
  );
}
