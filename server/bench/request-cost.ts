/**
 * What one request costs a server's process, by kind of request, against the textbook write server
 * in the same run: where `bench:writes` says how much more CPU a write costs, this says which part
 * of the request it is in. One instance of each server, each on a database and Redis prefix of its
 * own (an instance sequences every change of its database, so two on one database would do each
 * other's sequencing). Phases, alternating in order every round:
 *   textbook  bench/support/textbook-writes.ts: Yoga, one `UPDATE … RETURNING`, one `PUBLISH`;
 *   project   this server as deployed;
 *   unlimited this server with RATE_LIMIT_WRITES=0: what the write limit's Redis round trip costs.
 * Each phase sends, with --clients keep-alive clients for --seconds each:
 *   trivial   `{ __typename }`, signed in: the HTTP and GraphQL pipeline with nothing to resolve;
 *   update    `updateRecipe`, each client on its own recipe, as `bench:writes` sends it.
 * Printed per phase and request: requests/s and the server's CPU per request (user + system of its
 * process, so the sequencer, the publish and the instance's own feed are counted with the write);
 * then each round's ratios to the textbook and their median. Rounds are short and alternate, so
 * the ratio holds on a busy machine where the absolute figures do not.
 *
 *   npm run bench:request-cost -- --clients 32 --seconds 4 --rounds 3
 */
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { ok, signUp } from '../test/support/clients.js';
import { createTestDatabase, REDIS_URL, uniquePrefix } from '../test/support/database.js';
import { CREATE_RECIPE } from '../test/support/operations.js';
import { cpuSeconds, DEPLOYED_ENV, type Measured, spawnProjectInstance, spawnTextbookWriteInstance } from './support/processes.js';
import { describeRatios } from './support/statistics.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '32' },
    seconds: { type: 'string', default: '4' },
    rounds: { type: 'string', default: '3' },
  },
});
const CLIENTS = Number(values.clients);
const SECONDS = Number(values.seconds);
const ROUNDS = Number(values.rounds);

const UPDATE = 'mutation Update($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { id title version } }';
const TRIVIAL = JSON.stringify({ query: '{ __typename }' });

type Phase = 'textbook' | 'project' | 'unlimited';
type Kind = 'trivial' | 'update';

interface Client {
  token: string;
  recipeId: string;
}

interface Target {
  server: Measured;
  /** Signed-in users with a recipe each, made on the project instance that shares the target's database. */
  clients: Client[];
}

/** Sends `kind` from every client for `seconds`; answers with the requests sent and those that failed. */
async function load(target: Target, kind: Kind, seconds: number): Promise<{ sent: number; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const deadline = Date.now() + seconds * 1000;
  let sent = 0;
  let failed = 0;
  const send = (client: Client, take: number) =>
    new Promise<void>((resolve, reject) => {
      const body =
        kind === 'trivial'
          ? TRIVIAL
          : JSON.stringify({ query: UPDATE, variables: { id: client.recipeId, input: { title: `Take ${take}` } } });
      const req = request(
        `${target.server.url}/graphql`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            authorization: `Bearer ${client.token}`,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => {
            if (res.statusCode !== 200 || text.includes('"errors"')) failed += 1;
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  await Promise.all(
    target.clients.map(async (client) => {
      while (Date.now() < deadline) {
        await send(client, sent);
        sent += 1;
      }
    }),
  );
  agent.destroy();
  return { sent, failed };
}

/** A database and Redis prefix of its own, with a project instance on it to sign the clients up. */
async function setUp(tag: string, extraEnv: Record<string, string>) {
  const db = await createTestDatabase(tag);
  const env = {
    ...DEPLOYED_ENV,
    DATABASE_URL: db.url,
    REDIS_URL,
    REDIS_KEY_PREFIX: uniquePrefix(tag),
    RATE_LIMIT_WRITES: '1000000/1s',
    RATE_LIMIT_SIGNUPS: '1000000/1s',
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const project = await spawnProjectInstance(env);
  const clients: Client[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const user = await signUp(project.url, `Client${i}`);
    const created = await ok(project.url, CREATE_RECIPE, { input: { title: `Recipe ${i}` } }, user.token);
    clients.push({ token: user.token, recipeId: created.createRecipe.id });
  }
  return { db, env, project, clients };
}

async function main() {
  const forTextbook = await setUp('rct', {});
  const textbook = await spawnTextbookWriteInstance(forTextbook.env);
  // The textbook's database needs no instance of this server once its clients exist.
  await forTextbook.project.stop();
  const forProject = await setUp('rcp', {});
  const forUnlimited = await setUp('rcu', { RATE_LIMIT_WRITES: '0' });
  const targets: Record<Phase, Target> = {
    textbook: { server: textbook, clients: forTextbook.clients },
    project: { server: forProject.project, clients: forProject.clients },
    unlimited: { server: forUnlimited.project, clients: forUnlimited.clients },
  };
  const phases: Phase[] = ['textbook', 'project', 'unlimited'];
  const kinds: Kind[] = ['trivial', 'update'];
  const ratios = new Map<string, number[]>();
  try {
    // Warm-up: every server compiles its hot paths before anything is measured.
    for (const phase of phases) for (const kind of kinds) await load(targets[phase], kind, 2);
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? phases : [...phases].reverse();
      const perRequest = new Map<string, number>();
      for (const phase of order) {
        for (const kind of kinds) {
          const { server } = targets[phase];
          const before = await cpuSeconds(server.pid);
          const { sent, failed } = await load(targets[phase], kind, SECONDS);
          const cpu = (await cpuSeconds(server.pid)) - before;
          const micros = (cpu * 1e6) / sent;
          perRequest.set(`${phase} ${kind}`, micros);
          console.log(
            `${phase.padEnd(9)} ${kind.padEnd(7)} round ${round}  ${String(Math.round(sent / SECONDS)).padStart(6)} req/s  ${micros.toFixed(0).padStart(5)} µs CPU/request  failures ${failed}`,
          );
        }
      }
      for (const phase of ['project', 'unlimited'] as const) {
        for (const kind of kinds) {
          const key = `${phase} ${kind}`;
          const ratio = (perRequest.get(key) ?? Number.NaN) / (perRequest.get(`textbook ${kind}`) ?? Number.NaN);
          ratios.set(key, [...(ratios.get(key) ?? []), ratio]);
        }
        const extra = (perRequest.get(`${phase} update`) ?? 0) - (perRequest.get(`${phase} trivial`) ?? 0);
        const key = `${phase} update above trivial (µs)`;
        ratios.set(key, [...(ratios.get(key) ?? []), extra]);
      }
      const textbookExtra = (perRequest.get('textbook update') ?? 0) - (perRequest.get('textbook trivial') ?? 0);
      ratios.set('textbook update above trivial (µs)', [...(ratios.get('textbook update above trivial (µs)') ?? []), textbookExtra]);
    }
    console.log(
      `\n${CLIENTS} clients, one instance per server, ${SECONDS} s per request kind; server CPU per request against the textbook's in the same round`,
    );
    for (const [key, list] of ratios) {
      console.log(key.endsWith('(µs)') ? `${key}: ${list.map((x) => x.toFixed(0)).join(', ')}` : `${key}: ${describeRatios(list)}`);
    }
  } finally {
    await Promise.allSettled([textbook.stop(), forProject.project.stop(), forUnlimited.project.stop()]);
    await Promise.allSettled([forTextbook.db.drop(), forProject.db.drop(), forUnlimited.db.drop()]);
  }
}

await main();
process.exit(0);
