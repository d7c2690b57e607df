import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, ok, signUp, subscribeWs, wsClient } from '../support/clients.js';
import { health, waitForSubscriptions } from '../support/cluster.js';
import { BLOG_CHANGED, CREATE_BLOG, CREATE_RECIPE, RECIPE_CHANGED } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

/** What GraphiQL sends: the Headers tab in each subscribe's extensions, an empty connection_init. */
const headers = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

describe('a token in a subscribe message’s extensions.headers (GraphiQL’s Headers tab)', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
  });
  afterAll(async () => {
    await server?.stop();
  });
  // Each test counts its own subscriptions, so the previous test's must be gone first.
  afterEach(async () => {
    await eventually(
      () => health(server.url),
      (h) => h.activeSubscriptions === 0,
    );
  });

  it('signs that subscription in, so an author receives their own draft’s events on a socket opened without a token', async () => {
    const author = await signUp(server.url, 'Headers');
    const client = wsClient(server.wsUrl);
    const signedIn = subscribeWs(client, BLOG_CHANGED, {}, headers(author.token));
    const anonymous = subscribeWs(client, BLOG_CHANGED);
    await waitForSubscriptions(server.url, 2);

    await ok(server.url, CREATE_BLOG, { input: { title: 'Draft via headers', body: 'b', tags: [], published: false } }, author.token);
    await ok(server.url, CREATE_BLOG, { input: { title: 'Public via headers', body: 'b', tags: [], published: true } }, author.token);

    const [draft, published] = await signedIn.waitFor(2);
    expect(draft).toMatchObject({ kind: 'CREATED', blog: { title: 'Draft via headers', published: false } });
    expect(published).toMatchObject({ kind: 'CREATED', blog: { title: 'Public via headers' } });
    const [first] = await anonymous.waitFor(1);
    expect(first).toMatchObject({ blog: { title: 'Public via headers' } });
    expect(anonymous.events).toHaveLength(1);
    signedIn.stop();
    anonymous.stop();
    await client.dispose();
  });

  it('fails only that subscription with UNAUTHENTICATED when the token is bad, and the socket keeps serving the others', async () => {
    const author = await signUp(server.url, 'Headers');
    const client = wsClient(server.wsUrl);
    const healthy = subscribeWs(client, RECIPE_CHANGED);
    await waitForSubscriptions(server.url, 1);
    const refused = subscribeWs(client, RECIPE_CHANGED, {}, headers('not-a-token'));
    await expect(refused.waitFor(1)).rejects.toThrow(/UNAUTHENTICATED/);
    // The error is the one HTTP gives, without Yoga's internal status hint.
    expect(refused.errors).toEqual([[{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }]]);

    await ok(server.url, CREATE_RECIPE, { input: { title: 'Still live', ingredients: [], steps: [], tags: [] } }, author.token);
    const [event] = await healthy.waitFor(1);
    expect(event).toMatchObject({ kind: 'CREATED', recipe: { title: 'Still live' } });
    expect(refused.events).toEqual([]);
    healthy.stop();
    await client.dispose();
  });

  it('accepts the same user as connection_init but refuses a header naming another user on a signed-in socket', async () => {
    const author = await signUp(server.url, 'Headers');
    const other = await signUp(server.url, 'Other');
    const client = wsClient(server.wsUrl, author.token);
    const same = subscribeWs(client, BLOG_CHANGED, {}, headers(author.token));
    const mismatched = subscribeWs(client, BLOG_CHANGED, {}, { headers: { authorization: `Bearer ${other.token}` } });
    await expect(mismatched.waitFor(1)).rejects.toThrow(/UNAUTHENTICATED/);
    await waitForSubscriptions(server.url, 1);

    await ok(server.url, CREATE_BLOG, { input: { title: 'Own draft', body: 'b', tags: [], published: false } }, author.token);
    const [event] = await same.waitFor(1);
    expect(event).toMatchObject({ kind: 'CREATED', blog: { title: 'Own draft' } });
    same.stop();
    await client.dispose();
  });
});
