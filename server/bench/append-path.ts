/**
 * The append path against the same transactions without any ordering mechanism, straight against
 * PostgreSQL (no HTTP, no GraphQL). Each of --clients connections updates its own recipe in a loop
 * with the statement the server runs for `updateRecipe` (row, author and change-log row in one
 * statement), in up to five modes:
 *   textbook   the textbook write beside it: `UPDATE … RETURNING` of the row alone, no change log,
 *              which shows what the log row and the author's row cost PostgreSQL;
 *   unordered  the statement alone: the change rows never get a position (the ceiling);
 *   sequenced  the statement, then a nudge to one coalescing Sequencer that gives the change its
 *              position after commit, without waiting for it, as one instance of the server
 *              answers a mutation (printed too: how many changes were without a position when the
 *              clock stopped, which shows whether sequencing keeps up);
 *   awaited    as sequenced, but each write waits for its position before the next, as mutations
 *              answered before this commit (the design's previous figure, in the same run);
 *   locked     the statement inside a transaction that first takes one global advisory lock and
 *              holds it to commit: the design that assigns positions in commit order by
 *              serialising writers.
 * With --aged N the log first takes N changes, appended and sequenced in bulk, with autovacuum off
 * for the log's tables: the log as it is between two autovacuum visits once N changes have been
 * sequenced since the last one (autovacuum waits for a fifth of a table to be dead, and the log
 * keeps a week). The sequencer runs its sweep as an instance does, and with it what upkeep of the
 * log's tables an instance does itself.
 * Printed per client count and mode: transactions/s and PostgreSQL CPU per transaction (every
 * backend of the benchmark's database: the writers', the sequencer's), then each mode's ratio to
 * unordered per round and their median, for both. Rounds alternate the order of the modes.
 *
 *   npm run bench:append -- --clients 1,8,32 --seconds 5 --rounds 3 --modes textbook,unordered,sequenced,awaited,locked
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import type { Publisher } from '../src/changes/publisher.js';
import { Sequencer } from '../src/changes/sequencer.js';
import { type Database, openDatabase, rowsOf } from '../src/db/client.js';
import { changePending, recipes, users } from '../src/db/schema.js';
import { rowTable } from '../src/model/row-table.js';
import { createTestDatabase } from '../test/support/database.js';
import { cpuSeconds } from './support/processes.js';
import { describeRatios } from './support/statistics.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '1,8,32' },
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    modes: { type: 'string', default: 'unordered,sequenced,awaited,locked' },
    aged: { type: 'string', default: '0' },
  },
});
const AGED = Number(values.aged);
const COUNTS = values.clients.split(',').map(Number);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
type Mode = 'textbook' | 'unordered' | 'sequenced' | 'awaited' | 'locked';
const MODES = values.modes.split(',') as Mode[];
if (!MODES.includes('unordered')) throw new Error('--modes must include unordered, the ceiling the others are compared with');

const rows = rowTable(recipes, 'recipe', ['title', 'description', 'ingredients', 'steps', 'tags', 'cookingMinutes', 'servings']);
const nothingPublished: Publisher = { publish: () => {}, flush: async () => {} };

/** CPU seconds so far of every backend of the benchmark's database. */
async function backendCpu(database: Database): Promise<number> {
  const pids = await rowsOf<{ pid: number }>(database.db, sql`select pid from pg_stat_activity where datname = current_database()`);
  const readings = await Promise.all(pids.map((row) => cpuSeconds(Number(row.pid)).catch(() => 0)));
  return readings.reduce((sum, cpu) => sum + cpu, 0);
}

async function run(
  database: Database,
  mode: Mode,
  authorId: string,
  recipeIds: string[],
): Promise<{ rate: number; waiting: number; cpuPerTx: number }> {
  const { db } = database;
  const sequencer = new Sequencer(db, nothingPublished, pino({ level: 'silent' }));
  if (mode === 'sequenced' || mode === 'awaited') sequencer.startSweeping(1_000);
  let done = 0;
  let stop = false;
  const write = async (id: string, n: number) => {
    if (mode === 'locked') {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(727311099)`);
        await rows.updateAndAppend(tx, authorId, id, { title: `take ${n}` }, null);
      });
      return;
    }
    if (mode === 'textbook') {
      await db.execute(
        sql`update recipes set title = ${`take ${n}`}, version = version + 1, updated_at = now() where id = ${id} returning *`,
      );
      return;
    }
    await rows.updateAndAppend(db, authorId, id, { title: `take ${n}` }, null);
    if (mode === 'sequenced') void sequencer.afterCommit();
    if (mode === 'awaited') await sequencer.sequence();
  };
  const loops = recipeIds.map(async (id) => {
    for (let n = 0; !stop; n++) {
      await write(id, n);
      done++;
    }
  });
  await new Promise((r) => setTimeout(r, 500));
  const startedWith = done;
  const cpuBefore = await backendCpu(database);
  const started = performance.now();
  await new Promise((r) => setTimeout(r, SECONDS * 1_000));
  const rate = (done - startedWith) / ((performance.now() - started) / 1_000);
  const cpuPerTx = (await backendCpu(database)) - cpuBefore;
  const counted = done - startedWith;
  const waiting = mode === 'sequenced' || mode === 'awaited' ? await db.$count(changePending) : 0;
  stop = true;
  await Promise.all(loops);
  // Leaves no unsequenced rows behind for the next phase's sequencer to take over.
  await sequencer.sequence();
  await sequencer.stop();
  return { rate, waiting, cpuPerTx: cpuPerTx / counted };
}

/** Appends and sequences `count` changes in bulk, with autovacuum off for the log's tables (see --aged). */
async function age(database: Database, authorId: string, count: number): Promise<void> {
  for (const table of ['change_log', 'change_pending']) {
    await database.db.execute(sql.raw(`alter table ${table} set (autovacuum_enabled = false)`));
  }
  await database.db.execute(sql`insert into change_pending (entity, entity_id, kind, author_id, author_name, before, after)
    select 'recipe', gen_random_uuid(), 'UPDATED', ${authorId}, 'Bench', '{}'::json, '{}'::json from generate_series(1, ${count})`);
  await database.db.execute(sql`select count(*) from sequence_changes(${count})`);
}

async function main() {
  const testDb = await createTestDatabase('append');
  try {
    for (const clients of COUNTS) {
      const database = await openDatabase({ url: testDb.url, pgliteDir: 'memory://', poolSize: clients + 1 });
      try {
        const [author] = await database.db
          .insert(users)
          .values({ email: `bench-${clients}@example.com`, name: 'Bench', passwordHash: 'x' })
          .returning();
        if (!author) throw new Error('no author');
        const created = await database.db
          .insert(recipes)
          .values(Array.from({ length: clients }, (_, i) => ({ authorId: author.id, title: `Recipe ${i}` })))
          .returning({ id: recipes.id });
        const ids = created.map((row) => row.id);
        if (AGED > 0) await age(database, author.id, AGED);
        const rates: Record<Mode, number[]> = { textbook: [], unordered: [], sequenced: [], awaited: [], locked: [] };
        const cpus: Record<Mode, number[]> = { textbook: [], unordered: [], sequenced: [], awaited: [], locked: [] };
        for (let round = 1; round <= ROUNDS; round++) {
          const order = round % 2 === 1 ? MODES : [...MODES].reverse();
          for (const mode of order) {
            const { rate, waiting, cpuPerTx } = await run(database, mode, author.id, ids);
            rates[mode].push(rate);
            cpus[mode].push(cpuPerTx);
            const backlog = mode === 'sequenced' || mode === 'awaited' ? `  ${waiting} without a position when the clock stopped` : '';
            console.log(
              `${String(clients).padStart(2)} clients  ${mode.padEnd(9)}  round ${round}  ${rate.toFixed(0).padStart(6)} tx/s  postgres ${(cpuPerTx * 1_000).toFixed(3)} ms/tx${backlog}`,
            );
          }
        }
        const ratios = (mode: Mode) => rates[mode].map((rate, i) => rate / (rates.unordered[i] ?? Number.NaN));
        const cpuRatios = (mode: Mode) => cpus[mode].map((cpu, i) => cpu / (cpus.unordered[i] ?? Number.NaN));
        for (const mode of MODES.filter((m) => m !== 'unordered')) {
          console.log(`${String(clients).padStart(2)} clients  ${`${mode}/unordered`.padEnd(19)} tx/s ${describeRatios(ratios(mode))}`);
          console.log(
            `${String(clients).padStart(2)} clients  ${`${mode}/unordered`.padEnd(19)} postgres CPU/tx ${describeRatios(cpuRatios(mode))}`,
          );
        }
        console.log('');
      } finally {
        await database.close();
      }
    }
  } finally {
    await testDb.drop();
  }
}

await main();
