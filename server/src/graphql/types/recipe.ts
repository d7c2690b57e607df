import { resolveCursorConnection } from '@pothos/plugin-relay';
import type { ViewerEvent } from '../../changes/viewer-event.js';
import type { RecipeRow } from '../../db/schema.js';
import { encodeListCursor } from '../../model/pagination.js';
import { createRecipe, deleteRecipe, listRecipes, recipeMatches, recipesByIds, updateRecipe } from '../../model/recipes.js';
import { everyone } from '../audience.js';
import { builder } from '../builder.js';
import { ChangeInterface, changedNode, subscribeToChanges } from '../change-subscription.js';
import { requireViewer } from '../viewer.js';
import { UserRef } from './user.js';

export const RecipeRef = builder.loadableNode('Recipe', {
  description: 'A recipe. Everyone may read it; only its author may change it.',
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
    search: t.string({ description: 'Case-insensitive substring of the title or description.' }),
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
  createRecipe: t.field({
    type: RecipeRef,
    args: { input: t.arg({ type: CreateRecipeInput, required: true }) },
    resolve: async (_root, { input }, ctx) => {
      const { row, change } = await createRecipe(ctx.db, requireViewer(ctx), input);
      ctx.publisher.publish(change);
      return row;
    },
  }),
  updateRecipe: t.field({
    type: RecipeRef,
    args: {
      id: t.arg.globalID({ required: true, for: RecipeRef }),
      input: t.arg({ type: UpdateRecipeInput, required: true }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const { row, change } = await updateRecipe(ctx.db, requireViewer(ctx), id.id, input);
      ctx.publisher.publish(change);
      return row;
    },
  }),
  deleteRecipe: t.field({
    type: 'ID',
    description: 'Returns the id of the deleted recipe.',
    args: { id: t.arg.globalID({ required: true, for: RecipeRef }) },
    resolve: async (_root, { id }, ctx) => {
      const { change } = await deleteRecipe(ctx.db, requireViewer(ctx), id.id);
      ctx.publisher.publish(change);
      return Buffer.from(`Recipe:${id.id}`).toString('base64');
    },
  }),
}));

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
    subscribe: (_root, args, ctx) =>
      subscribeToChanges<RecipeRow>(ctx, 'recipe', {
        entityId: args.id?.id,
        after: args.after,
        rules: {
          visible: () => true,
          matches: (row) => recipeMatches(row, { authorId: args.authorId?.id, tag: args.tag }),
        },
      }),
    resolve: (event) => event,
    // The result for an event is the same for every subscriber in the same class; see audience.ts.
    extensions: { audience: everyone },
  }),
);
