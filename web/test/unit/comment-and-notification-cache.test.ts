import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DeleteCommentMutation } from '../../src/features/comments/comment-item';
import { AddCommentMutation, CommentChangedSubscription, CommentThreadQuery } from '../../src/features/comments/comment-thread';
import { MarkReadMutation, NotificationsQuery, UnreadCountQuery } from '../../src/features/notifications/notifications';
import { createCacheHarness, type Responder } from './support/cache-harness';
import {
  at,
  type CommentData,
  comment,
  commentChange,
  type NotificationData,
  notification,
  notificationChange,
  notificationPage,
  thread,
} from './support/fixtures';

const soup = { __typename: 'Recipe' as const, id: 'UmVjaXBlOjE=' };
const threadVars = { targetId: soup.id, first: 20, after: null };

/** A harness whose server answers the thread query with `pages()` (called per request) and counts requests. */
function threadHarness(pages: () => ReturnType<typeof thread>, extra: Responder = () => ({ data: null })) {
  const requests: string[] = [];
  const harness = createCacheHarness((name, variables) => {
    requests.push(name);
    if (name === 'CommentThread_Comments') return { data: pages() };
    return extra(name, variables);
  });
  harness.client.subscription(CommentChangedSubscription, { targetId: soup.id }).subscribe(() => {});
  return { harness, requests };
}

function bodies(harness: ReturnType<typeof createCacheHarness>): string[] | null {
  const node = harness.read(CommentThreadQuery, threadVars)?.node;
  return node && 'comments' in node ? node.comments.edges.map((edge) => edge.node.body) : null;
}

function count(harness: ReturnType<typeof createCacheHarness>): number | null {
  const node = harness.read(CommentThreadQuery, threadVars)?.node;
  return node && 'commentCount' in node ? node.commentCount : null;
}

const first = comment('C1', { body: 'First!', createdAt: at(1) });
const second = comment('C2', { body: 'Lovely', createdAt: at(2) });

describe('live comments in the cache', () => {
  it('appends a CREATED comment at the end of a fully loaded thread and counts it, without a refetch', async () => {
    const { harness, requests } = threadHarness(() => thread(soup, [first]));
    await harness.load(CommentThreadQuery, threadVars);

    await harness.emit(commentChange('CREATED', soup.id, 'C2', second));

    expect(bodies(harness)).toEqual(['First!', 'Lovely']);
    expect(count(harness)).toBe(2);
    expect(requests).toEqual(['CommentThread_Comments']);
  });

  it('counts a CREATED comment beyond the loaded pages but leaves it for "load more"', async () => {
    const { harness } = threadHarness(() => thread(soup, [first], { commentCount: 5, hasNextPage: true, endCursor: 'p1' }));
    await harness.load(CommentThreadQuery, threadVars);

    await harness.emit(commentChange('CREATED', soup.id, 'C9', comment('C9', { body: 'Late', createdAt: at(9) })));

    expect(bodies(harness)).toEqual(['First!']);
    expect(count(harness)).toBe(6);
  });

  it("counts the viewer's own comment once, whether its mutation answer or its live event comes first", async () => {
    const mine = comment('C3', { body: 'Mine', createdAt: at(3) });
    const { harness } = threadHarness(
      () => thread(soup, [first], { commentCount: 3, hasNextPage: true, endCursor: 'p1' }),
      (name) => (name === 'CommentThread_Add' ? { data: { addComment: { ...mine, target: soup } } } : { data: null }),
    );
    await harness.load(CommentThreadQuery, threadVars);

    await harness.client.mutation(AddCommentMutation, { input: { targetId: soup.id, body: 'Mine' } }).toPromise();
    await harness.emit(commentChange('CREATED', soup.id, 'C3', mine));
    expect(count(harness)).toBe(4);

    const theirs = comment('C4', { body: 'Theirs', createdAt: at(4) });
    await harness.emit(commentChange('CREATED', soup.id, 'C4', theirs));
    await harness.emit(commentChange('CREATED', soup.id, 'C4', theirs));
    expect(count(harness)).toBe(5);
  });

  it('shows an UPDATED comment’s new body in the thread by normalisation alone', async () => {
    const { harness, requests } = threadHarness(() => thread(soup, [first, second]));
    await harness.load(CommentThreadQuery, threadVars);

    await harness.emit(commentChange('UPDATED', soup.id, 'C1', { ...first, body: 'First! (edited)', version: 2 }));

    expect(bodies(harness)).toEqual(['First! (edited)', 'Lovely']);
    expect(count(harness)).toBe(2);
    expect(harness.highlighted).toContain('C1');
    expect(requests).toEqual(['CommentThread_Comments']);
  });

  it('takes a DELETED comment out of the thread and the count', async () => {
    const { harness } = threadHarness(() => thread(soup, [first, second]));
    await harness.load(CommentThreadQuery, threadVars);

    await harness.emit(commentChange('DELETED', soup.id, 'C1', null));

    expect(bodies(harness)).toEqual(['Lovely']);
    expect(count(harness)).toBe(1);
  });

  it("removes the viewer's own deleted comment at once and counts the deletion once when the event follows", async () => {
    let release: (value: unknown) => void = () => {};
    const answer = new Promise((resolve) => {
      release = resolve;
    });
    const { harness } = threadHarness(
      () => thread(soup, [first, second]),
      (name) => (name === 'CommentItem_Delete' ? answer : { data: null }),
    );
    await harness.load(CommentThreadQuery, threadVars);

    const deleting = harness.client.mutation(DeleteCommentMutation, { id: 'C2' }).toPromise();
    await sleep(0);
    expect(bodies(harness)).toEqual(['First!']);
    expect(count(harness)).toBe(1);

    release({ data: { deleteComment: 'C2' } });
    await deleting;
    await harness.emit(commentChange('DELETED', soup.id, 'C2', null));
    expect(bodies(harness)).toEqual(['First!']);
    expect(count(harness)).toBe(1);
  });

  it('refetches the thread on the gap signal (the cursor expired), and only that thread', async () => {
    let answer: CommentData[] = [first];
    const { harness, requests } = threadHarness(() => thread(soup, answer));
    const observed: (string[] | null)[] = [];
    harness.client.query(CommentThreadQuery, threadVars).subscribe((result) => {
      const node = result.data?.node;
      observed.push(node && 'comments' in node ? node.comments.edges.map((edge) => edge.node.body) : null);
    });
    await sleep(10);

    answer = [first, second];
    await harness.emit({ commentChanged: null });
    await sleep(10);

    expect(requests).toEqual(['CommentThread_Comments', 'CommentThread_Comments']);
    expect(observed.at(-1)).toEqual(['First!', 'Lovely']);
  });
});

const lentils = { __typename: 'Recipe' as const, id: 'UmVjaXBlOjI=', title: 'Lentil soup' };
const listVars = { first: 20, after: null };

function notificationHarness(nodes: NotificationData[], unread: number, extra: Responder = () => ({ data: null })) {
  const requests: string[] = [];
  const harness = createCacheHarness((name, variables) => {
    requests.push(name);
    if (name === 'NotificationsPage_List') return { data: { notifications: notificationPage(nodes) } };
    if (name === 'NotificationsLink_UnreadCount') return { data: { unreadNotificationCount: unread } };
    return extra(name, variables);
  });
  return { harness, requests };
}

function listed(harness: ReturnType<typeof createCacheHarness>): string[] | null {
  return (
    harness
      .read(NotificationsQuery, listVars)
      ?.notifications.edges.map((edge) => `${edge.node.id}:${edge.node.read ? 'read' : 'unread'}`) ?? null
  );
}

const unreadBadge = (harness: ReturnType<typeof createCacheHarness>) => harness.read(UnreadCountQuery, {})?.unreadNotificationCount ?? null;

describe('live notifications in the cache', () => {
  const older = notification('N1', lentils, { createdAt: at(1), read: true });

  it("puts a CREATED notification at the top of the list and takes the badge's count from the event", async () => {
    const { harness, requests } = notificationHarness([older], 0);
    await harness.load(NotificationsQuery, listVars);
    await harness.load(UnreadCountQuery, {});

    await harness.emit(notificationChange('CREATED', 'N2', notification('N2', lentils, { createdAt: at(2) }), 1));

    expect(listed(harness)).toEqual(['N2:unread', 'N1:read']);
    expect(unreadBadge(harness)).toBe(1);
    expect(requests).toEqual(['NotificationsPage_List', 'NotificationsLink_UnreadCount']);
  });

  it('follows a read made on another device: UPDATED marks it read and sets the count, DELETED removes it', async () => {
    const fresh = notification('N2', lentils, { createdAt: at(2) });
    const { harness } = notificationHarness([fresh, older], 1);
    await harness.load(NotificationsQuery, listVars);
    await harness.load(UnreadCountQuery, {});

    await harness.emit(notificationChange('UPDATED', 'N2', { ...fresh, read: true }, 0));
    expect(listed(harness)).toEqual(['N2:read', 'N1:read']);
    expect(unreadBadge(harness)).toBe(0);

    await harness.emit(notificationChange('DELETED', 'N1', null, 0));
    expect(listed(harness)).toEqual(['N2:read']);
  });

  it('drops the count at once when the viewer marks one read, and once only when the live event confirms it', async () => {
    const a = notification('N2', lentils, { createdAt: at(2) });
    const b = notification('N3', lentils, { createdAt: at(3) });
    let release: (value: unknown) => void = () => {};
    const answer = new Promise((resolve) => {
      release = resolve;
    });
    const { harness } = notificationHarness([b, a], 2, (name) => (name === 'NotificationsPage_MarkRead' ? answer : { data: null }));
    await harness.load(NotificationsQuery, listVars);
    await harness.load(UnreadCountQuery, {});

    const marking = harness.client.mutation(MarkReadMutation, { ids: ['N2'] }).toPromise();
    await sleep(0);
    expect(unreadBadge(harness)).toBe(1);
    expect(listed(harness)).toEqual(['N3:unread', 'N2:read']);

    await harness.emit(notificationChange('UPDATED', 'N2', { ...a, read: true }, 1));
    release({ data: { markNotificationsRead: 1 } });
    await marking;
    expect(unreadBadge(harness)).toBe(1);

    await harness.client.mutation(MarkReadMutation, { ids: null }).toPromise();
    expect(unreadBadge(harness)).toBe(0);
    expect(listed(harness)).toEqual(['N3:read', 'N2:read']);
  });

  it('refetches the list and the count on the gap signal', async () => {
    const { harness, requests } = notificationHarness([older], 0);
    harness.client.query(NotificationsQuery, listVars).subscribe(() => {});
    harness.client.query(UnreadCountQuery, {}).subscribe(() => {});
    await sleep(10);

    await harness.emit({ notificationChanged: null });
    await sleep(10);

    expect(requests.filter((name) => name === 'NotificationsPage_List')).toHaveLength(2);
    expect(requests.filter((name) => name === 'NotificationsLink_UnreadCount')).toHaveLength(2);
  });
});
