import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memoryAfterGc, PROBE_ARGS } from '../../bench/support/processes.js';
import { graphql } from '../generated/index.js';
import { ok, openedInThisFile, signUp, subscribeSse, subscribeWs, type TestUser } from '../support/clients.js';
import { type Cluster, startCluster, waitForNoSubscriptions, waitForSubscriptions } from '../support/cluster.js';
import { ADD_COMMENT, CREATE_RECIPE, MARK_READ, UPDATE_COMMENT, UPDATE_RECIPE } from '../support/operations.js';
import type { ServerProcess } from '../support/servers.js';

const NOTIFICATION_BODIES = graphql(`
  subscription NotificationBodies {
    notificationChanged {
      kind
      notification {
        read
        comment {
          body
        }
      }
    }
  }
`);

const COMMENT_TARGETS = graphql(`
  subscription CommentTargets($targetId: ID!) {
    commentChanged(targetId: $targetId) {
      kind
      comment {
        body
        target {
          ... on Recipe {
            title
          }
        }
      }
    }
  }
`);

describe('nested objects of an event are loaded as they are when the event goes out', () => {
  const opened = openedInThisFile();
  let cluster: Cluster;
  let server: ServerProcess;
  let cook: TestUser;
  let guest: TestUser;

  beforeAll(async () => {
    // The heap probe lets the last test read the instance's heap after a collection.
    const previous = process.env.SERVER_NODE_ARGS;
    process.env.SERVER_NODE_ARGS = PROBE_ARGS.join(' ');
    try {
      cluster = await startCluster(1);
    } finally {
      if (previous === undefined) delete process.env.SERVER_NODE_ARGS;
      else process.env.SERVER_NODE_ARGS = previous;
    }
    server = cluster.servers[0] as ServerProcess;
    [cook, guest] = await Promise.all([signUp(server.url, 'Cook'), signUp(server.url, 'Guest')]);
  });
  afterAll(async () => {
    await opened.closeAll();
    await cluster?.stop();
  });
  // Each test waits for its own subscriptions by the instance's count, which a stream left open
  // by an earlier test would satisfy before the new ones have started.
  afterEach(async () => {
    await opened.closeAll();
    await waitForNoSubscriptions(server.url);
  });

  it("gives a notification's UPDATED event the comment's body as edited since the notification was created, over WebSocket and SSE", async () => {
    const recipe = (await ok(server.url, CREATE_RECIPE, { input: { title: 'Broth' } }, cook.token)).createRecipe.id;
    const overWs = opened.track(subscribeWs(opened.connect(server.wsUrl, cook.token), NOTIFICATION_BODIES));
    const overSse = opened.track(subscribeSse(server.url, NOTIFICATION_BODIES, {}, cook.token));
    await waitForSubscriptions(server.url, 2);

    const comment = (await ok(server.url, ADD_COMMENT, { input: { targetId: recipe, body: 'Too salty' } }, guest.token)).addComment.id;
    for (const stream of [overWs, overSse]) expect((await stream.waitFor(1))[0]?.notification?.comment.body).toBe('Too salty');
    await ok(server.url, UPDATE_COMMENT, { id: comment, input: { body: 'Just right, actually' } }, guest.token);
    await ok(server.url, MARK_READ, {}, cook.token);

    for (const stream of [overWs, overSse]) {
      const [, updated] = await stream.waitFor(2);
      expect(updated?.kind).toBe('UPDATED');
      expect(updated?.notification).toEqual({ read: true, comment: { body: 'Just right, actually' } });
    }
  });

  it('gives a comment event its target as it is after the target changed, over WebSocket and SSE', async () => {
    const recipe = (await ok(server.url, CREATE_RECIPE, { input: { title: 'Soup' } }, cook.token)).createRecipe.id;
    const overWs = opened.track(subscribeWs(opened.connect(server.wsUrl), COMMENT_TARGETS, { targetId: recipe }));
    const overSse = opened.track(subscribeSse(server.url, COMMENT_TARGETS, { targetId: recipe }));
    await waitForSubscriptions(server.url, 2);

    await ok(server.url, ADD_COMMENT, { input: { targetId: recipe, body: 'First' } }, guest.token);
    for (const stream of [overWs, overSse]) expect((await stream.waitFor(1))[0]?.comment?.target).toEqual({ title: 'Soup' });
    await ok(server.url, UPDATE_RECIPE, { id: recipe, input: { title: 'Winter soup' } }, cook.token);
    await ok(server.url, ADD_COMMENT, { input: { targetId: recipe, body: 'Second' } }, guest.token);

    for (const stream of [overWs, overSse]) {
      const [, second] = await stream.waitFor(2);
      expect(second?.comment?.target).toEqual({ title: 'Winter soup' });
    }
  });

  it('keeps the heap of an instance bounded while one subscription sees thousands of distinct comments', async () => {
    const recipe = (await ok(server.url, CREATE_RECIPE, { input: { title: 'Stew' } }, cook.token)).createRecipe.id;
    const stream = opened.track(subscribeWs(opened.connect(server.wsUrl, cook.token), NOTIFICATION_BODIES));
    await waitForSubscriptions(server.url, 1);
    const pid = server.child.pid ?? 0;
    const post = (from: number, count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, i) =>
          ok(server.url, ADD_COMMENT, { input: { targetId: recipe, body: `${from + i} ${'x'.repeat(4_000)}` } }, guest.token),
        ),
      );
    // A first round fills what the instance keeps once and whatever holds a bounded amount, such
    // as its window of recent changes (8 MB); the growth is read across the second.
    for (let i = 0; i < 1_100; i += 50) await post(i, 50);
    await stream.waitFor(1_100, 60_000);
    const before = await memoryAfterGc(pid);
    for (let i = 1_100; i < 2_100; i += 50) await post(i, 50);
    await stream.waitFor(2_100, 60_000);
    const after = await memoryAfterGc(pid);
    // 1,000 comments of 4 KB each: kept by the subscription, they would be over 4 MB.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(1.5 * 2 ** 20);
  }, 120_000);
});
