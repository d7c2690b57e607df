import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviveChange } from '../../src/changes/change.js';
import { readChanges, sequenceChanges } from '../../src/changes/log.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import { changeLog, type RecipeRow } from '../../src/db/schema.js';
import { addComment, deleteComment } from '../../src/model/comments.js';
import { createRecipe, updateRecipe } from '../../src/model/recipes.js';
import { signUp } from '../../src/model/users.js';
import { appendChanges } from '../support/append-changes.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const WRITERS = 60;

describe('change log positions under concurrent writers', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('order');
    database = await openDatabase({ url: testDb.url, pgliteDir: 'memory://', poolSize: 12 });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  it('never lets a reader that moved past a position miss a lower one that commits later', async () => {
    const { db } = database;
    const author = { id: randomUUID(), name: 'Writer' };
    // Each writer stalls at random before and after appending, and one in six rolls back, so
    // commit order differs from append order. One in five dies (as it were) between commit and
    // sequencing: its change waits for another writer's call or the sweep below.
    const writer = async (i: number) => {
      try {
        await db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(${Math.random() * 0.02})`);
          await appendChanges(tx, [
            { entity: 'recipe', entityId: randomUUID(), kind: 'CREATED', author, before: null, after: { i } as unknown as RecipeRow },
          ]);
          await tx.execute(sql`select pg_sleep(${Math.random() * 0.03})`);
          if (i % 6 === 0) throw new Error('roll back');
        });
        if (i % 5 !== 0) await sequenceChanges(db, 1_000);
      } catch (error) {
        if (!(error instanceof Error) || error.message !== 'roll back') throw error;
      }
    };

    // A reader that resumes after the highest position it has seen, as a subscriber with a cursor does.
    const seen: number[] = [];
    let writing = true;
    const reader = (async () => {
      let highWater = 0;
      while (writing) {
        for (const change of await readChanges(db, { after: highWater, limit: 1_000 })) {
          seen.push(change.position);
          highWater = change.position;
        }
      }
      for (const change of await readChanges(db, { after: highWater, limit: 1_000 })) seen.push(change.position);
    })();

    await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
    await sequenceChanges(db, 1_000);
    writing = false;
    await reader;

    const committed = (await db.select({ position: changeLog.position }).from(changeLog).orderBy(changeLog.position)).map(
      (r) => r.position,
    );
    expect(committed).toHaveLength(WRITERS - Math.ceil(WRITERS / 6));
    // Dense: positions are given only to committed changes, one after another.
    expect(committed).toEqual(committed.map((_, i) => i + 1));
    expect(seen).toEqual(committed);
  });

  it("appends a comment's change before its notification's, with the unread count rising in log order under concurrent comments", async () => {
    const { db } = database;
    const account = (name: string) => signUp(db, { email: `${randomUUID()}@example.com`, password: 'correct horse battery', name });
    const author = await account('Author');
    const commenters = await Promise.all(Array.from({ length: 12 }, (_, i) => account(`Commenter ${i}`)));
    const recipe = (await createRecipe(db, author, { title: 'Bread' })).result;
    const head = await sequenceChanges(db, 1_000);

    const added = await Promise.all(
      commenters.map((commenter, i) => addComment(db, commenter, { kind: 'recipe', id: recipe.id }, { body: `Comment ${i}` })),
    );
    expect(added.map((write) => write.appended)).toEqual(commenters.map(() => 2));
    await sequenceChanges(db, 1_000);

    const changes = await readChanges(db, { after: head.last ?? 0, limit: 1_000 });
    for (const write of added) {
      const comment = changes.findIndex((change) => change.entity === 'comment' && change.entityId === write.result.id);
      const notification = changes.findIndex(
        (change) => change.entity === 'notification' && (change.after as { commentId?: string } | null)?.commentId === write.result.id,
      );
      expect(comment).toBeGreaterThanOrEqual(0);
      expect(notification).toBeGreaterThan(comment);
    }
    const counts = changes
      .filter((change) => change.entity === 'notification')
      .map((change) => (change.detail as { unreadCount: number }).unreadCount);
    expect(counts).toEqual(commenters.map((_, i) => i + 1));

    // Removing comments takes their notifications first, each change with the count after it.
    const removedFrom = changes.at(-1)?.position ?? 0;
    await Promise.all(added.slice(0, 4).map((write, i) => deleteComment(db, commenters[i] as { id: string }, write.result.id)));
    await sequenceChanges(db, 1_000);
    const removals = await readChanges(db, { after: removedFrom, limit: 1_000 });
    expect(removals.map((change) => `${change.entity} ${change.kind}`)).toEqual(
      Array.from({ length: 4 }, () => ['notification DELETED', 'comment DELETED']).flat(),
    );
    expect(
      removals.filter((change) => change.entity === 'notification').map((change) => (change.detail as { unreadCount: number }).unreadCount),
    ).toEqual([11, 10, 9, 8]);
  });
});

describe('the message a sequencer call hands to the bus', () => {
  for (const driver of ['PostgreSQL', 'PGlite'] as const) {
    it(`carries every change as the log holds it, whatever its text (${driver})`, async () => {
      const testDb = driver === 'PostgreSQL' ? await createTestDatabase('busmsg') : undefined;
      const database = await openDatabase({ url: testDb?.url, pgliteDir: 'memory://' });
      try {
        const { db } = database;
        const account = (name: string) => signUp(db, { email: `${randomUUID()}@example.com`, password: 'correct horse battery', name });
        const author = await account('Zoë "Chef" O\'Neil \\ 😀');
        const guest = await account('Guest </script>');
        const recipe = (await createRecipe(db, author, { title: 'Tarte "Tatin" \\ ✓', ingredients: ['two\neggs', 'flour'], tags: ['fr'] }))
          .result;
        await updateRecipe(db, author, recipe.id, { description: 'Line one\n\ttabbed "quoted"' });
        await addComment(db, guest, { kind: 'recipe', id: recipe.id }, { body: 'Très bon! \\o/' });

        const batch = await sequenceChanges(db, 1_000);
        const fromLog = await readChanges(db, { after: 0, limit: 1_000 });
        // A recipe created and updated, a comment and its author's notification.
        expect(fromLog.map((change) => `${change.entity} ${change.kind}`)).toEqual([
          'recipe CREATED',
          'recipe UPDATED',
          'comment CREATED',
          'notification CREATED',
        ]);
        expect(batch.count).toBe(fromLog.length);
        expect(batch.last).toBe(fromLog.at(-1)?.position);
        const fromBus = (JSON.parse(batch.changesJson) as Parameters<typeof reviveChange>[0][]).map(reviveChange);
        expect(fromBus).toEqual(fromLog);
        expect(fromBus[1]?.authorName).toBe('Zoë "Chef" O\'Neil \\ 😀');
      } finally {
        await database.close();
        await testDb?.drop();
      }
    });
  }
});
