import { rm } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import type { Client } from 'graphql-ws';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.js';
import { toGlobalId } from '../../src/graphql/global-ids.js';
import { graphql } from '../generated/index.js';
import { eventually, ok, subscribeWs, wsClient } from '../support/clients.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { migrationsUpTo } from '../support/migrations.js';
import { RECIPE_CHANGED, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const SIGN_IN = graphql(`mutation LogUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }`);

/** The recipe's state as the change log holds it, with another title. */
const stateWithTitle = (title: string) => `json_build_object('id', r.id, 'authorId', r.author_id, 'title', ${title},
  'description', r.description, 'ingredients', r.ingredients, 'steps', r.steps, 'tags', r.tags,
  'cookingMinutes', r.cooking_minutes, 'servings', r.servings, 'createdAt', r.created_at, 'updatedAt', r.updated_at, 'version', r.version)`;

/** A change appended as the previous version appends one: to change_log, without a position. */
const appendAsPreviousVersion = (sql: postgres.Sql, recipeId: string, title: string) =>
  sql.unsafe(
    `insert into change_log (entity, entity_id, kind, author_id, author_name, before, after, detail)
     select 'recipe', r.id, 'UPDATED', r.author_id, 'Ann', ${stateWithTitle('r.title')}, ${stateWithTitle('$2::text')}, null
     from recipes r where r.id = $1::uuid`,
    [recipeId, title],
  );

describe('upgrading a log whose changes waited for their position inside it', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let folder: string;
  let sql: postgres.Sql;
  let client: Client | undefined;
  let recipeId = '';

  beforeAll(async () => {
    db = await createTestDatabase('logup');
    folder = await migrationsUpTo('0006_log_states_as_json');
    sql = postgres(db.url, { max: 1, onnotice: () => {} });
    await migrate(drizzle(sql), { migrationsFolder: folder });
    const [ann] = await sql<{ id: string }[]>`
      insert into users (email, name, password_hash) values ('ann@example.com', 'Ann', ${await hashPassword('long enough')}) returning id`;
    const [recipe] = await sql<{ id: string }[]>`insert into recipes (author_id, title) values (${ann?.id ?? ''}, 'Soup') returning id`;
    recipeId = recipe?.id ?? '';
    // In the previous layout: the recipe's creation has its position, and an edit committed just
    // before the upgrade is still waiting for one.
    await sql.unsafe(
      `insert into change_log (position, entity, entity_id, kind, author_id, author_name, before, after)
       select 1, 'recipe', r.id, 'CREATED', r.author_id, 'Ann', null, ${stateWithTitle('r.title')} from recipes r`,
    );
    await appendAsPreviousVersion(sql, recipeId, 'Soup, salted');
    server = await startInProcess({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await client?.dispose();
    await server?.stop();
    await sql?.end();
    await db?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('gives the change that was waiting the next position, and sequences the changes an instance of the previous version still appends', async () => {
    const logged = () => sql<{ position: string; kind: string; title: string }[]>`
      select position, kind, after->>'title' as title from change_log order by position`;
    expect(await eventually(logged, (rows) => rows.length === 2)).toEqual([
      { position: '1', kind: 'CREATED', title: 'Soup' },
      { position: '2', kind: 'UPDATED', title: 'Soup, salted' },
    ]);

    const { token } = (await ok(server.url, SIGN_IN, { input: { email: 'ann@example.com', password: 'long enough' } })).signIn;
    client = wsClient(server.wsUrl, token);
    const changes = subscribeWs(client, RECIPE_CHANGED, { id: toGlobalId('Recipe', recipeId) });
    // A write through this version shows the subscription is live before the previous version's.
    await eventually(
      async () => {
        await ok(server.url, UPDATE_RECIPE, { id: toGlobalId('Recipe', recipeId), input: { title: `Soup ${Date.now()}` } }, token);
        return changes.events.length;
      },
      (count) => count > 0,
    );
    await appendAsPreviousVersion(sql, recipeId, 'Soup, from the previous version');

    const last = await eventually(
      async () => changes.events.at(-1),
      (event) => event?.recipe?.title === 'Soup, from the previous version',
    );
    expect(last?.kind).toBe('UPDATED');
    const rows = await logged();
    expect(rows.at(-1)).toEqual({ position: String(rows.length), kind: 'UPDATED', title: 'Soup, from the previous version' });
    expect((await sql`select count(*)::int as n from change_pending`)[0]?.n).toBe(0);
  });
});
