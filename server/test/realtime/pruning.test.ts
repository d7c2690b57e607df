import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { horizonPosition, pruneChanges, readChanges, sequenceChanges } from '../../src/changes/log.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import type { RecipeRow } from '../../src/db/schema.js';
import { appendChanges } from '../support/append-changes.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';

const DAY = 24 * 60 * 60 * 1000;

describe('pruning the change log', () => {
  let testDb: TestDatabase;
  let database: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase('prune');
    database = await openDatabase({ url: testDb.url, pgliteDir: 'memory://', poolSize: 2 });
  });
  afterAll(async () => {
    await database?.close();
    await testDb?.drop();
  });

  const append = async (count: number) => {
    const author = { id: randomUUID(), name: 'Writer' };
    await database.db.transaction((tx) =>
      appendChanges(
        tx,
        Array.from({ length: count }, (_, i) => ({
          entity: 'recipe' as const,
          entityId: randomUUID(),
          kind: 'CREATED' as const,
          author,
          before: null,
          after: { i } as unknown as RecipeRow,
        })),
      ),
    );
    await sequenceChanges(database.db, 10_000);
  };

  it('removes every change older than the retention over many pages, keeps the newer ones and records the horizon', async () => {
    await append(2_500);
    await database.db.execute(sql`update change_log set occurred_at = now() - interval '8 days'`);
    await append(10);

    expect(await pruneChanges(database.db, 7 * DAY)).toBe(2_500);
    expect(await horizonPosition(database.db)).toBe(2_500);
    const left = await readChanges(database.db, { after: 0, limit: 100 });
    expect(left.map((change) => change.position)).toEqual(Array.from({ length: 10 }, (_, i) => 2_501 + i));
    expect(await pruneChanges(database.db, 7 * DAY)).toBe(0);
  });
});
