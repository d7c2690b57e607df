/**
 * Presence under churn, at rest, and across a crash. Prints figures; asserts nothing.
 *
 *   npm run bench:presence [-- --only churn|rest|crash --members 1000 --churn 50 --typing 50 --seconds 20 --idle-members 10000 --idle-targets 1000 --crash-members 500]
 *
 * 1. Churn: `members` viewers on one recipe over two instances (one graphql-ws connection each, a
 *    user each), `churn` joins or leaves a second and `typing` setTyping calls a second (from ten
 *    typists, over HTTP to either instance). Results per present member per second, Redis
 *    commands per event (INFO commandstats of a Redis of the bench's own), p50/p99 from a join on
 *    one instance until an observer on the other sees it, server CPU per event.
 * 2. At rest: `idle-members` presences over `idle-targets` recipes on two instances (ten per
 *    connection): heap and RSS per presence, idle CPU.
 * 3. Crash: an instance holding `crash-members` members is killed with SIGKILL; how long until
 *    every viewer on the other two instances sees them gone.
 */
import { execFile } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { type Client, createClient } from 'graphql-ws';
import postgres from 'postgres';
import WebSocket from 'ws';
import { createTokenService } from '../src/auth/tokens.js';
import { createTestDatabase, uniquePrefix } from '../test/support/database.js';
import { startRedis } from '../test/support/redis.js';
import { freePort, spawnServer, TEST_SECRET } from '../test/support/servers.js';
import { cpuSeconds, DEPLOYED_ENV, memoryAfterGc, spawnProjectInstance } from './support/processes.js';

const { values } = parseArgs({
  options: {
    members: { type: 'string', default: '1000' },
    churn: { type: 'string', default: '50' },
    typing: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '20' },
    'idle-members': { type: 'string', default: '10000' },
    'idle-targets': { type: 'string', default: '1000' },
    'crash-members': { type: 'string', default: '500' },
    only: { type: 'string' },
  },
});
const MEMBERS = Number(values.members);
const CHURN = Number(values.churn);
const TYPING = Number(values.typing);
const SECONDS = Number(values.seconds);
const IDLE_MEMBERS = Number(values['idle-members']);
const IDLE_TARGETS = Number(values['idle-targets']);
const CRASH_MEMBERS = Number(values['crash-members']);

const PRESENCE = 'subscription ($t: ID!) { presence(targetId: $t) { count members { typing user { id name } } } }';

interface Snapshot {
  count: number;
  members: Array<{ typing: boolean; user: { id: string; name: string } }>;
}

const redisPort = await freePort();
const redis = await startRedis(redisPort);
const REDIS_URL = `redis://127.0.0.1:${redisPort}`;
const db = await createTestDatabase('bench_presence');
const env = { DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('bench-presence'), LOG_LEVEL: 'warn', ...DEPLOYED_ENV };
const tokens = createTokenService(TEST_SECRET, 24 * 3_600_000);
const sql = postgres(db.url, { max: 2, onnotice: () => {} });

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const toGlobal = (typename: string, id: string) => Buffer.from(`${typename}:${id}`).toString('base64');

async function commandStats(): Promise<Map<string, number>> {
  const text = await new Promise<string>((resolve, reject) =>
    execFile('redis-cli', ['-p', String(redisPort), 'info', 'commandstats'], (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  const calls = new Map<string, number>();
  for (const match of text.matchAll(/^cmdstat_(\S+):calls=(\d+)/gm)) calls.set(match[1] as string, Number(match[2]));
  return calls;
}

/** Users straight into the table, and tokens signed with the servers' secret: sign-up's slow hash is not what is measured. */
async function makeUsers(count: number, label: string): Promise<Array<{ id: string; token: string; name: string }>> {
  const rows: Array<{ id: string; name: string }> = [];
  for (let start = 0; start < count; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => ({
      email: `${label}-${start + i}-${Date.now()}@example.com`,
      name: `${label}${start + i}`,
      password_hash: 'x',
    }));
    rows.push(...(await sql<Array<{ id: string; name: string }>>`insert into users ${sql(batch)} returning id, name`));
  }
  return Promise.all(rows.map(async (row) => ({ ...row, token: await tokens.sign({ id: row.id }) })));
}

/** Recipes by their global ids. */
async function makeRecipes(url: string, token: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const create = async (i: number) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: `mutation { createRecipe(input: { title: "Presence ${i}" }) { id } } ` }),
    });
    const body = (await response.json()) as { data: { createRecipe: { id: string } } };
    ids.push(body.data.createRecipe.id);
  };
  for (let i = 0; i < count; i += 16) await Promise.all(Array.from({ length: Math.min(16, count - i) }, (_, j) => create(i + j)));
  return ids;
}

function connect(wsUrl: string, token?: string): Client {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    // Sockets closed by the bench itself, or by the instance it kills, are not worth reporting.
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
}

function watch(client: Client, targetId: string, onResult: (snapshot: Snapshot) => void): () => void {
  return client.subscribe<{ presence: Snapshot }>(
    { query: PRESENCE, variables: { t: targetId } },
    {
      next: (result) => {
        if (result.errors) console.error(JSON.stringify(result.errors));
        if (result.data) onResult(result.data.presence);
      },
      // Closing the sockets at the end is not worth reporting.
      error: () => {},
      complete: () => {},
    },
  );
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(50);
  }
}

async function setTyping(url: string, token: string, targetId: string, typing: boolean): Promise<void> {
  await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($t: ID!, $y: Boolean!) { setTyping(targetId: $t, typing: $y) }',
      variables: { t: targetId, y: typing },
    }),
  });
}

async function churn(): Promise<void> {
  const [a, b] = [await spawnProjectInstance({ ...env, INSTANCE_ID: 'a' }), await spawnProjectInstance({ ...env, INSTANCE_ID: 'b' })];
  try {
    const users = await makeUsers(MEMBERS + 1, 'churn');
    const observerUser = users.pop() as (typeof users)[number];
    const [target] = (await makeRecipes(a.url, observerUser.token, 1)) as [string];
    const members = users.map((user, i) => ({
      user,
      global: toGlobal('User', user.id),
      server: i % 2 === 0 ? a : b,
      client: connect(i % 2 === 0 ? a.wsUrl : b.wsUrl, user.token),
      stop: undefined as (() => void) | undefined,
      results: 0,
    }));
    // Joins on instance a, by the order they were made, for the latency an observer on b sees.
    const joinedAt: number[] = [];
    const joinSeqOf = new Map<string, number>();
    let resolvedUpTo = -1;
    const latencies: number[] = [];
    const observer = connect(b.wsUrl, observerUser.token);
    let observed: Snapshot = { count: 0, members: [] };
    watch(observer, target, (snapshot) => {
      observed = snapshot;
      const now = performance.now();
      let newest = -1;
      for (const member of snapshot.members) newest = Math.max(newest, joinSeqOf.get(member.user.id) ?? -1);
      // What one instance writes, the other applies in the same order: a join seen means every earlier one on a is in.
      for (let seq = resolvedUpTo + 1; seq <= newest; seq++) latencies.push(now - (joinedAt[seq] as number));
      resolvedUpTo = Math.max(resolvedUpTo, newest);
    });
    const join = (member: (typeof members)[number], timed: boolean) => {
      if (timed && member.server === a) {
        joinSeqOf.set(member.global, joinedAt.length);
        joinedAt.push(performance.now());
      }
      member.stop = watch(member.client, target, () => {
        member.results += 1;
      });
    };
    const leave = (member: (typeof members)[number]) => {
      member.stop?.();
      member.stop = undefined;
      joinSeqOf.delete(member.global);
    };
    for (const member of members) join(member, false);
    await waitUntil(() => observed.count === MEMBERS + 1, `all ${MEMBERS} members are seen (seen ${JSON.stringify(observed)})`);
    await sleep(1_000);

    const typists = members.slice(0, 10);
    const statsBefore = await commandStats();
    const cpuBefore = (await cpuSeconds(a.pid)) + (await cpuSeconds(b.pid));
    for (const member of members) member.results = 0;
    const started = performance.now();
    let presentSeconds = 0;
    let churnEvents = 0;
    let typingEvents = 0;
    let lastTick = started;
    const churnEvery = 1_000 / CHURN;
    const typingEvery = 1_000 / TYPING;
    let nextChurn = started;
    let nextTyping = started;
    const typingCalls: Array<Promise<void>> = [];
    while (performance.now() - started < SECONDS * 1_000) {
      const now = performance.now();
      const present = members.filter((member) => member.stop).length;
      presentSeconds += (present * (now - lastTick)) / 1_000;
      lastTick = now;
      while (nextChurn <= now) {
        const member = members[10 + Math.floor(Math.random() * (members.length - 10))] as (typeof members)[number];
        if (member.stop) leave(member);
        else join(member, true);
        churnEvents += 1;
        nextChurn += churnEvery;
      }
      while (nextTyping <= now) {
        const typist = typists[typingEvents % typists.length] as (typeof members)[number];
        const server = Math.random() < 0.5 ? a : b;
        typingCalls.push(setTyping(server.url, typist.user.token, target, typingEvents % 7 !== 6));
        typingEvents += 1;
        nextTyping += typingEvery;
      }
      await sleep(5);
    }
    const elapsed = (performance.now() - started) / 1_000;
    await Promise.all(typingCalls);
    const cpuAfter = (await cpuSeconds(a.pid)) + (await cpuSeconds(b.pid));
    const statsAfter = await commandStats();
    const deltas = [...statsAfter].map(([name, calls]) => [name, calls - (statsBefore.get(name) ?? 0)] as const).filter(([, d]) => d > 0);
    const totalCommands = deltas.reduce((sum, [, d]) => sum + d, 0);
    const results = members.reduce((sum, member) => sum + member.results, 0);
    const perMember = members.map((member) => member.results / elapsed).sort((x, y) => x - y);
    latencies.sort((x, y) => x - y);
    const events = churnEvents + typingEvents;
    console.log(
      `\n1. churn: ${MEMBERS} members on one recipe over 2 instances, ${CHURN} joins/leaves/s + ${TYPING} setTyping/s, ${elapsed.toFixed(1)} s`,
    );
    console.log(`   events: ${churnEvents} joins/leaves, ${typingEvents} setTyping`);
    console.log(
      `   results per present member per second: ${(results / presentSeconds).toFixed(2)} (busiest member ${perMember.at(-1)?.toFixed(2)}/s)`,
    );
    console.log(
      `   redis commands: ${totalCommands} = ${(totalCommands / churnEvents).toFixed(2)} per join/leave, ${(totalCommands / events).toFixed(2)} per event of either kind`,
    );
    console.log(`     by command: ${deltas.map(([name, d]) => `${name} ${d}`).join(', ')}`);
    console.log(
      `   join on a → seen on b: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${latencies.at(-1)?.toFixed(0)} ms (${latencies.length} joins)`,
    );
    console.log(
      `   server CPU (both instances): ${(((cpuAfter - cpuBefore) / churnEvents) * 1_000).toFixed(2)} ms per join/leave, ${(((cpuAfter - cpuBefore) / events) * 1_000).toFixed(2)} ms per event, ${((cpuAfter - cpuBefore) / elapsed).toFixed(3)} CPU-s/s`,
    );
    await Promise.all([...members.map((member) => member.client.dispose()), observer.dispose()]);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function atRest(): Promise<void> {
  const [a, b] = [await spawnProjectInstance({ ...env, INSTANCE_ID: 'a' }), await spawnProjectInstance({ ...env, INSTANCE_ID: 'b' })];
  try {
    const perConnection = 10;
    const connections = Math.ceil(IDLE_MEMBERS / perConnection);
    const users = await makeUsers(connections, 'rest');
    const recipes = await makeRecipes(a.url, (users[0] as (typeof users)[number]).token, IDLE_TARGETS);
    await sleep(2_000);
    const before = await Promise.all([memoryAfterGc(a.pid), memoryAfterGc(b.pid)]);
    let results = 0;
    const clients = users.map((user, i) => {
      const client = connect(i % 2 === 0 ? a.wsUrl : b.wsUrl, user.token);
      for (let j = 0; j < perConnection; j++) {
        watch(client, recipes[(i * perConnection + j) % recipes.length] as string, () => {
          results += 1;
        });
      }
      return client;
    });
    await waitUntil(() => results >= IDLE_MEMBERS, `every presence has its first result (${results} so far)`, 30_000);
    const metrics = async (url: string) => {
      const text = await (await fetch(`${url}/metrics`)).text();
      return [/^live_presence_members (\S+)/m, /^live_presence_targets (\S+)/m].map((re) => Number(re.exec(text)?.[1]));
    };
    // Joins settle, then nothing happens.
    await sleep(5_000);
    const after = await Promise.all([memoryAfterGc(a.pid), memoryAfterGc(b.pid)]);
    const cpuBefore = [await cpuSeconds(a.pid), await cpuSeconds(b.pid)];
    const idleSeconds = 10;
    await sleep(idleSeconds * 1_000);
    const cpuAfter = [await cpuSeconds(a.pid), await cpuSeconds(b.pid)];
    const [ma, mb] = [await metrics(a.url), await metrics(b.url)];
    console.log(
      `\n2. at rest: ${IDLE_MEMBERS} presences (${connections} connections × ${perConnection}) over ${IDLE_TARGETS} recipes on 2 instances`,
    );
    console.log(`   /metrics: a ${ma?.[0]} members on ${ma?.[1]} targets, b ${mb?.[0]} members on ${mb?.[1]} targets`);
    ['a', 'b'].forEach((name, i) => {
      const [was, is] = [before[i], after[i]];
      if (!was || !is) return;
      const share = IDLE_MEMBERS / 2;
      console.log(
        `   ${name}: heap +${((is.heapUsed - was.heapUsed) / share / 1024).toFixed(2)} KB, RSS +${((is.rss - was.rss) / share / 1024).toFixed(2)} KB per presence (sockets included, one per ${perConnection}); idle CPU ${((((cpuAfter[i] as number) - (cpuBefore[i] as number)) / idleSeconds) * 100).toFixed(2)}%`,
      );
    });
    await Promise.all(clients.map((client) => client.dispose()));
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

async function crash(): Promise<void> {
  const [a, b] = [await spawnProjectInstance({ ...env, INSTANCE_ID: 'a' }), await spawnProjectInstance({ ...env, INSTANCE_ID: 'b' })];
  const doomed = await spawnServer({ ...env, INSTANCE_ID: 'doomed' });
  try {
    const users = await makeUsers(CRASH_MEMBERS + 20, 'crash');
    const viewers = users.slice(0, 20);
    const [target] = (await makeRecipes(a.url, (users[0] as (typeof users)[number]).token, 1)) as [string];
    const seen = viewers.map(() => 0);
    const viewerClients = viewers.map((user, i) => {
      const client = connect(i % 2 === 0 ? a.wsUrl : b.wsUrl, user.token);
      watch(client, target, (snapshot) => {
        seen[i] = snapshot.count;
      });
      return client;
    });
    const doomedClients = users.slice(20).map((user) => {
      const client = connect(doomed.wsUrl, user.token);
      watch(client, target, () => {});
      return client;
    });
    const everyone = viewers.length + CRASH_MEMBERS;
    await waitUntil(() => seen.every((count) => count === everyone), `every viewer sees ${everyone}`);
    await sleep(3_000);
    const killedAt = performance.now();
    await doomed.kill();
    const goneAt = seen.map(() => 0);
    await waitUntil(
      () => {
        seen.forEach((count, i) => {
          if (count === viewers.length && goneAt[i] === 0) goneAt[i] = performance.now() - killedAt;
        });
        return goneAt.every((at) => at > 0);
      },
      'every viewer sees them gone',
      60_000,
    );
    const sorted = [...goneAt].sort((x, y) => x - y);
    console.log(
      `\n3. crash: SIGKILL of an instance holding ${CRASH_MEMBERS} members of a recipe, watched by ${viewers.length} viewers on 2 others`,
    );
    console.log(
      `   gone for the first viewer after ${((sorted[0] as number) / 1_000).toFixed(1)} s, for every viewer after ${((sorted.at(-1) as number) / 1_000).toFixed(1)} s`,
    );
    for (const client of doomedClients) void client.dispose();
    await Promise.all(viewerClients.map((client) => client.dispose()));
  } finally {
    await doomed.kill();
    await Promise.all([a.stop(), b.stop()]);
  }
}

try {
  if (!values.only || values.only === 'churn') await churn();
  if (!values.only || values.only === 'rest') await atRest();
  if (!values.only || values.only === 'crash') await crash();
} finally {
  await sql.end();
  await db.drop();
  redis.kill('SIGKILL');
}
