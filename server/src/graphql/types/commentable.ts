/** The Commentable interface recipes and blogs share. */

import type { BlogRow, RecipeRow } from '../../db/schema.js';
import { builder } from '../builder.js';

/** Recipes and blogs; its thread fields are added where comments are defined (comment.ts). */
export const CommentableRef = builder.interfaceRef<RecipeRow | BlogRow>('Commentable').implement({
  description: 'Something people can comment on. Its comments are visible exactly when it is.',
  interfaces: [builder.nodeInterfaceRef()],
  resolveType: (row) => ('ingredients' in row ? 'Recipe' : 'Blog'),
});
