import { rm } from 'node:fs/promises';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.js';
import { graphql } from '../generated/index.js';
import { ok } from '../support/clients.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { migrationsUpTo } from '../support/migrations.js';
import { ADD_COMMENT, RECIPES } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const SIGN_IN = graphql(`mutation InboxUpgrade_SignIn($input: SignInInput!) { signIn(input: $input) { token } }`);
const UNREAD = graphql(`query InboxUpgrade_Unread { unreadNotificationCount }`);

describe('upgrading a database that already holds notifications', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let folder: string;

  beforeAll(async () => {
    db = await createTestDatabase('inbox');
    folder = await migrationsUpTo('0003_sequenced_change_log');
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      await migrate(drizzle(sql), { migrationsFolder: folder });
      // Ann has 5 notifications of Bob's comments on her recipe, 3 of them unread, written by the previous version.
      const hash = await hashPassword('long enough');
      const [ann, bob] = await sql<{ id: string }[]>`
        insert into users (email, name, password_hash) values ('ann@example.com', 'Ann', ${hash}), ('bob@example.com', 'Bob', ${hash}) returning id`;
      const [recipe] = await sql<{ id: string }[]>`insert into recipes (author_id, title) values (${ann?.id ?? ''}, 'Soup') returning id`;
      for (let i = 0; i < 5; i++) {
        const [comment] = await sql<{ id: string }[]>`
          insert into comments (target_kind, target_id, author_id, body) values ('recipe', ${recipe?.id ?? ''}, ${bob?.id ?? ''}, ${`c${i}`}) returning id`;
        await sql`insert into notifications (recipient_id, actor_id, comment_id, target_kind, target_id, read)
          values (${ann?.id ?? ''}, ${bob?.id ?? ''}, ${comment?.id ?? ''}, 'recipe', ${recipe?.id ?? ''}, ${i >= 3})`;
      }
    } finally {
      await sql.end();
    }
    server = await startInProcess({ DATABASE_URL: db.url });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('counts the unread notifications that were already there, and keeps counting whoever writes them', async () => {
    const tokenOf = async (email: string) =>
      (await ok(server.url, SIGN_IN, { input: { email, password: 'long enough' } })).signIn.token as string;
    const [ann, bob] = [await tokenOf('ann@example.com'), await tokenOf('bob@example.com')];
    const unread = async () => (await ok(server.url, UNREAD, {}, ann)).unreadNotificationCount;
    expect(await unread()).toBe(3);

    const { recipes } = await ok(server.url, RECIPES, { first: 1 });
    const recipeId = recipes.edges[0]?.node.id ?? '';
    await ok(server.url, ADD_COMMENT, { input: { targetId: recipeId, body: 'One more' } }, bob);
    expect(await unread()).toBe(4);

    // An instance of the previous version, still running during a rolling upgrade, writes
    // notifications without knowing of the count: the database counts them all the same.
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    try {
      await sql.begin(async (tx) => {
        const [comment] = await tx<{ id: string; target_id: string; author_id: string }[]>`
          insert into comments (target_kind, target_id, author_id, body)
          select target_kind, target_id, author_id, 'from the old version' from comments limit 1 returning id, target_id, author_id`;
        await tx`insert into notifications (recipient_id, actor_id, comment_id, target_kind, target_id)
          select r.author_id, ${comment?.author_id ?? ''}, ${comment?.id ?? ''}, 'recipe', r.id from recipes r where r.id = ${comment?.target_id ?? ''}`;
      });
      expect(await unread()).toBe(5);
      await sql`update notifications set read = true where id in (select id from notifications where not read limit 2)`;
      expect(await unread()).toBe(3);
    } finally {
      await sql.end();
    }
  });
});
