import { describe, expect, it } from 'vitest';
import { recipeMatchesFilter } from '../../src/graphql/cache/list-filters';

describe('the recipe search, as the cache applies it to live changes', () => {
  const recipe = {
    authorId: 'u1',
    title: 'Paella',
    description: 'Sunday lunch',
    ingredients: ['rice', 'a pinch of Saffron'],
    tags: ['Spanish'],
  };

  it('looks at titles, descriptions, ingredients and tags, ignoring case', () => {
    for (const search of ['paella', 'SUNDAY', 'saffron', 'spanish']) expect(recipeMatchesFilter(recipe, { search })).toBe(true);
    expect(recipeMatchesFilter(recipe, { search: 'lentil' })).toBe(false);
  });
});
