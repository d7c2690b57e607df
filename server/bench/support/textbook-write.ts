/**
 * The textbook durable write of a GraphQL server that streams changes, as a request handler: Yoga
 * serves `updateRecipe`, which runs one `UPDATE … RETURNING` (autocommit) and then one Redis
 * `PUBLISH` of the new row. No ordering, no authorization, no rate limit: it is a ruler, not a
 * server. It takes the same document and variables as the project (a Relay global id) and uses the
 * same driver (postgres.js), so what differs between the two is the design, not the client library.
 *
 * With `withLog`, the same statement also appends the change, both states as JSON, to a table built
 * like the queue the project's writers append their changes to (`change_pending`: its columns,
 * defaults and index), which nothing ever sequences or reads: what a log row costs a write, without
 * anything that orders or delivers it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import type postgres from 'postgres';

interface RecipeRow {
  id: string;
  title: string;
  description: string | null;
  version: number;
}

const STATE = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'authorId', ${alias}.author_id, 'title', ${alias}.title, 'description', ${alias}.description,
    'ingredients', ${alias}.ingredients, 'steps', ${alias}.steps, 'tags', ${alias}.tags, 'cookingMinutes', ${alias}.cooking_minutes,
    'servings', ${alias}.servings, 'createdAt', ${alias}.created_at, 'updatedAt', ${alias}.updated_at, 'version', ${alias}.version)`;

/** The log table, made once per database by whichever textbook server starts first. */
export async function createTextbookLog(sql: postgres.Sql): Promise<void> {
  await sql.unsafe('create table if not exists textbook_change_log (like change_pending including all)');
}

export function textbookWriteHandler(options: {
  sql: postgres.Sql;
  redis: Redis;
  channel: string;
  withLog: boolean;
}): (req: IncomingMessage, res: ServerResponse) => void {
  const { sql, redis, channel, withLog } = options;
  const update = (id: string, title: string | null, description: string | null) =>
    withLog
      ? sql.unsafe<RecipeRow[]>(
          `with old as (select t.id, ${STATE('t')} as state from recipes t where t.id = $1 for update),
           new as (
             update recipes as t
             set title = coalesce($2, t.title), description = coalesce($3, t.description), version = t.version + 1, updated_at = now()
             from old where t.id = old.id
             returning t.*, ${STATE('t')} as state
           ),
           log as (
             insert into textbook_change_log (entity, entity_id, kind, author_id, author_name, before, after)
             select 'recipe', new.id, 'UPDATED', new.author_id, u.name, old.state, new.state
             from new join old on true join users u on u.id = new.author_id
           )
           select id, title, description, version from new`,
          [id, title, description],
          { prepare: true },
        )
      : sql<RecipeRow[]>`
          update recipes
          set title = coalesce(${title}, title),
              description = coalesce(${description}, description),
              version = version + 1, updated_at = now()
          where id = ${id}
          returning *`;

  const schema = createSchema({
    typeDefs: /* GraphQL */ `
      type Recipe { id: ID! title: String! description: String version: Int! }
      input UpdateRecipeInput { title: String description: String expectedVersion: Int }
      type Query { ok: Boolean! }
      type Mutation { updateRecipe(id: ID!, input: UpdateRecipeInput!): Recipe! }
    `,
    resolvers: {
      Query: { ok: () => true },
      Recipe: { id: (row: RecipeRow) => Buffer.from(`Recipe:${row.id}`).toString('base64') },
      Mutation: {
        async updateRecipe(_root: unknown, args: { id: string; input: { title?: string | null; description?: string | null } }) {
          const id = Buffer.from(args.id, 'base64').toString().split(':')[1] ?? '';
          const [row] = await update(id, args.input.title ?? null, args.input.description ?? null);
          if (!row) throw new Error('No recipe with this id exists.');
          await redis.publish(channel, JSON.stringify(row));
          return row;
        },
      },
    },
  });
  const yoga = createYoga({ schema, graphiql: false, logging: false });
  return (req, res) => void yoga(req, res);
}
