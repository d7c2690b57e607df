import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, rowsOf } from '../../src/db/client.js';
import type { RecipeRow } from '../../src/db/schema.js';
import { DomainError } from '../../src/model/errors.js';
import { createRecipe, updateRecipe } from '../../src/model/recipes.js';
import { signUp } from '../../src/model/users.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

/** What one update answered: its row, or the kind of error it was refused with. */
async function outcomeOf(write: Promise<{ result: RecipeRow; appended: number }>) {
  try {
    const { result, appended } = await write;
    return { title: result.title, version: result.version, appended };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.kind };
    throw error;
  }
}

describe.each(['PostgreSQL', 'PGlite'] as const)('updates that arrive together, on %s', (driver) => {
  let testDb: TestDatabase | undefined;
  let database: Database;
  let url = '';

  beforeAll(async () => {
    if (driver === 'PostgreSQL') {
      testDb = await createTestDatabase('batches');
      url = testDb.url;
    }
    database = await openDatabase({ url: url || undefined, pgliteDir: 'memory://', poolSize: 4 });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const cook = async (name: string) => {
    const user = await signUp(database.db, { email: `${randomUUID()}@example.com`, password: 'a long password', name });
    const recipe = async (title: string) => (await createRecipe(database.db, user, { title })).result;
    return { viewer: { id: user.id }, recipe };
  };
  /** Rows written by one transaction share its id (xmin). */
  const transactionsThatWrote = async (ids: string[]) => {
    const rows = await rowsOf<{ writers: number }>(
      database.db,
      sql`select count(distinct xmin::text)::int as writers from recipes where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
    return rows[0]?.writers;
  };

  it('commit in one statement while another is in flight, each answered as if it ran alone', async () => {
    const ann = await cook('Ann');
    const bob = await cook('Bob');
    const mine = await Promise.all(Array.from({ length: 8 }, (_, i) => ann.recipe(`Soup ${i}`)));
    const bobs = await bob.recipe("Bob's bread");
    const unchanged = await ann.recipe('Same title');
    const moved = await ann.recipe('Moved on');

    // Sent without waiting: the first goes at once, the rest wait for it and go together.
    const writes = [
      ...mine.map((recipe, i) => updateRecipe(database.db, ann.viewer, recipe.id, { title: `Soup ${i}, again` })),
      updateRecipe(database.db, ann.viewer, bobs.id, { title: 'Not mine' }),
      updateRecipe(database.db, ann.viewer, randomUUID(), { title: 'Nowhere' }),
      updateRecipe(database.db, ann.viewer, unchanged.id, { title: 'Same title' }),
      updateRecipe(database.db, ann.viewer, moved.id, { title: 'Stale', expectedVersion: 7 }),
    ];
    const outcomes = await Promise.all(writes.map(outcomeOf));

    expect(outcomes).toEqual([
      ...mine.map((_, i) => ({ title: `Soup ${i}, again`, version: 2, appended: 1 })),
      { refused: 'forbidden' },
      { refused: 'not-found' },
      { title: 'Same title', version: 1, appended: 0 },
      { refused: 'conflict' },
    ]);
    expect(await transactionsThatWrote(mine.map((recipe) => recipe.id))).toBe(2);
    const untouched = await rowsOf<{ title: string; version: number }>(
      database.db,
      sql`select title, version from recipes where id in (${bobs.id}::uuid, ${moved.id}::uuid) order by title`,
    );
    expect(untouched).toEqual([
      { title: "Bob's bread", version: 1 },
      { title: 'Moved on', version: 1 },
    ]);
    // One UPDATED change per write that changed something.
    const appended = await rowsOf<{ entity_id: string }>(
      database.db,
      sql`select entity_id::text from change_pending where kind = 'UPDATED' union all select entity_id::text from change_log where kind = 'UPDATED'`,
    );
    const written = new Set([...mine, bobs, unchanged, moved].map((recipe) => recipe.id));
    expect(
      appended
        .map((row) => row.entity_id)
        .filter((id) => written.has(id))
        .sort(),
    ).toEqual(mine.map((recipe) => recipe.id).sort());
  });

  it("apply one row's updates in the order they were sent", async () => {
    const ann = await cook('Ann');
    const recipe = await ann.recipe('Stew');
    const writes = Array.from({ length: 6 }, (_, i) => updateRecipe(database.db, ann.viewer, recipe.id, { title: `Stew ${i}` }));
    const outcomes = await Promise.all(writes.map(outcomeOf));
    expect(outcomes).toEqual(Array.from({ length: 6 }, (_, i) => ({ title: `Stew ${i}`, version: i + 2, appended: 1 })));
  });

  it("fail only the write whose values the batch's statement cannot take; the others commit", async () => {
    const ann = await cook('Ann');
    const recipes = await Promise.all(Array.from({ length: 5 }, (_, i) => ann.recipe(`Pie ${i}`)));
    // A lone surrogate travels to PostgreSQL as U+FFFD in a parameter of its own, but its JSON
    // escape breaks the batch's input: that batch fails and each of its writes runs alone.
    const titles = recipes.map((_, i) => (i === 2 ? 'Pie \ud800' : `Pie ${i}, again`));
    const outcomes = await Promise.all(
      recipes.map((recipe, i) => outcomeOf(updateRecipe(database.db, ann.viewer, recipe.id, { title: titles[i] }))),
    );
    expect(outcomes).toEqual(titles.map((title, i) => ({ title: i === 2 ? 'Pie \ufffd' : title, version: 2, appended: 1 })));
    const stored = await rowsOf<{ title: string }>(database.db, sql`select title from recipes where id = ${recipes[2]?.id}::uuid`);
    expect(stored[0]?.title).toBe('Pie \ufffd');
  });

  it.skipIf(driver === 'PGlite')('let the other writes through while another transaction holds one row', async () => {
    const ann = await cook('Ann');
    const held = await ann.recipe('Held');
    const others = await Promise.all(Array.from({ length: 5 }, (_, i) => ann.recipe(`Free ${i}`)));
    const holder = postgres(url, { max: 1, onnotice: () => {} });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    try {
      let locked: () => void = () => {};
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holding = holder.begin(async (tx) => {
        await tx`select id from recipes where id = ${held.id} for update`;
        locked();
        await released;
      });
      await isLocked;

      let heldDone = false;
      const heldWrite = outcomeOf(updateRecipe(database.db, ann.viewer, held.id, { title: 'Held, then written' })).finally(
        () => (heldDone = true),
      );
      const freeWrites = others.map((recipe, i) =>
        outcomeOf(updateRecipe(database.db, ann.viewer, recipe.id, { title: `Free ${i}, again` })),
      );
      const freed = await Promise.race([Promise.all(freeWrites), sleep(15_000).then(() => 'held up' as const)]);
      expect(freed).toEqual(others.map((_, i) => ({ title: `Free ${i}, again`, version: 2, appended: 1 })));
      expect(heldDone).toBe(false);

      release();
      await holding;
      expect(await heldWrite).toEqual({ title: 'Held, then written', version: 2, appended: 1 });
    } finally {
      release();
      await holder.end();
    }
  });
});
