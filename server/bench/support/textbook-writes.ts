/**
 * The baseline for the write benchmark: the textbook durable write of a GraphQL server that
 * streams changes. Yoga serves `updateRecipe`, which runs one `UPDATE … RETURNING` (autocommit)
 * and then one Redis `PUBLISH` of the new row. No change log, no ordering, no authorization, no
 * rate limit: it is a ruler, not a server. It takes the same document and variables as the
 * project (a Relay global id) and uses the same driver (postgres.js), so what differs between the
 * two is the design, not the client library.
 *
 *   PORT=… DATABASE_URL=… REDIS_URL=… REDIS_KEY_PREFIX=… tsx bench/support/textbook-writes.ts
 */
import { createServer } from 'node:http';
import { createSchema, createYoga } from 'graphql-yoga';
import { Redis } from 'ioredis';
import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL ?? '', { max: 10, onnotice: () => {} });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const channel = `${process.env.REDIS_KEY_PREFIX ?? ''}textbook-changes`;

interface RecipeRow {
  id: string;
  title: string;
  description: string | null;
  version: number;
}

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
        const [row] = await sql<RecipeRow[]>`
          update recipes
          set title = coalesce(${args.input.title ?? null}, title),
              description = coalesce(${args.input.description ?? null}, description),
              version = version + 1, updated_at = now()
          where id = ${id}
          returning *`;
        if (!row) throw new Error('No recipe with this id exists.');
        await redis.publish(channel, JSON.stringify(row));
        return row;
      },
    },
  },
});

const yoga = createYoga({ schema, graphiql: false, logging: false });
const http = createServer((req, res) => {
  if (req.url === '/health' || req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  void yoga(req, res);
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => {
  http.close();
  void Promise.allSettled([sql.end({ timeout: 2 }), redis.quit()]).then(() => process.exit(0));
});
