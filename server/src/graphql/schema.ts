/** The executable schema, with every type file registered, and its printed SDL (schema.graphql). */

import { lexicographicSortSchema, printSchema } from 'graphql';
import { builder } from './builder.js';
import './types/auth.js';
import './types/blog.js';
import './types/change-kind.js';
import './types/comment.js';
import './types/commentable.js';
import './types/notification.js';
import './types/presence.js';
import './types/recipe.js';
import './types/user.js';

export const schema = builder.toSchema();

/** The committed `schema.graphql`: sorted so that reordering code never shows up as a diff. */
export function printPublicSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema)).trim()}\n`;
}
