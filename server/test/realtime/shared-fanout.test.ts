import { print } from 'graphql';
import { createClient } from 'graphql-ws';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RecipeChangedSubscription } from '../generated/graphql.js';
import { type Collected, ok, signUp, subscribeSse, subscribeWs } from '../support/clients.js';
import { sleep, waitForSubscriptions } from '../support/cluster.js';
import { liveClusterForFile } from '../support/live-cluster.js';
import { BLOG_CHANGED, CREATE_BLOG, CREATE_RECIPE, RECIPE_CHANGED, UPDATE_BLOG, UPDATE_RECIPE } from '../support/operations.js';
import { openAcknowledgedRawWebSocket } from '../support/raw-websocket.js';
import type { ServerProcess } from '../support/servers.js';

type RecipeChange = RecipeChangedSubscription['recipeChanged'];

/** Ids a client may choose that only survive when the server escapes them as JSON. */
const AWKWARD_IDS = ['say "hi"', 'back\\slash\\', 'ünïcödé ✓ 😀', 'ctrl\u0001\u001f\n\t\r', '\u2028\u2029', '</script>{"id":1}'];

describe('shared fan-out: one execution per event and visibility class, spliced frames per subscriber', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let alice: { token: string; id: string };
  let bob: { token: string; id: string };
  const live = liveClusterForFile(2);
  const { track, connect, defer } = live;

  beforeAll(async () => {
    [a, b] = live.cluster.servers as [ServerProcess, ServerProcess];
    alice = await signUp(a.url, 'Alice');
    bob = await signUp(a.url, 'Bob');
  });

  it("delivers a draft's events only to its author while the author, another viewer and an anonymous client subscribe with the same document on both instances", async () => {
    const streams = {
      aliceOnA: track(subscribeWs(connect(a.wsUrl, alice.token), BLOG_CHANGED)),
      bobOnA: track(subscribeWs(connect(a.wsUrl, bob.token), BLOG_CHANGED)),
      nobodyOnA: track(subscribeWs(connect(a.wsUrl), BLOG_CHANGED)),
      aliceOnB: track(subscribeWs(connect(b.wsUrl, alice.token), BLOG_CHANGED)),
      bobOnB: track(subscribeWs(connect(b.wsUrl, bob.token), BLOG_CHANGED)),
      nobodyOnB: track(subscribeWs(connect(b.wsUrl), BLOG_CHANGED)),
    };
    await Promise.all([waitForSubscriptions(a.url, 3), waitForSubscriptions(b.url, 3)]);

    const draft = (
      await ok(a.url, CREATE_BLOG, { input: { title: 'Hidden title', body: 'hidden body', tags: [], published: false } }, alice.token)
    ).createBlog as { id: string };
    await ok(b.url, UPDATE_BLOG, { id: draft.id, input: { body: 'hidden edit' } }, alice.token);
    await ok(a.url, UPDATE_BLOG, { id: draft.id, input: { published: true, title: 'Public title', body: 'public body' } }, alice.token);
    await ok(b.url, UPDATE_BLOG, { id: draft.id, input: { body: 'public edit' } }, alice.token);

    for (const author of [streams.aliceOnA, streams.aliceOnB]) {
      const seen = await author.waitFor(4);
      expect(seen.map((e) => [e.kind, e.blog?.body])).toEqual([
        ['CREATED', 'hidden body'],
        ['UPDATED', 'hidden edit'],
        ['UPDATED', 'public body'],
        ['UPDATED', 'public edit'],
      ]);
    }
    for (const other of [streams.bobOnA, streams.nobodyOnA, streams.bobOnB, streams.nobodyOnB]) {
      const seen = await other.waitFor(2);
      expect(seen.map((e) => [e.kind, e.blog?.body])).toEqual([
        ['CREATED', 'public body'],
        ['UPDATED', 'public edit'],
      ]);
    }
    await sleep(700);
    for (const other of [streams.bobOnA, streams.nobodyOnA, streams.bobOnB, streams.nobodyOnB]) {
      expect(other.events).toHaveLength(2);
      expect(JSON.stringify(other.events)).not.toMatch(/Hidden title|hidden body|hidden edit/);
    }
    // Once public, the author and everyone else see the same update; only its kind differed at publishing.
    expect(streams.aliceOnA.events[3]).toEqual(streams.bobOnB.events[1]);
  });

  it('sends `next` frames that graphql-ws clients accept for ids that need JSON escaping, beside an SSE subscriber of the same document', async () => {
    const clients = AWKWARD_IDS.map((id) => {
      const client = createClient({ url: a.wsUrl, webSocketImpl: WebSocket, lazy: true, retryAttempts: 0, generateID: () => id });
      defer(() => client.dispose());
      return client;
    });
    const streams: Array<Collected<RecipeChange>> = clients.map((client) => track(subscribeWs(client, RECIPE_CHANGED)));
    const sse = track(subscribeSse(a.url, RECIPE_CHANGED));
    await sse.opened;
    await waitForSubscriptions(a.url, AWKWARD_IDS.length + 1);

    const recipe = (
      await ok(b.url, CREATE_RECIPE, { input: { title: 'Escaped', ingredients: ['x'], steps: ['y'], tags: [] } }, alice.token)
    ).createRecipe as { id: string };
    await ok(b.url, UPDATE_RECIPE, { id: recipe.id, input: { title: 'Escaped twice' } }, alice.token);

    const expected = [
      ['CREATED', 'Escaped'],
      ['UPDATED', 'Escaped twice'],
    ];
    for (const stream of [...streams, sse]) {
      const seen = await stream.waitFor(2);
      expect(seen.map((e) => [e.kind, e.recipe?.title])).toEqual(expected);
    }
    expect(new Set([...streams, sse].map((s) => JSON.stringify(s.events))).size).toBe(1);
  });

  it('writes each live event as exactly {"id","type":"next","payload"} with the id escaped, read off the raw socket', async () => {
    const id = AWKWARD_IDS.join('|');
    const { activeSubscriptions } = (await (await fetch(`${a.url}/health`)).json()) as { activeSubscriptions: number };
    const raw = await openAcknowledgedRawWebSocket(a.port);
    defer(() => raw.socket.destroy());
    raw.send({ id, type: 'subscribe', payload: { query: print(RECIPE_CHANGED) } });
    await waitForSubscriptions(a.url, activeSubscriptions + 1);

    const recipe = (await ok(b.url, CREATE_RECIPE, { input: { title: 'Raw', ingredients: ['x'], steps: ['y'], tags: [] } }, alice.token))
      .createRecipe as { id: string };
    await raw.waitForMessage((message) => message.type === 'next');

    const next = raw.messages().filter((message) => message.type === 'next');
    expect(next).toHaveLength(1);
    expect(Object.keys(next[0] ?? {})).toEqual(['id', 'type', 'payload']);
    expect(next[0]?.id).toBe(id);
    const payload = next[0]?.payload as { data: { recipeChanged: { recipeId: string; recipe: { title: string } } } };
    expect(payload.data.recipeChanged.recipeId).toBe(recipe.id);
    expect(payload.data.recipeChanged.recipe.title).toBe('Raw');
  });
});
