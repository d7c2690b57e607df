/**
 * Write benchmark against the textbook durable write, in one run. Phases on one PostgreSQL
 * database and one Redis prefix:
 *   textbook  --instances servers of bench/support/textbook-writes.ts: Yoga, one `UPDATE … RETURNING`,
 *             one `PUBLISH`; no change log, no ordering, no authorization, no rate limit;
 *   logged    the same servers with the statement also appending the change, both states as JSON,
 *             to a table built like the queue where the project appends its changes
 *             (change_pending), which nothing sequences or reads: the least a write that keeps a
 *             log costs (only with `--phases textbook,logged,…`);
 *   project   --instances instances of this server, `updateRecipe` with every guarantee it makes;
 *   comment   the same instances, `addComment` on another writer's recipe, so each write also
 *             creates a notification for the recipe's author (two changes in one transaction).
 * --writers concurrent writers (HTTP keep-alive), each signed in as its own user and writing its
 * own recipe, spread round robin over the instances, write as fast as answers come back for
 * --seconds after --warmup seconds (10 unless given) that are not measured, so every server is
 * measured in its steady state: in its first seconds of writes an instance fills its window of
 * recent changes (10,000) and grows its heap, and V8 is still compiling its code, which made the
 * first round of a run read 0.1–0.2 lower than the next with a 3 s warm-up. Printed per phase: writes/s, server CPU per write (every
 * instance of the phase), PostgreSQL CPU per write (the backends serving the benchmark's database),
 * p50/p99 and failures; then each round's ratios to the textbook phase of the same round and their
 * median. Rounds alternate the phase order; every phase starts from a vacuumed database and is
 * measured after an ANALYZE of what its warm-up wrote, since the plans the servers cached while
 * the tables were empty last until one (a database in service has its statistics). Every measured server runs with the Docker image's
 * NODE_ENV, MALLOC_ARENA_MAX and NODE_OPTIONS. The project runs with its write limit raised out
 * of the way (still checked on every write), as a deployment whose users stay within it.
 *
 *   npm run bench:writes -- --writers 32 --instances 2 --seconds 10 --rounds 2
 *
 * SERVER_NODE_ARGS=--cpu-prof profiles the servers.
 */
import { readFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { ok, signUp } from '../test/support/clients.js';
import { ADMIN_URL, createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { CREATE_RECIPE } from '../test/support/operations.js';
import { cpuSeconds, DEPLOYED_ENV, type Measured, spawnProjectInstance, spawnTextbookWriteInstance } from './support/processes.js';
import { describeRatios, percentile } from './support/statistics.js';
import { createTextbookLog } from './support/textbook-write.js';

const { values } = parseArgs({
  options: {
    writers: { type: 'string', default: '32' },
    instances: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '2' },
    phases: { type: 'string', default: 'textbook,project,comment' },
    warmup: { type: 'string', default: '10' },
    // 0 turns the project's write limit off, and with it the limit's Redis round trip per write.
    'write-limit': { type: 'string', default: '1000000/1s' },
  },
});
const WRITERS = Number(values.writers);
const INSTANCES = Number(values.instances);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const PHASES = values.phases.split(',') as Phase[];
const WARMUP_SECONDS = Number(values.warmup);

type Phase = 'textbook' | 'logged' | 'project' | 'comment';

const UPDATE = 'mutation Update($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { id title version } }';
const COMMENT = 'mutation Comment($input: AddCommentInput!) { addComment(input: $input) { id body version } }';

interface Writer {
  token: string;
  recipeId: string;
}

interface Figures {
  phase: Phase;
  round: number;
  writes: number;
  failures: number;
  seconds: number;
  serverCpu: number;
  postgresCpu: number;
  /** The benchmark's own process: the writers' HTTP clients. */
  clientCpu: number;
  redisCpu: number;
  /** Transactions PostgreSQL committed in the benchmark's database: statements run outside one count one each. */
  commits: number;
  /** Every process on the machine, from /proc/stat. */
  machineCpu: number;
  p50: number;
  p99: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 1024 });

/** One POST on a kept-alive connection; resolves with whether the answer had no errors. */
function post(url: string, token: string, body: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      `${url}/graphql`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve(res.statusCode === 200 && !text.includes('"errors"')));
      },
    );
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

/** The backends serving `database`, as the benchmark's own admin connection sees them. */
async function backendPids(admin: postgres.Sql, database: string): Promise<number[]> {
  const rows = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and pid <> pg_backend_pid()`;
  return rows.map((row) => row.pid);
}

async function committed(admin: postgres.Sql, database: string): Promise<number> {
  const [row] = await admin<{ commits: string }[]>`select xact_commit as commits from pg_stat_database where datname = ${database}`;
  return Number(row?.commits ?? 0);
}

async function maintain(url: string, command: 'vacuum analyze' | 'analyze'): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(command);
  } finally {
    await sql.end();
  }
}

/** Busy CPU-seconds of the whole machine since boot: every process, the kernel's work included. */
async function machineCpuSeconds(): Promise<number> {
  const [cpu] = (await readFile('/proc/stat', 'utf8')).split('\n');
  const ticks = (cpu ?? '').trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
  const busy = ticks.slice(0, 8).reduce((sum, t, i) => (i === 3 || i === 4 ? sum : sum + t), 0);
  return busy / 100;
}

async function redisServerPid(): Promise<number> {
  const redis = new Redis(REDIS_URL);
  try {
    const info = await redis.info('server');
    return Number(/process_id:(\d+)/.exec(info)?.[1] ?? Number.NaN);
  } finally {
    redis.disconnect();
  }
}

async function cpuOf(pids: readonly number[]): Promise<Map<number, number>> {
  const readings = await Promise.all(pids.map(async (pid) => [pid, await cpuSeconds(pid).catch(() => Number.NaN)] as const));
  return new Map(readings.filter(([, cpu]) => !Number.isNaN(cpu)));
}

async function run(
  phase: Phase,
  round: number,
  servers: Measured[],
  writers: Writer[],
  bodyOf: (writer: number, n: number) => string,
  redisPid: number,
  admin: postgres.Sql,
  database: string,
  databaseUrl: string,
): Promise<Figures> {
  let measuring = false;
  let stop = false;
  const latencies: number[] = [];
  let failures = 0;
  const loops = writers.map(async (writer, i) => {
    const url = (servers[i % servers.length] as Measured).url;
    for (let n = 0; !stop; n++) {
      const started = performance.now();
      const good = await post(url, writer.token, bodyOf(i, n));
      if (!measuring) continue;
      latencies.push(performance.now() - started);
      if (!good) failures++;
    }
  });
  await new Promise((r) => setTimeout(r, WARMUP_SECONDS * 1_000));
  // Statistics of what the warm-up wrote: the tables it filled were empty when the servers' cached
  // plans (foreign-key checks among them) were made, and an ANALYZE is what makes PostgreSQL plan
  // them again, as it has long done in a database in service.
  await maintain(databaseUrl, 'analyze');
  const pidsBefore = await backendPids(admin, database);
  const [serverBefore, postgresBefore, redisBefore, machineBefore] = await Promise.all([
    cpuOf(servers.map((s) => s.pid)),
    cpuOf(pidsBefore),
    cpuOf([redisPid]),
    machineCpuSeconds(),
  ]);
  const commitsBefore = await committed(admin, database);
  const clientBefore = process.cpuUsage();
  const started = performance.now();
  measuring = true;
  await new Promise((r) => setTimeout(r, SECONDS * 1_000));
  measuring = false;
  const seconds = (performance.now() - started) / 1_000;
  const pidsAfter = await backendPids(admin, database);
  const clientSpent = process.cpuUsage(clientBefore);
  const [serverAfter, postgresAfter, redisAfter, machineAfter] = await Promise.all([
    cpuOf(servers.map((s) => s.pid)),
    cpuOf(pidsAfter),
    cpuOf([redisPid]),
    machineCpuSeconds(),
  ]);
  stop = true;
  await Promise.all(loops);
  // PostgreSQL's statistics reach the view up to a second after the transactions they count.
  await new Promise((r) => setTimeout(r, 1_500));
  const commitsAfter = await committed(admin, database);
  const spent = (before: Map<number, number>, after: Map<number, number>) =>
    [...after].reduce((sum, [pid, cpu]) => sum + cpu - (before.get(pid) ?? 0), 0);
  latencies.sort((a, b) => a - b);
  return {
    phase,
    round,
    writes: latencies.length,
    failures,
    seconds,
    serverCpu: spent(serverBefore, serverAfter),
    postgresCpu: spent(postgresBefore, postgresAfter),
    clientCpu: (clientSpent.user + clientSpent.system) / 1e6,
    redisCpu: spent(redisBefore, redisAfter),
    machineCpu: machineAfter - machineBefore,
    // The 1.5 s wait's idle transactions (the sweep, the relay read) are few against thousands of writes.
    commits: commitsAfter - commitsBefore,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

function describe(f: Figures): string {
  const per = (cpu: number) => ((cpu / Math.max(1, f.writes)) * 1_000).toFixed(2);
  return [
    `${f.phase.padEnd(8)} round ${f.round}`,
    `${(f.writes / f.seconds).toFixed(0).padStart(6)} writes/s`,
    `server ${per(f.serverCpu)} ms/write`,
    `postgres ${per(f.postgresCpu)} ms/write`,
    `clients ${per(f.clientCpu)}`,
    `redis ${per(f.redisCpu)}`,
    `machine ${per(f.machineCpu)}`,
    `commits/write ${(f.commits / Math.max(1, f.writes)).toFixed(2)}`,
    `p50 ${f.p50.toFixed(1)} ms`,
    `p99 ${f.p99.toFixed(1)} ms`,
    `failures ${f.failures}`,
  ].join('  ');
}

async function main() {
  const db = await createTestDatabase('bw');
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const env = {
    ...DEPLOYED_ENV,
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: uniquePrefix('bw'),
    RATE_LIMIT_WRITES: values['write-limit'],
    RATE_LIMIT_SIGNUPS: '1000000/1s',
    LOG_LEVEL: 'warn',
  };
  const project = await Promise.all(Array.from({ length: INSTANCES }, () => spawnProjectInstance(env)));
  const textbook = PHASES.includes('textbook')
    ? await Promise.all(Array.from({ length: INSTANCES }, () => spawnTextbookWriteInstance(env)))
    : [];
  if (PHASES.includes('logged')) {
    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    await createTextbookLog(sql).finally(() => sql.end());
  }
  const logged = PHASES.includes('logged')
    ? await Promise.all(Array.from({ length: INSTANCES }, () => spawnTextbookWriteInstance({ ...env, TEXTBOOK_LOG: '1' })))
    : [];
  try {
    const writers: Writer[] = [];
    for (let i = 0; i < WRITERS; i++) {
      const url = (project[i % INSTANCES] as Measured).url;
      const user = await signUp(url, `Writer${i}`);
      const created = await ok(url, CREATE_RECIPE, { input: { title: `Recipe ${i}` } }, user.token);
      writers.push({ token: user.token, recipeId: created.createRecipe.id });
    }
    const bodies: Record<Phase, (writer: number, n: number) => string> = {
      textbook: (i, n) =>
        JSON.stringify({ query: UPDATE, variables: { id: writers[i]?.recipeId, input: { title: `Recipe ${i} take ${n}` } } }),
      logged: (i, n) =>
        JSON.stringify({ query: UPDATE, variables: { id: writers[i]?.recipeId, input: { title: `Recipe ${i} take ${n}` } } }),
      project: (i, n) =>
        JSON.stringify({ query: UPDATE, variables: { id: writers[i]?.recipeId, input: { title: `Recipe ${i} take ${n}` } } }),
      comment: (i, n) =>
        JSON.stringify({
          query: COMMENT,
          variables: { input: { targetId: writers[(i + 1) % WRITERS]?.recipeId, body: `Comment ${n} from writer ${i}` } },
        }),
    };
    const redisPid = await redisServerPid();
    const figures: Figures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? PHASES : [...PHASES].reverse();
      for (const phase of order) {
        const servers = phase === 'textbook' ? textbook : phase === 'logged' ? logged : project;
        // Every phase starts from a vacuumed database, so no phase pays for the dead rows of the one before.
        await maintain(db.url, 'vacuum analyze');
        const result = await run(phase, round, servers, writers, bodies[phase], redisPid, admin, db.name, db.url);
        figures.push(result);
        console.log(describe(result));
      }
    }
    console.log(`\n${WRITERS} writers over ${INSTANCES} instances, ${SECONDS} s per phase; ratios to the textbook phase of the same round`);
    for (const phase of PHASES.filter((p) => p !== 'textbook')) {
      const ratios = {
        rate: [] as number[],
        server: [] as number[],
        postgres: [] as number[],
        p99: [] as number[],
        machine: [] as number[],
      };
      for (let round = 1; round <= ROUNDS; round++) {
        const base = figures.find((f) => f.phase === 'textbook' && f.round === round);
        const mine = figures.find((f) => f.phase === phase && f.round === round);
        if (!base || !mine) continue;
        ratios.rate.push(mine.writes / mine.seconds / (base.writes / base.seconds));
        ratios.server.push(mine.serverCpu / mine.writes / (base.serverCpu / base.writes));
        ratios.postgres.push(mine.postgresCpu / mine.writes / (base.postgresCpu / base.writes));
        ratios.p99.push(mine.p99 / base.p99);
        ratios.machine.push(mine.machineCpu / mine.writes / (base.machineCpu / base.writes));
      }
      if (ratios.rate.length === 0) continue;
      console.log(`${phase}: writes/s ${describeRatios(ratios.rate)}`);
      console.log(`${phase}: server CPU/write ${describeRatios(ratios.server)}`);
      console.log(`${phase}: postgres CPU/write ${describeRatios(ratios.postgres)}`);
      console.log(`${phase}: machine CPU/write ${describeRatios(ratios.machine)}`);
      console.log(`${phase}: p99 ${describeRatios(ratios.p99)}`);
    }
    // Against the least a logging write costs: what the project adds beyond its log row.
    for (const phase of PHASES.filter((p) => p === 'project' || p === 'comment')) {
      const rate: number[] = [];
      for (let round = 1; round <= ROUNDS; round++) {
        const base = figures.find((f) => f.phase === 'logged' && f.round === round);
        const mine = figures.find((f) => f.phase === phase && f.round === round);
        if (base && mine) rate.push(mine.writes / mine.seconds / (base.writes / base.seconds));
      }
      if (rate.length > 0) console.log(`${phase}: writes/s against logged ${describeRatios(rate)}`);
    }
  } finally {
    agent.destroy();
    await Promise.allSettled([...project, ...textbook, ...logged].map((server) => server.stop()));
    await admin.end();
    await db.drop();
  }
}

await main();
