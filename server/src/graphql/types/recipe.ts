/** The Recipe type and every field that reads, writes or follows recipes. */

import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { RecipeRow } from '../../db/schema.js';
import { everyone } from '../../live/audience.js';
import type { ViewerEvent } from '../../live/viewer-event.js';
import { encodeListCursor } from '../../model/pagination.js';
import {
  createRecipe,
  deleteRecipe,
  listRecipes,
  type RecipeFilter as RecipeFilterValue,
  recipeMatches,
  recipesByIds,
  updateRecipe,
} from '../../model/recipes.js';
import { answerOnCommit } from '../answer-on-commit.js';
import { builder } from '../builder.js';
import { ChangeInterface, changedNode, changeField } from '../change-subscription.js';
import { toGlobalId } from '../global-ids.js';
import { CommentableRef } from './commentable.js';
import { UserRef } from './user.js';

export const RecipeRef = builder.loadableNode('Recipe', {
  description: 'A recipe. Everyone may read it; only its author may change it.',
  interfaces: [CommentableRef],
  id: { resolve: (recipe: RecipeRow) => recipe.id },
  load: (ids: string[], ctx) => recipesByIds(ctx.db, ids),
  sort: (recipe) => recipe.id,
  fields: (t) => ({
    title: t.exposeString('title'),
    description: t.exposeString('description', { nullable: true }),
    ingredients: t.exposeStringList('ingredients'),
    steps: t.exposeStringList('steps'),
    tags: t.exposeStringList('tags'),
    cookingMinutes: t.exposeInt('cookingMinutes', { nullable: true }),
    servings: t.exposeInt('servings', { nullable: true }),
    author: t.field({ type: UserRef, resolve: (recipe) => recipe.authorId }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.exposeInt('version', { description: '1 on create, +1 on every update that changes something.' }),
  }),
});

const RecipeFilter = builder.inputType('RecipeFilter', {
  fields: (t) => ({
    authorId: t.globalID({ for: UserRef, description: 'Only recipes by this user.' }),
    tag: t.string({ description: 'Only recipes carrying this tag.' }),
    search: t.string({ description: 'Case-insensitive substring of the title, the description, an ingredient or a tag.' }),
  }),
});

const CreateRecipeInput = builder.inputType('CreateRecipeInput', {
  fields: (t) => ({
    title: t.string({ required: true, description: '1 to 200 characters.' }),
    description: t.string({ description: 'Up to 100,000 characters.' }),
    ingredients: t.stringList({ description: 'At most 100 items of 1 to 1,000 characters.' }),
    steps: t.stringList({ description: 'At most 100 items of 1 to 1,000 characters.' }),
    tags: t.stringList({ description: 'At most 100 tags of 1 to 50 characters.' }),
    cookingMinutes: t.int(),
    servings: t.int(),
  }),
});

const UpdateRecipeInput = builder.inputType('UpdateRecipeInput', {
  description: 'Only the fields given change. `expectedVersion` makes the update fail with CONFLICT if the recipe moved on.',
  fields: (t) => ({
    title: t.string(),
    description: t.string(),
    ingredients: t.stringList(),
    steps: t.stringList(),
    tags: t.stringList(),
    cookingMinutes: t.int(),
    servings: t.int(),
    expectedVersion: t.int(),
  }),
});

builder.queryFields((t) => ({
  recipe: t.field({
    type: RecipeRef,
    nullable: true,
    args: { id: t.arg.globalID({ required: true, for: RecipeRef }) },
    resolve: (_root, { id }) => id.id,
  }),
  recipes: t.connection(
    {
      type: RecipeRef,
      description: 'Newest first.',
      args: { filter: t.arg({ type: RecipeFilter }) },
      resolve: (_root, args, ctx) =>
        resolveCursorConnection<Promise<RecipeRow[]>>({ args, toCursor: encodeListCursor, defaultSize: 20, maxSize: 100 }, (window) =>
          listRecipes(ctx.db, { authorId: args.filter?.authorId?.id, tag: args.filter?.tag, search: args.filter?.search }, window),
        ),
    },
    { name: 'RecipeConnection' },
    { name: 'RecipeEdge' },
  ),
}));

builder.mutationFields((t) => ({
  createRecipe: t.withAuth({ signedIn: true }).field({
    type: RecipeRef,
    args: { input: t.arg({ type: CreateRecipeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      return answerOnCommit(ctx, createRecipe(ctx.db, ctx.viewer, input));
    },
  }),
  updateRecipe: t.withAuth({ signedIn: true }).field({
    type: RecipeRef,
    args: {
      id: t.arg.globalID({ required: true, for: RecipeRef }),
      input: t.arg({ type: UpdateRecipeInput, required: true }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      return answerOnCommit(ctx, updateRecipe(ctx.db, ctx.viewer, id.id, input));
    },
  }),
  deleteRecipe: t.withAuth({ signedIn: true }).field({
    type: 'ID',
    description: 'Returns the id of the deleted recipe.',
    args: { id: t.arg.globalID({ required: true, for: RecipeRef }) },
    resolve: async (_root, { id }, ctx) => {
      await answerOnCommit(ctx, deleteRecipe(ctx.db, ctx.viewer, id.id));
      return toGlobalId('Recipe', id.id);
    },
  }),
}));

interface RecipeChangedArgs {
  id?: { id: string } | null;
  authorId?: { id: string } | null;
  tag?: string | null;
  after?: string | null;
}

const RecipeChange = builder.objectRef<ViewerEvent<RecipeRow>>('RecipeChange').implement({
  interfaces: [ChangeInterface],
  fields: (t) => ({
    recipeId: t.globalID({ resolve: (event) => ({ type: 'Recipe', id: event.entityId }) }),
    recipe: t.field({
      type: RecipeRef,
      nullable: true,
      description: 'State after the change; null for DELETED.',
      resolve: (event, _args, ctx) => changedNode(event, ctx),
    }),
  }),
});

builder.subscriptionField('recipeChanged', (t) =>
  t.field({
    type: RecipeChange,
    description: 'Every change to recipes matching the arguments, from `after` (exclusive) if given, then live.',
    args: {
      id: t.arg.globalID({ for: RecipeRef, description: 'Only this recipe.' }),
      authorId: t.arg.globalID({ for: UserRef, description: 'Only recipes by this user.' }),
      tag: t.arg.string({ description: 'Only recipes that carry this tag before or after the change.' }),
      after: t.arg.string({ description: 'A `cursor` from an earlier change: replay what came after it, then go live.' }),
    },
    ...changeField<RecipeRow, RecipeChangedArgs>({
      entity: 'recipe',
      audience: everyone,
      rules: (args) => recipeRules(args.id?.id, { authorId: args.authorId?.id, tag: args.tag }),
    }),
  }),
);

const everyRecipe = () => true;
/** Every subscriber without a filter shares these rules; a live stream keeps its rules for its whole life. */
const unfiltered = { visible: everyRecipe, matches: everyRecipe };

function recipeRules(entityId: string | undefined, filter: RecipeFilterValue) {
  // recipeMatches passes everything when neither is set.
  const filtered = Boolean(filter.authorId || filter.tag);
  const rules = filtered ? { visible: everyRecipe, matches: (row: RecipeRow) => recipeMatches(row, filter) } : unfiltered;
  return entityId === undefined ? rules : { ...rules, entityId };
}
