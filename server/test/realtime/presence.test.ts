import { beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { type Collected, gql, ok, signUp, subscribeSse, subscribeWs, type TestUser, wsClient } from '../support/clients.js';
import { until } from '../support/cluster.js';
import { createTestDatabase } from '../support/database.js';
import { liveClusterForFile } from '../support/live-cluster.js';
import { ADD_COMMENT, CREATE_BLOG, CREATE_RECIPE, DELETE_BLOG, UPDATE_BLOG } from '../support/operations.js';
import { type ServerProcess, spawnServer, startInProcess } from '../support/servers.js';

const PRESENCE = graphql(`
  subscription Presence_Watch($targetId: ID!) {
    presence(targetId: $targetId) {
      targetId
      count
      members {
        typing
        user {
          id
          name
        }
      }
    }
  }
`);

const SET_TYPING = graphql(`
  mutation Presence_SetTyping($targetId: ID!, $typing: Boolean!) {
    setTyping(targetId: $targetId, typing: $typing)
  }
`);

type Snapshot = Collected<{ count: number; targetId: string; members: Array<{ typing: boolean; user: { id: string; name: string } }> }>;

/** The last state a stream showed, as `count: name, *typing name, …`. */
const shown = (stream: Snapshot) => {
  const last = stream.events.at(-1);
  return last ? `${last.count}: ${last.members.map((m) => `${m.typing ? '*' : ''}${m.user.name}`).join(', ')}` : 'nothing';
};

/** Waits until the stream's latest result reads `expected`; no deadline tighter than the contract's. */
const showsEventually = (stream: Snapshot, expected: string, timeoutMs = 10_000) =>
  until(() => shown(stream) === expected, `it shows "${expected}"`, timeoutMs).catch((error: Error) => {
    throw new Error(`${error.message}; it shows "${shown(stream)}", errors ${JSON.stringify(stream.errors)}`);
  });

const errorCode = (stream: Collected<unknown>) =>
  (stream.errors as Array<Array<{ extensions?: { code?: string } }> | undefined>)[0]?.[0]?.extensions?.code;

describe('presence across instances', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let ada: TestUser;
  let bea: TestUser;
  const live = liveClusterForFile(2);
  const { track, connect } = live;
  const watch = (server: ServerProcess, targetId: string, user?: TestUser): Snapshot =>
    track(subscribeWs(connect(server.wsUrl, user?.token), PRESENCE, { targetId }));
  const recipeBy = async (user: TestUser, title = 'Soup') =>
    (await ok(a.url, CREATE_RECIPE, { input: { title } }, user.token)).createRecipe.id as string;

  beforeAll(async () => {
    [a, b] = live.cluster.servers as [ServerProcess, ServerProcess];
    [ada, bea] = await Promise.all([signUp(a.url, 'Ada'), signUp(a.url, 'Bea')]);
  });

  it('shows two viewers on different instances each other arriving, typing, posting, stopping and leaving', async () => {
    const recipe = await recipeBy(ada);
    const adaSees = watch(a, recipe, ada);
    await showsEventually(adaSees, '1: Ada');
    expect(adaSees.events[0]?.targetId).toBe(recipe);
    const beaSees = watch(b, recipe, bea);
    await showsEventually(beaSees, '2: Bea, Ada');
    await showsEventually(adaSees, '2: Bea, Ada');

    // Typing set through the other instance than the viewer's subscription, as a load balancer may send it.
    expect(await ok(a.url, SET_TYPING, { targetId: recipe, typing: true }, bea.token)).toEqual({ setTyping: true });
    await showsEventually(adaSees, '2: *Bea, Ada');
    await ok(b.url, SET_TYPING, { targetId: recipe, typing: true }, ada.token);
    await showsEventually(beaSees, '2: *Bea, *Ada');

    await ok(a.url, ADD_COMMENT, { input: { targetId: recipe, body: 'Lovely' } }, bea.token);
    await showsEventually(adaSees, '2: *Ada, Bea');
    await ok(a.url, SET_TYPING, { targetId: recipe, typing: false }, ada.token);
    await showsEventually(beaSees, '2: Bea, Ada');

    beaSees.stop();
    await showsEventually(adaSees, '1: Ada');
    // Nothing more than the changes: each result differs from the one before it.
    const states = adaSees.events.map((event) => JSON.stringify(event));
    expect(states.every((state, i) => i === 0 || state !== states[i - 1])).toBe(true);
  });

  it('lets typing lapse 6 s after the last setTyping(true)', async () => {
    const recipe = await recipeBy(ada, 'Lapse');
    const adaSees = watch(a, recipe, ada);
    await showsEventually(adaSees, '1: Ada');
    const beaSees = watch(b, recipe, bea);
    await showsEventually(adaSees, '2: Bea, Ada');
    await ok(b.url, SET_TYPING, { targetId: recipe, typing: true }, bea.token);
    await showsEventually(adaSees, '2: *Bea, Ada');
    await showsEventually(adaSees, '2: Bea, Ada', 15_000);
    expect(beaSees.completed).toBe(false);
  });

  it("keeps a draft's presence to its author and ends other viewers' streams when the blog is unpublished or deleted", async () => {
    const draft = (await ok(a.url, CREATE_BLOG, { input: { title: 'Secret', body: 'x', published: false } }, ada.token)).createBlog
      .id as string;
    for (const [targetId, viewer] of [
      [draft, bea],
      [draft, undefined],
      [ada.id, ada],
      ['not-an-id', ada],
    ] as const) {
      const refused = watch(b, targetId, viewer);
      await until(() => refused.errors.length > 0, 'the subscription is refused');
      expect(errorCode(refused)).toBe('NOT_FOUND');
    }
    const typed = await gql(a.url, SET_TYPING, { targetId: draft, typing: true }, bea.token);
    expect(typed.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await gql(a.url, SET_TYPING, { targetId: draft, typing: true });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const absent = await gql(a.url, SET_TYPING, { targetId: draft, typing: true }, ada.token);
    expect(absent.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const author = watch(a, draft, ada);
    await showsEventually(author, '1: Ada');
    await ok(a.url, UPDATE_BLOG, { id: draft, input: { published: true } }, ada.token);
    const reader = watch(b, draft, bea);
    const readerSse = track(subscribeSse(a.url, PRESENCE, { targetId: draft }));
    await showsEventually(author, '3: Bea, Ada');

    await ok(b.url, UPDATE_BLOG, { id: draft, input: { published: false } }, ada.token);
    await until(() => reader.completed && readerSse.completed, "the readers' streams complete");
    expect([reader.errors, readerSse.errors]).toEqual([[], []]);
    await showsEventually(author, '1: Ada');
    expect(author.completed).toBe(false);

    await ok(b.url, DELETE_BLOG, { id: draft }, ada.token);
    await until(() => author.completed, "the author's stream completes");
  });

  it('counts anonymous viewers without naming them, a user with many tabs once, and names at most 20, typing first', async () => {
    const recipe = await recipeBy(ada, 'Crowded');
    const crowd = await Promise.all(Array.from({ length: 22 }, (_, i) => signUp(a.url, `Cook${String(i).padStart(2, '0')}`)));
    const adaSees = watch(a, recipe, ada);
    await showsEventually(adaSees, '1: Ada');
    // Bea in three tabs over two instances, as WebSocket and SSE.
    watch(a, recipe, bea);
    watch(b, recipe, bea);
    track(subscribeSse(b.url, PRESENCE, { targetId: recipe }, bea.token));
    // Two anonymous sockets, one of them with two subscriptions, and an anonymous SSE stream.
    const anonymousSocket = connect(b.wsUrl);
    const anonymousSees = track(subscribeWs(anonymousSocket, PRESENCE, { targetId: recipe }));
    track(subscribeWs(anonymousSocket, PRESENCE, { targetId: recipe }));
    watch(a, recipe);
    track(subscribeSse(a.url, PRESENCE, { targetId: recipe }));
    await until(() => adaSees.events.at(-1)?.count === 5, 'Ada, Bea and three anonymous connections are counted');
    expect(shown(adaSees)).toBe('5: Bea, Ada');

    // Two waves, so that the second arrived after the first.
    for (const [i, cook] of crowd.slice(0, 11).entries()) watch(i % 2 ? a : b, recipe, cook);
    await until(() => anonymousSees.events.at(-1)?.count === 16, 'the first wave is counted');
    for (const [i, cook] of crowd.slice(11).entries()) watch(i % 2 ? a : b, recipe, cook);
    await until(() => anonymousSees.events.at(-1)?.count === 27, 'everyone is counted');
    await ok(a.url, SET_TYPING, { targetId: recipe, typing: true }, ada.token);
    await until(() => anonymousSees.events.at(-1)?.members[0]?.typing === true, 'Ada is typing');
    const last = anonymousSees.events.at(-1);
    expect(last?.count).toBe(27);
    expect(last?.members).toHaveLength(20);
    expect(last?.members[0]?.user.name).toBe('Ada');
    expect(last?.members.filter((m) => m.typing)).toHaveLength(1);
    const names = last?.members.map((m) => m.user.name) ?? [];
    expect(new Set(names).size).toBe(20);
    // Then the most recent arrivals: the whole second wave, before anyone of the first.
    expect(names.slice(1, 12).sort()).toEqual(crowd.slice(11).map((cook) => cook.name));
    expect(names).not.toContain('Bea');
  });

  it("drops a crashed instance's members for everyone else, without anyone cleaning up after it", async () => {
    const recipe = await recipeBy(ada, 'Crash');
    const c = await spawnServer({ ...live.cluster.env, INSTANCE_ID: 'doomed' });
    live.defer(() => c.kill());
    const adaSees = watch(a, recipe, ada);
    await showsEventually(adaSees, '1: Ada');
    const onDoomed = wsClient(c.wsUrl, bea.token);
    live.defer(() => onDoomed.dispose());
    subscribeWs(onDoomed, PRESENCE, { targetId: recipe });
    subscribeWs(wsClient(c.wsUrl), PRESENCE, { targetId: recipe });
    await showsEventually(adaSees, '3: Bea, Ada');

    await c.kill();
    // The contract's bound is 15 s; the wait allows for a loaded machine.
    await showsEventually(adaSees, '1: Ada', 25_000);
    // A viewer arriving afterwards on the other instance does not see them either.
    const late = watch(b, recipe);
    await showsEventually(late, '2: Ada');
  });
});

describe('presence on a single instance without Redis', () => {
  it('counts, names and shows typing in process', async () => {
    const db = await createTestDatabase('presence');
    const server = await startInProcess({ DATABASE_URL: db.url });
    try {
      const [ada, bea] = [await signUp(server.url, 'Ada'), await signUp(server.url, 'Bea')];
      const recipe = (await ok(server.url, CREATE_RECIPE, { input: { title: 'Alone' } }, ada.token)).createRecipe.id as string;
      const adaClient = wsClient(server.wsUrl, ada.token);
      const beaClient = wsClient(server.wsUrl, bea.token);
      const adaSees = subscribeWs(adaClient, PRESENCE, { targetId: recipe });
      await showsEventually(adaSees, '1: Ada');
      const beaSees = subscribeSse(server.url, PRESENCE, { targetId: recipe }, bea.token);
      subscribeWs(beaClient, PRESENCE, { targetId: recipe });
      await showsEventually(adaSees, '2: Bea, Ada');
      await ok(server.url, SET_TYPING, { targetId: recipe, typing: true }, bea.token);
      await showsEventually(adaSees, '2: *Bea, Ada');
      await ok(server.url, ADD_COMMENT, { input: { targetId: recipe, body: 'Done' } }, bea.token);
      await showsEventually(adaSees, '2: Bea, Ada');
      beaSees.stop();
      beaClient.dispose();
      await showsEventually(adaSees, '1: Ada');
      adaClient.dispose();
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
