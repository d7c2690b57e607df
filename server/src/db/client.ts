/** The database connection: PostgreSQL or embedded PGlite behind one drizzle type, migrated on open. */

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { type PgDatabase, PgDialect, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

type Schema = typeof schema;

/** One type for both drivers, so model code never knows which database it runs on. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Db | Tx;

/**
 * The rows of a raw statement, whichever driver ran it: postgres.js answers with the rows
 * themselves, PGlite with an object that holds them.
 */
export async function rowsOf<Row>(db: Queryable, statement: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(statement);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
}

/**
 * A statement for a hot path, turned into text once, with `sql.placeholder` where its values go,
 * and run as one prepared query per database: what `db.execute` would otherwise redo on every call
 * (walking the statement's parts to build a text of some kilobytes) is done once. Like `rowsOf`,
 * it answers with the rows whichever driver ran it.
 */
export function preparedStatement<Row>(statement: SQL): (db: Queryable, values: Record<string, unknown>) => Promise<Row[]> {
  const query = new PgDialect().sqlToQuery(statement);
  const prepared = new WeakMap<Queryable, ReturnType<Db['_']['session']['prepareQuery']>>();
  return async (db, values) => {
    let run = prepared.get(db);
    if (!run) {
      run = db._.session.prepareQuery(query, undefined, undefined, false);
      prepared.set(db, run);
    }
    const result: unknown = await run.execute(values);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Row[];
  };
}

export interface Database {
  db: Db;
  /** Human-readable description for the start-up log, without credentials. */
  describe: string;
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** Arbitrary constant shared by every instance so concurrent starts migrate one at a time. */
const MIGRATION_LOCK = 727_311_001;

export interface DatabaseOptions {
  url: string | undefined;
  pgliteDir: string;
  /** Connections per instance; PostgreSQL's max_connections is shared by every instance. */
  poolSize?: number;
  onQuery?: () => void;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const logger = options.onQuery ? { logQuery: options.onQuery } : undefined;
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10, logger);
  return openPglite(options.pgliteDir, logger);
}

async function openPostgres(url: string, poolSize: number, logger: { logQuery: () => void } | undefined): Promise<Database> {
  // One connection, so the session-level lock and the migration share it.
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(migrator), { migrationsFolder });
  } finally {
    await migrator.end({ timeout: 5 });
  }
  // Idle connections go back after a while, so many instances share max_connections fairly.
  // A transaction whose instance stalls (a starved event loop, a paused host) keeps its row locks;
  // PostgreSQL ends it after 10 s idle, so writers of those rows on other instances wait no longer.
  const client = postgres(url, {
    max: poolSize,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: 'live-recipes', idle_in_transaction_session_timeout: 10_000 },
  });
  const db: Db = drizzlePostgres(preparingEveryQuery(client), { schema, logger });
  const parsed = new URL(url);
  return {
    db,
    describe: `PostgreSQL ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`,
    ping: async () => {
      await client`select 1`;
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/**
 * drizzle asks postgres.js not to prepare any query it was not given a name for, so PostgreSQL
 * parses and plans every statement afresh: for the one-statement writes that is most of the
 * database's CPU per write (1.2 ms planned each time against 0.2 ms prepared). Prepared, each
 * connection plans a query text once and keeps it. drizzle builds texts with placeholders, so the
 * texts a connection keeps are bounded by the shapes of the code's queries (an `IN` list is one
 * text per length, up to the largest page), and a connection is replaced after its lifetime.
 */
function preparingEveryQuery(client: postgres.Sql): postgres.Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (query: string, parameters?: postgres.ParameterOrJSON<never>[], options?: postgres.UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === 'begin') {
        return (callback: (tx: postgres.TransactionSql) => unknown) =>
          target.begin((tx) => callback(preparingEveryQuery(tx as unknown as postgres.Sql) as unknown as postgres.TransactionSql));
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

async function openPglite(dir: string, logger: { logQuery: () => void } | undefined): Promise<Database> {
  const inMemory = dir === 'memory://';
  if (!inMemory) await mkdir(path.resolve(dir), { recursive: true });
  // PostgreSQL's 128 MB of shared buffers stay resident inside PGlite's WebAssembly memory even
  // when idle; a development database is small, and 16 MB takes ~110 MB off an idle server.
  // Written into postgresql.conf when the data folder is created.
  const client = new PGlite(inMemory ? undefined : path.resolve(dir), { postgresqlconf: ['shared_buffers=16MB'] });
  await client.waitReady;
  const db: Db = drizzlePglite(client, { schema, logger });
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  return {
    db,
    describe: inMemory ? 'embedded PGlite (in memory)' : `embedded PGlite at ${path.resolve(dir)}`,
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => client.close(),
  };
}
