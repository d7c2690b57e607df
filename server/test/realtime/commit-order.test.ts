import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { recipes } from '../../src/db/schema.js';
import { rowTable } from '../../src/model/row-table.js';
import type { RecipeChangedSubscription } from '../generated/graphql.js';
import { type Collected, ok, signUp, subscribeSse, subscribeWs } from '../support/clients.js';
import { health, waitForSubscriptions } from '../support/cluster.js';
import { liveClusterForFile } from '../support/live-cluster.js';
import { CREATE_BLOG, CREATE_RECIPE, RECIPE_CHANGED, UPDATE_BLOG, UPDATE_RECIPE } from '../support/operations.js';
import type { ServerProcess } from '../support/servers.js';

type RecipeChange = RecipeChangedSubscription['recipeChanged'];

/** The database id inside a Relay global id. */
const rawId = (globalId: string) => Buffer.from(globalId, 'base64').toString().split(':')[1] ?? '';

/** What identifies one write in an event: the recipe and the version it made. */
const writeOf = (event: RecipeChange) => `${event.recipeId}@${event.recipe?.version ?? 0}`;

interface Write {
  key: string;
  sentAt: number;
  answeredAt: number;
}

/**
 * A subscriber that, every `everyMs`, drops its subscription and resumes from the cursor of the
 * last event it got on the next instance, alternating WebSocket and SSE, as a client that keeps
 * losing its connection does.
 */
function hoppingSubscriber(
  servers: ServerProcess[],
  connect: (url: string) => Parameters<typeof subscribeWs>[0],
  track: <T extends { stop(): void }>(stream: T) => T,
  tag: string,
  everyMs: number,
) {
  const events: RecipeChange[] = [];
  let current: Collected<RecipeChange> | undefined;
  let hops = 0;
  let running = true;
  const take = () => {
    if (!current) return;
    events.push(...current.events);
    current.stop();
    current = undefined;
  };
  const open = () => {
    const server = servers[hops % servers.length] as ServerProcess;
    const after = events.at(-1)?.cursor ?? null;
    current = track(
      hops % 2 === 0
        ? subscribeWs(connect(server.wsUrl), RECIPE_CHANGED, { tag, after })
        : subscribeSse(server.url, RECIPE_CHANGED, { tag, after }),
    );
    hops += 1;
  };
  const loop = (async () => {
    while (running) {
      open();
      await sleep(everyMs);
      take();
    }
  })();
  return {
    get hops() {
      return hops;
    },
    /** Stops hopping, resumes once more and waits for `count` events in all. */
    async finish(count: number): Promise<RecipeChange[]> {
      running = false;
      await loop;
      open();
      const last = current as Collected<RecipeChange>;
      await last.waitFor(count - events.length, 30_000);
      take();
      return events;
    },
  };
}

describe('commit order across instances', () => {
  const live = liveClusterForFile(3);
  const { track, connect } = live;
  let servers: ServerProcess[];

  beforeAll(() => {
    servers = live.cluster.servers;
  });

  it('gives every subscriber, live or resuming on other instances, every change once in one order that keeps real time and versions', async () => {
    const tag = 'order';
    const authors = await Promise.all([signUp(servers[0]?.url ?? '', 'Ada'), signUp(servers[1]?.url ?? '', 'Bea')]);
    const owned = await Promise.all(
      authors.flatMap((author, a) =>
        [0, 1, 2].map(async (i) => ({
          author,
          id: (await ok(servers[i]?.url ?? '', CREATE_RECIPE, { input: { title: `Dish ${a}.${i}`, tags: [tag] } }, author.token))
            .createRecipe.id,
        })),
      ),
    );
    const blog = (
      await ok(servers[2]?.url ?? '', CREATE_BLOG, { input: { title: 'Notes', body: 'b', published: true } }, authors[0]?.token)
    ).createBlog;

    const liveStreams = [
      track(subscribeWs(connect(servers[0]?.wsUrl ?? ''), RECIPE_CHANGED, { tag })),
      track(subscribeSse(servers[1]?.url ?? '', RECIPE_CHANGED, { tag })),
      track(subscribeWs(connect(servers[2]?.wsUrl ?? ''), RECIPE_CHANGED, { tag })),
    ];
    await Promise.all(servers.map((server) => waitForSubscriptions(server.url, 1)));
    const hopper = hoppingSubscriber(servers, connect, track, tag, 300);
    await waitForSubscriptions(servers[0]?.url ?? '', 2);

    // Two writers per author on the same three recipes, each write through a random instance, so
    // one recipe is written through different instances at the same moment; blog writes between.
    const writes: Write[] = [];
    const PER_WRITER = 35;
    const writer = async (w: number) => {
      const author = authors[w % 2];
      const mine = owned.filter((recipe) => recipe.author === author);
      for (let n = 0; n < PER_WRITER; n++) {
        const recipe = mine[Math.floor(Math.random() * mine.length)] as (typeof mine)[number];
        const via = servers[Math.floor(Math.random() * servers.length)] as ServerProcess;
        const sentAt = performance.now();
        const result = await ok(via.url, UPDATE_RECIPE, { id: recipe.id, input: { description: `w${w} n${n}` } }, author?.token);
        writes.push({ key: `${recipe.id}@${result.updateRecipe.version}`, sentAt, answeredAt: performance.now() });
      }
    };
    const blogWriter = async () => {
      for (let n = 0; n < 20; n++) {
        const via = servers[n % servers.length] as ServerProcess;
        await ok(via.url, UPDATE_BLOG, { id: blog.id, input: { body: `draft ${n}` } }, authors[0]?.token);
      }
    };
    await Promise.all([writer(0), writer(1), writer(2), writer(3), blogWriter()]);
    const total = writes.length;

    const sequences = await Promise.all(liveStreams.map((stream) => stream.waitFor(total, 30_000)));
    const hopped = await hopper.finish(total);
    expect(hopper.hops).toBeGreaterThan(3);

    const reference = (sequences[0] as RecipeChange[]).map(writeOf);
    // Exactly once each.
    expect(new Set(reference).size).toBe(total);
    // One order: every subscriber, live over WebSocket or SSE or resuming from its cursors on other instances.
    for (const sequence of [...sequences.slice(1), hopped]) expect(sequence.map(writeOf)).toEqual(reference);
    // Per entity: versions increase.
    const versions = new Map<string, number>();
    for (const event of sequences[0] as RecipeChange[]) {
      const version = event.recipe?.version ?? 0;
      expect(version).toBeGreaterThan(versions.get(event.recipeId) ?? 0);
      versions.set(event.recipeId, version);
    }
    // Real time: a write answered before another was sent is delivered first.
    const index = new Map(reference.map((key, i) => [key, i]));
    let pairs = 0;
    for (const earlier of writes) {
      for (const later of writes) {
        if (earlier.answeredAt >= later.sentAt) continue;
        pairs += 1;
        expect(index.get(earlier.key) ?? -1, `${earlier.key} before ${later.key}`).toBeLessThan(index.get(later.key) ?? -1);
      }
    }
    expect(pairs).toBeGreaterThan(1_000);
  });

  it('never gives a subscription opened after a write was answered that write, over WebSocket or SSE, on any instance', async () => {
    const tag = 'answered';
    const cook = await signUp(servers[0]?.url ?? '', 'Di');
    const recipe = (await ok(servers[0]?.url ?? '', CREATE_RECIPE, { input: { title: 'Bread', tags: [tag] } }, cook.token)).createRecipe;
    const update = (via: number, description: string) =>
      ok(servers[via]?.url ?? '', UPDATE_RECIPE, { id: recipe.id, input: { description } }, cook.token).then((r) => r.updateRecipe);
    // The lock every sequencer call takes, held beside the service: answered writes wait unsequenced,
    // so a subscription opened meanwhile would get them were its start taken from what its instance
    // has delivered rather than from the log once they have positions.
    const sql = postgres(live.cluster.db.url, { max: 1, onnotice: () => {} });
    try {
      for (let round = 0; round < 3; round++) {
        const [viaWs, viaSse] = [(round + 1) % 3, (round + 2) % 3];
        const [wsBefore, sseBefore] = await Promise.all([health(servers[viaWs]?.url ?? ''), health(servers[viaSse]?.url ?? '')]);
        await sql`select pg_advisory_lock(727311002)`;
        const answered = await update(round % 3, `answered ${round}`);
        const ws = track(subscribeWs(connect(servers[viaWs]?.wsUrl ?? ''), RECIPE_CHANGED, { tag }));
        const sse = track(subscribeSse(servers[viaSse]?.url ?? '', RECIPE_CHANGED, { tag }));
        await sql`select pg_advisory_unlock(727311002)`;
        await Promise.all([
          waitForSubscriptions(servers[viaWs]?.url ?? '', wsBefore.activeSubscriptions + 1),
          waitForSubscriptions(servers[viaSse]?.url ?? '', sseBefore.activeSubscriptions + 1),
        ]);
        const next = await update(round % 3, `next ${round}`);
        expect(next.version).toBe(answered.version + 1);
        for (const stream of [ws, sse]) {
          const [first] = await stream.waitFor(1, 15_000);
          expect(writeOf(first as RecipeChange)).toBe(`${recipe.id}@${next.version}`);
        }
      }
    } finally {
      await sql.end();
    }
  });

  describe('with a transaction held open beside the service', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openDatabase({ url: live.cluster.db.url, pgliteDir: 'memory://', poolSize: 2 });
    });
    afterAll(async () => {
      await database?.close();
    });

    it('delivers what commits meanwhile, then its change once it commits, to live subscribers and to a cursor taken while it was open', async () => {
      const tag = 'held';
      const cook = await signUp(servers[0]?.url ?? '', 'Cy');
      const create = (title: string) =>
        ok(servers[0]?.url ?? '', CREATE_RECIPE, { input: { title, tags: [tag] } }, cook.token).then((r) => r.createRecipe);
      const held = await create('Slow stew');
      const first = await create('Quick salad');

      const liveWs = track(subscribeWs(connect(servers[1]?.wsUrl ?? ''), RECIPE_CHANGED, { tag }));
      const liveSse = track(subscribeSse(servers[2]?.url ?? '', RECIPE_CHANGED, { tag }));
      await Promise.all([waitForSubscriptions(servers[1]?.url ?? '', 1), waitForSubscriptions(servers[2]?.url ?? '', 1)]);

      // The same one-statement write the server makes, in a transaction that stays open for seconds.
      const rows = rowTable(recipes, 'recipe', ['title', 'description', 'ingredients', 'steps', 'tags', 'cookingMinutes', 'servings']);
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      let wrote: () => void = () => {};
      const written = new Promise<void>((resolve) => (wrote = resolve));
      const transaction = database.db.transaction(async (tx) => {
        const outcome = await rows.updateAndAppend(tx, rawId(cook.id), rawId(held.id), { title: 'Slow stew, held' }, null);
        expect(outcome.after?.version).toBe(2);
        wrote();
        await released;
      });
      await written;

      // Writes that start after it and commit while it is open reach everyone without waiting for it.
      for (let i = 0; i < 5; i++) {
        await ok(servers[i % 3]?.url ?? '', UPDATE_RECIPE, { id: first.id, input: { description: `meanwhile ${i}` } }, cook.token);
      }
      const meanwhile = await liveWs.waitFor(5, 15_000);
      await liveSse.waitFor(5, 15_000);
      expect(meanwhile.map((e) => e.recipeId)).toEqual(Array(5).fill(first.id));
      const cursorTakenWhileOpen = meanwhile[2]?.cursor ?? '';
      await sleep(1_500);
      expect(liveWs.events.map((e) => e.recipeId)).not.toContain(held.id);

      release();
      await transaction;
      // Nobody writes after the commit: the sweep of some instance sequences the change.
      const after = await liveWs.waitFor(6, 15_000);
      expect(after[5]?.recipeId).toBe(held.id);
      expect(after[5]?.recipe?.title).toBe('Slow stew, held');
      expect((await liveSse.waitFor(6, 15_000)).map(writeOf)).toEqual(after.map(writeOf));

      const resumed = track(subscribeWs(connect(servers[0]?.wsUrl ?? ''), RECIPE_CHANGED, { tag, after: cursorTakenWhileOpen }));
      const replay = await resumed.waitFor(3, 15_000);
      expect(replay.map(writeOf)).toEqual(after.slice(3).map(writeOf));
    });
  });
});
