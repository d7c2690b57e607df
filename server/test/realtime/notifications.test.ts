import postgres from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NotificationChangedSubscription } from '../generated/graphql.js';
import { graphql } from '../generated/index.js';
import { type Collected, gql, ok, signUp, subscribeSse, subscribeWs, type TestUser } from '../support/clients.js';
import { settle, sleep, until, waitForSubscriptions } from '../support/cluster.js';
import { liveClusterForFile } from '../support/live-cluster.js';
import { ADD_COMMENT, CREATE_RECIPE, DELETE_COMMENT, MARK_READ, NOTIFICATION_CHANGED, NOTIFICATIONS } from '../support/operations.js';
import { type ServerProcess, spawnServer } from '../support/servers.js';

type NotificationChange = NotificationChangedSubscription['notificationChanged'];

type User = TestUser;

/** Replays the events and checks that each carries the unread count right after it. */
function expectConsistentCounts(events: NotificationChange[]): Set<string> {
  const unread = new Set<string>();
  for (const event of events) {
    if (event.kind === 'CREATED' && !event.notification?.read) unread.add(event.notificationId);
    if (event.kind === 'UPDATED' && event.notification?.read) unread.delete(event.notificationId);
    if (event.kind === 'DELETED') unread.delete(event.notificationId);
    expect(event.unreadCount, `after ${event.kind} ${event.notificationId}`).toBe(unread.size);
  }
  return unread;
}

describe('notificationChanged across three instances', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let c: ServerProcess;
  let alice: User;
  let bob: User;
  let carol: User;
  const live = liveClusterForFile(3);
  const { track, connect, defer } = live;
  const overWs = (server: ServerProcess, user?: User, after?: string) =>
    track(subscribeWs(connect(server.wsUrl, user?.token), NOTIFICATION_CHANGED, { after }));
  const overSse = (server: ServerProcess, user?: User) => track(subscribeSse(server.url, NOTIFICATION_CHANGED, {}, user?.token));
  const recipeOf = async (user: User, server = c) =>
    (await ok(server.url, CREATE_RECIPE, { input: { title: 'Stew' } }, user.token)).createRecipe.id as string;
  const add = async (user: User, targetId: string, body: string, server = c) =>
    (await ok(server.url, ADD_COMMENT, { input: { targetId, body } }, user.token)).addComment.id as string;

  beforeAll(async () => {
    [a, b, c] = live.cluster.servers as [ServerProcess, ServerProcess, ServerProcess];
    [alice, bob, carol] = await Promise.all([signUp(c.url, 'Alice'), signUp(c.url, 'Bob'), signUp(c.url, 'Carol')]);
  });

  it('streams a notification created, read and deleted to every stream of its recipient on every instance, and to nobody else', async () => {
    const recipe = await recipeOf(alice);
    const tabOne = overWs(a, alice);
    const tabTwo = overSse(b, alice);
    const commenter = overWs(a, bob);
    const bystander = overSse(b, carol);
    await Promise.all([waitForSubscriptions(a.url, 2), waitForSubscriptions(b.url, 2)]);

    await add(alice, recipe, 'my own comment notifies nobody');
    const comment = await add(bob, recipe, 'Delicious');
    const [created] = await tabOne.waitFor(1);
    expect(created).toMatchObject({
      kind: 'CREATED',
      unreadCount: 1,
      notification: { read: false, kind: 'COMMENT_ON_RECIPE', actor: { id: bob.id }, comment: { id: comment, body: 'Delicious' } },
    });
    // Read on another device: both tabs follow.
    expect((await ok(c.url, MARK_READ, { ids: created ? [created.notificationId] : [] }, alice.token)).markNotificationsRead).toBe(1);
    expect((await ok(c.url, MARK_READ, { ids: created ? [created.notificationId] : [] }, alice.token)).markNotificationsRead).toBe(0);
    // Received before the comment goes: an event that goes out after it names no notification (tested below).
    await Promise.all([tabOne.waitFor(2), tabTwo.waitFor(2)]);
    await ok(c.url, DELETE_COMMENT, { id: comment }, bob.token);

    for (const tab of [tabOne, tabTwo]) {
      const events = await tab.waitFor(3);
      expect(events.map((e) => [e.kind, e.notificationId, e.unreadCount, e.notification?.read ?? null])).toEqual([
        ['CREATED', created?.notificationId, 1, false],
        ['UPDATED', created?.notificationId, 0, true],
        ['DELETED', created?.notificationId, 0, null],
      ]);
    }
    await settle();
    expect([tabOne.events.length, tabTwo.events.length, commenter.events.length, bystander.events.length]).toEqual([3, 3, 0, 0]);
  });

  it("streams the deletion of a target's notifications, one event each with the count after it", async () => {
    const gwen = await signUp(c.url, 'Gwen');
    const doomed = await recipeOf(gwen);
    const kept = await recipeOf(gwen);
    const tab = overWs(b, gwen);
    await waitForSubscriptions(b.url, 1);
    await add(bob, doomed, 'one');
    await add(carol, kept, 'stays');
    await add(carol, doomed, 'two');
    await tab.waitFor(3);
    await ok(c.url, graphql(`mutation Notifications_DeleteRecipe($id: ID!) { deleteRecipe(id: $id) }`), { id: doomed }, gwen.token);

    const events = await tab.waitFor(5);
    expect(events.map((e) => [e.kind, e.unreadCount])).toEqual([
      ['CREATED', 1],
      ['CREATED', 2],
      ['CREATED', 3],
      ['DELETED', 2],
      ['DELETED', 1],
    ]);
    expect(events.slice(3).map((e) => e.notificationId)).toEqual([events[0]?.notificationId, events[2]?.notificationId]);
    expect((await ok(c.url, NOTIFICATIONS, {}, gwen.token)).unreadNotificationCount).toBe(1);
    await settle();
    expect(tab.events).toHaveLength(5);
  });

  it('refuses notificationChanged to an anonymous viewer with UNAUTHENTICATED over WebSocket and SSE', async () => {
    const refused: Array<Collected<NotificationChange>> = [overWs(a), overSse(b)];
    await until(() => refused.every((s) => s.errors.length > 0), 'both are refused');
    for (const stream of refused) expect(JSON.stringify(stream.errors)).toContain('UNAUTHENTICATED');
  });

  it('resumes on another instance with `after`: exactly the notifications missed, then live', async () => {
    const dave = await signUp(c.url, 'Dave');
    const recipe = await recipeOf(dave);
    const first = overWs(a, dave);
    await waitForSubscriptions(a.url, 1);
    await add(bob, recipe, 'one');
    const [last] = await first.waitFor(1);
    first.stop();

    const missed = [await add(carol, recipe, 'two'), await add(bob, recipe, 'three')];
    await ok(c.url, MARK_READ, {}, dave.token);
    const resumed = overWs(b, dave, last?.cursor);
    const replayed = await resumed.waitFor(5);
    expect(replayed.map((e) => [e.kind, e.notification?.comment.id ?? null, e.unreadCount])).toEqual([
      ['CREATED', missed[0], 2],
      ['CREATED', missed[1], 3],
      ['UPDATED', expect.any(String), 2],
      ['UPDATED', expect.any(String), 1],
      ['UPDATED', expect.any(String), 0],
    ]);
    await add(carol, recipe, 'four');
    expect((await resumed.waitFor(6)).at(-1)).toMatchObject({ kind: 'CREATED', unreadCount: 1 });
    await settle();
    expect(resumed.events).toHaveLength(6);
  });

  it('replays a notification whose comment has since been deleted with no notification, and goes on', async () => {
    const hal = await signUp(c.url, 'Hal');
    const recipe = await recipeOf(hal);
    const first = overWs(a, hal);
    await waitForSubscriptions(a.url, 1);
    const comment = await add(bob, recipe, 'soon gone');
    const [created] = await first.waitFor(1);
    first.stop();

    // Read, then gone with its comment, before the stream resumes: the read event goes out after the
    // comment it would name no longer exists, as a live event does whose delivery lags.
    await ok(c.url, MARK_READ, {}, hal.token);
    await ok(c.url, DELETE_COMMENT, { id: comment }, bob.token);
    const resumed = overWs(b, hal, created?.cursor);
    const replayed = await resumed.waitFor(2);
    expect(replayed.map((e) => [e.kind, e.notificationId, e.unreadCount, e.notification])).toEqual([
      ['UPDATED', created?.notificationId, 0, null],
      ['DELETED', created?.notificationId, 0, null],
    ]);
    await add(carol, recipe, 'still here');
    expect((await resumed.waitFor(3)).at(-1)).toMatchObject({
      kind: 'CREATED',
      unreadCount: 1,
      notification: { comment: { body: 'still here' } },
    });
  });

  it('keeps unreadCount exact under concurrent comments and marks from two instances', async () => {
    const erin = await signUp(c.url, 'Erin');
    const recipe = await recipeOf(erin);
    const commenters = await Promise.all([1, 2, 3, 4].map((i) => signUp(c.url, `Commenter${i}`)));
    const onA = overWs(a, erin);
    const onB = overSse(b, erin);
    await Promise.all([waitForSubscriptions(a.url, 1), waitForSubscriptions(b.url, 1)]);

    const perCommenter = 10;
    const writes = commenters.map(async (user, i) => {
      for (let n = 0; n < perCommenter; n++) await add(user, recipe, `c${i}-${n}`, n % 2 === 0 ? a : b);
    });
    let marked = 0;
    let writing = true;
    const marks = [a, b].map(async (server) => {
      while (writing) {
        const count = (await ok(server.url, MARK_READ, {}, erin.token)).markNotificationsRead as number;
        marked += count;
        await sleep(5);
      }
    });
    await Promise.all(writes);
    writing = false;
    await Promise.all(marks);

    const total = commenters.length * perCommenter;
    const remaining = (await ok(c.url, NOTIFICATIONS, { first: 1 }, erin.token)).unreadNotificationCount as number;
    expect(marked + remaining).toBe(total);
    expect(marked).toBeGreaterThan(0);
    const expected = total + marked;
    const [seenA, seenB] = await Promise.all([onA.waitFor(expected, 30_000), onB.waitFor(expected, 30_000)]);
    expect(seenA.map((e) => e.cursor)).toEqual(seenB.map((e) => e.cursor));
    expect(expectConsistentCounts(seenA).size).toBe(remaining);
    expect(seenA.at(-1)?.unreadCount).toBe(remaining);
    await settle();
    expect([onA.events.length, onB.events.length]).toEqual([expected, expected]);
  });

  it('never commits a comment without its notification or a notification without its comment, even when the writer is killed mid-write', async () => {
    // The comment, its notification and both change-log rows are written in one transaction. If
    // they were two (or the notification were written after commit, by the publisher or the
    // relay), a SIGKILL with many comments in flight would leave some comment committed without
    // its notification. Killing the writer while dozens are in flight and then finding every
    // committed comment paired with exactly one notification, and every row with its change,
    // shows that nothing can commit in between.
    const fred = await signUp(c.url, 'Fred');
    const recipe = await recipeOf(fred);
    const inbox = overWs(a, fred);
    await waitForSubscriptions(a.url, 1);
    const writer = await spawnServer({ ...live.cluster.env, INSTANCE_ID: 'doomed' });
    defer(() => writer.kill());

    let succeeded = 0;
    let failed = 0;
    let next = 0;
    const attempts = 400;
    const worker = async () => {
      while (next < attempts) {
        next += 1;
        const result = await gql(writer.url, ADD_COMMENT, { input: { targetId: recipe, body: `burst ${next}` } }, bob.token).catch(
          () => null,
        );
        if (result?.data?.addComment) succeeded += 1;
        else failed += 1;
      }
    };
    const workers = Array.from({ length: 24 }, worker);
    await until(() => succeeded >= 40, 'some comments are written');
    await writer.kill();
    await Promise.all(workers);
    expect(failed).toBeGreaterThan(0);

    const sql = postgres(live.cluster.db.url, { max: 1, onnotice: () => {} });
    try {
      const recipeId = Buffer.from(recipe, 'base64').toString('utf8').split(':')[1] ?? '';
      const [counts] = await sql<Array<{ comments: number; notifications: number; orphans: number; unnotified: number }>>`
        select
          (select count(*)::int from comments where target_id = ${recipeId}) as comments,
          (select count(*)::int from notifications where target_id = ${recipeId}) as notifications,
          (select count(*)::int from notifications n where n.target_id = ${recipeId}
             and not exists (select 1 from comments c where c.id = n.comment_id)) as orphans,
          (select count(*)::int from comments c where c.target_id = ${recipeId}
             and (select count(*) from notifications n where n.comment_id = c.id) <> 1) as unnotified`;
      const [logged] = await sql<Array<{ comments: number; notifications: number }>>`
        select
          count(*) filter (where entity = 'comment' and after->>'targetId' = ${recipeId})::int as comments,
          count(*) filter (where entity = 'notification' and after->>'targetId' = ${recipeId})::int as notifications
        from (select entity, kind, after from change_log union all select entity, kind, after from change_pending) appended
        where kind = 'CREATED'`;
      expect(counts?.comments).toBeGreaterThanOrEqual(succeeded);
      expect(counts?.comments).toBeLessThan(attempts);
      expect(counts).toEqual({ comments: counts?.comments, notifications: counts?.comments, orphans: 0, unnotified: 0 });
      expect(logged).toEqual({ comments: counts?.comments, notifications: counts?.comments });

      // The survivors deliver every committed notification, each exactly once, counted in order.
      const events = await inbox.waitFor(counts?.comments ?? 0, 30_000);
      expect(new Set(events.map((e) => e.notificationId)).size).toBe(counts?.comments);
      expectConsistentCounts(events);
      await settle();
      expect(inbox.events).toHaveLength(counts?.comments ?? 0);
    } finally {
      await sql.end();
    }
  });
});
