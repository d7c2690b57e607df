import { setTimeout as sleep } from 'node:timers/promises';
import { print } from 'graphql';
import { decodeJwt, SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { endAtTokenExpiry } from '../../src/transport/token-expiry.js';
import { SocketExpiry } from '../../src/transport/websocket/socket-expiry.js';
import { graphql } from '../generated/index.js';
import { gql, ok, signUp, subscribeSse, subscribeWs, wsClient } from '../support/clients.js';
import { waitForNoSubscriptions, waitForSubscriptions } from '../support/cluster.js';
import { CREATE_RECIPE } from '../support/operations.js';
import { openAcknowledgedRawWebSocket } from '../support/raw-websocket.js';
import { type RunningServer, startInProcess, TEST_SECRET } from '../support/servers.js';

const LIVE = graphql(`subscription TokenLifetime_RecipeChanged { recipeChanged { kind recipeId cursor } }`);
const REFRESH = graphql(`mutation TokenLifetime_RefreshToken { refreshToken { token user { id name } } }`);
const ME = graphql(`query TokenLifetime_Me { me { id } }`);
/** The contract's bound between a token's expiry and the end of what it authenticated. */
const GRACE_MS = 5_000;

const expiryOf = (token: string) => (decodeJwt(token).exp as number) * 1000;

async function createRecipe(url: string, token: string, title: string): Promise<string> {
  const data = await ok(url, CREATE_RECIPE, { input: { title, ingredients: ['a'], steps: ['b'] } }, token);
  return data.createRecipe.id;
}

async function untilExpired(token: string): Promise<void> {
  const left = expiryOf(token) - Date.now();
  if (left > 0) await sleep(left + 50);
}

describe('token lifetime', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://', TOKEN_TTL: '3s' });
  });
  afterAll(async () => {
    await server?.stop();
  });
  // A test's waitForSubscriptions counts every subscription on the instance: the next test starts
  // once the ones this test closed are gone from that count.
  afterEach(async () => {
    await waitForNoSubscriptions(server.url);
  });

  it('closes a WebSocket authenticated with a token with 4403 within 5 s after the token expires, not before, though another socket of the token closed first', async () => {
    const cook = await signUp(server.url, 'Expiring');
    const client = wsClient(server.wsUrl, cook.token);
    let closedAt = 0;
    let closeCode = 0;
    const closed = new Promise<void>((resolve) =>
      client.on('closed', (event) => {
        closeCode = (event as { code: number }).code;
        closedAt = Date.now();
        resolve();
      }),
    );
    const stream = subscribeWs(client, LIVE);
    // Another tab with the same token, closed before the expiry: the first socket must still be closed.
    const otherTab = wsClient(server.wsUrl, cook.token);
    const otherStream = subscribeWs(otherTab, LIVE);
    await waitForSubscriptions(server.url, 2);
    const id = await createRecipe(server.url, cook.token, 'Before expiry');
    expect((await stream.waitFor(1))[0]).toMatchObject({ recipeId: id });
    expect((await otherStream.waitFor(1))[0]).toMatchObject({ recipeId: id });
    otherStream.stop();
    await otherTab.dispose();

    await closed;
    expect(closeCode).toBe(4403);
    expect(closedAt).toBeGreaterThanOrEqual(expiryOf(cook.token));
    expect(closedAt - expiryOf(cook.token)).toBeLessThanOrEqual(GRACE_MS);
    stream.stop();
    await client.dispose();
  });

  it('ends an SSE stream authenticated with a token within 5 s after the token expires, with UNAUTHENTICATED', async () => {
    const cook = await signUp(server.url, 'Streaming');
    const stream = subscribeSse(server.url, LIVE, {}, cook.token);
    await stream.opened;
    await waitForSubscriptions(server.url, 1);
    const id = await createRecipe(server.url, cook.token, 'Over SSE');
    expect((await stream.waitFor(1))[0]).toMatchObject({ recipeId: id });

    await expect(stream.waitFor(2, GRACE_MS + 5_000)).rejects.toThrow(/UNAUTHENTICATED/);
    const failedAt = Date.now();
    expect(failedAt).toBeGreaterThanOrEqual(expiryOf(cook.token));
    expect(failedAt - expiryOf(cook.token)).toBeLessThanOrEqual(GRACE_MS);
    for (let wait = 0; wait < 50 && !stream.completed; wait += 1) await sleep(20);
    expect(stream.completed).toBe(true);
    await waitForSubscriptions(server.url, 0).catch(() => {});
  });

  it('refuses a signed token without exp on HTTP with UNAUTHENTICATED and on a WebSocket with 4403', async () => {
    const cook = await signUp(server.url, 'Forever');
    const forever = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(cook.id)
      .setIssuer('live-recipes')
      .setIssuedAt()
      .sign(new TextEncoder().encode(TEST_SECRET));

    const answer = await gql(server.url, ME, {}, forever);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.data ?? null).toBeNull();
    await expect(openAcknowledgedRawWebSocket(server.port, { authorization: `Bearer ${forever}` })).rejects.toThrow(
      'closed with 4403 before connection_ack',
    );
    // The same account with a token that does expire is fine.
    expect(await ok(server.url, ME, {}, cook.token)).toEqual({ me: { id: cook.id } });
  });

  it('refuses a signed token whose subject is not a user id with UNAUTHENTICATED on HTTP and SSE and with 4403 on a WebSocket', async () => {
    const stranger = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('admin')
      .setIssuer('live-recipes')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(TEST_SECRET));

    const answer = await gql(server.url, ME, {}, stranger);
    expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.data ?? null).toBeNull();
    const stream = subscribeSse(server.url, LIVE, {}, stranger);
    await expect(stream.waitFor(1)).rejects.toThrow(/UNAUTHENTICATED/);
    stream.stop();
    await expect(openAcknowledgedRawWebSocket(server.port, { authorization: `Bearer ${stranger}` })).rejects.toThrow(
      'closed with 4403 before connection_ack',
    );
  });

  it('gives a valid token a successor with a fresh lifetime, and refuses an expired or missing one with UNAUTHENTICATED', async () => {
    const cook = await signUp(server.url, 'Refreshing');
    await sleep(1_100);
    const { refreshToken } = await ok(server.url, REFRESH, {}, cook.token);
    expect(refreshToken.user.id).toBe(cook.id);
    expect(expiryOf(refreshToken.token)).toBeGreaterThan(expiryOf(cook.token));
    expect(await ok(server.url, ME, {}, refreshToken.token)).toEqual({ me: { id: cook.id } });

    await untilExpired(cook.token);
    const expired = await gql(server.url, REFRESH, {}, cook.token);
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(expired.data ?? null).toBeNull();
    // The successor outlives its predecessor.
    expect(await ok(server.url, ME, {}, refreshToken.token)).toEqual({ me: { id: cook.id } });

    const anonymous = await gql(server.url, REFRESH);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('accepts refreshToken over the WebSocket the token opened', async () => {
    const cook = await signUp(server.url, 'Resocketed');
    const client = wsClient(server.wsUrl, cook.token);
    type Refreshed = { data: { refreshToken: { token: string; user: { id: string } } } };
    const result = await new Promise<Refreshed>((resolve, reject) => {
      client.subscribe({ query: print(REFRESH) }, { next: (value) => resolve(value as Refreshed), error: reject, complete: () => {} });
    });
    expect(result.data.refreshToken.user.id).toBe(cook.id);
    expect(expiryOf(result.data.refreshToken.token)).toBeGreaterThanOrEqual(expiryOf(cook.token));
    await client.dispose();
  });
});

describe('token expiry timing', () => {
  it('closes a socket whose token expired by the time the socket was registered', () => {
    const expired: unknown[] = [];
    const expiry = new SocketExpiry((socket) => expired.push(socket));
    const socket = {} as WebSocket;
    expiry.add(socket, Date.now() - 1);
    expect(expired).toEqual([socket]);
  });

  it('gives a stream its last result when the token expires while the consumer is busy with the previous one', async () => {
    async function* oneEventThenSilence() {
      yield 'event';
      await new Promise(() => {});
    }
    const stream = endAtTokenExpiry(oneEventThenSilence(), Date.now() + 50, 'expired');
    expect(await stream.next()).toEqual({ done: false, value: 'event' });
    await sleep(100);
    expect(await stream.next()).toEqual({ done: false, value: 'expired' });
    expect(await stream.next()).toEqual({ done: true, value: undefined });
  });
});
