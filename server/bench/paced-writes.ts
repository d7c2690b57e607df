/**
 * What one write costs a server at a low rate, against the textbook server beside it: one instance
 * of each on the same PostgreSQL and Redis, and for each, in alternating rounds, --seconds idle
 * and then --seconds at --rate writes a second (`updateRecipe`, one after the other, over HTTP
 * keep-alive). Printed per round: CPU per second idle and writing, and the CPU per write above
 * idle. At a few writes a second nothing is batched and little of the write path's code is
 * optimised, which is what the instance that takes the writes pays in `bench:fanout --writes-through measured`.
 *
 *   npm run bench:paced-writes -- --rate 5 --seconds 15 --rounds 2
 */
import { parseArgs } from 'node:util';
import { signUp } from '../test/support/clients.js';
import { createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { cpuSeconds, DEPLOYED_ENV, type Measured, spawnProjectInstance, spawnTextbookWriteInstance } from './support/processes.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '2' },
    warm: { type: 'string', default: '50' },
  },
});
const RATE = Number(values.rate);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);
const WARM = Number(values.warm);
const UPDATE = 'mutation Update($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { id title version } }';
const CREATE = 'mutation Create($input: CreateRecipeInput!) { createRecipe(input: $input) { id } }';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function post(url: string, token: string, query: string, variables: unknown): Promise<Record<string, { id: string }>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, { id: string }>; errors?: unknown };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** CPU per second of `server` over `seconds`, writing `rate` times a second (0: idle), and how many writes it took. */
async function measure(server: Measured, rate: number, write: () => Promise<unknown>): Promise<{ perSecond: number; writes: number }> {
  const before = await cpuSeconds(server.pid);
  const started = Date.now();
  let writes = 0;
  while (Date.now() - started < SECONDS * 1_000) {
    if (rate > 0) {
      await write();
      writes++;
    }
    await sleep(rate > 0 ? 1_000 / rate : 100);
  }
  const cpu = (await cpuSeconds(server.pid)) - before;
  return { perSecond: cpu / ((Date.now() - started) / 1_000), writes };
}

const db = await createTestDatabase('paced');
const env = { ...DEPLOYED_ENV, DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('paced'), LOG_LEVEL: 'warn' };
const project = await spawnProjectInstance(env);
const textbook = await spawnTextbookWriteInstance(env);
try {
  const user = await signUp(project.url, 'Paced');
  const created = await post(project.url, user.token, CREATE, { input: { title: 'Paced' } });
  const id = created.createRecipe?.id;
  let n = 0;
  const servers = { project, textbook };
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? (['project', 'textbook'] as const) : (['textbook', 'project'] as const);
    for (const name of order) {
      const server = servers[name];
      const write = () => post(server.url, user.token, UPDATE, { id, input: { title: `Take ${n++}` } });
      for (let i = 0; i < WARM; i++) await write();
      const idle = await measure(server, 0, write);
      const writing = await measure(server, RATE, write);
      const perWrite = ((writing.perSecond - idle.perSecond) * SECONDS) / Math.max(1, writing.writes);
      console.log(
        `${name.padEnd(8)} round ${round}  idle ${(idle.perSecond * 1_000).toFixed(1)} ms/s  at ${RATE} writes/s ${(writing.perSecond * 1_000).toFixed(1)} ms/s  per write ${(perWrite * 1_000).toFixed(2)} ms`,
      );
    }
  }
} finally {
  await Promise.all([project.stop(), textbook.stop()]);
  await db.drop();
}
