import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCursorSeal } from '../../src/changes/cursor.js';
import { type Collected, ok, signUp, subscribeSse, subscribeWs, wsClient } from '../support/clients.js';
import { type Cluster, startCluster, waitForSubscriptions } from '../support/cluster.js';
import { BLOG_CHANGED, CREATE_BLOG, CREATE_RECIPE, RECIPE_CHANGED, UPDATE_BLOG } from '../support/operations.js';
import { TEST_SECRET } from '../support/servers.js';

interface Change {
  kind: string;
  cursor: string;
}

const HIDDEN_EDITS = 5;

describe('sealed change cursors', () => {
  let cluster: Cluster;
  let before: Change;
  let after: Change;
  let recipeCursor: string;
  let positions: number[];

  beforeAll(async () => {
    cluster = await startCluster(2);
    const [one, two] = cluster.servers.map((server) => server.url) as [string, string];
    const alice = await signUp(one, 'Alice');
    const bob = await signUp(two, 'Bob');
    // An anonymous reader on instance one sees Alice's public posts, never Bob's draft.
    const client = wsClient(cluster.servers[0]?.wsUrl ?? '');
    const blogs = subscribeWs(client, BLOG_CHANGED);
    const recipes = subscribeWs(client, RECIPE_CHANGED);
    await waitForSubscriptions(one, 2);
    await ok(one, CREATE_BLOG, { input: { title: 'Public one', body: 'hi', tags: [], published: true } }, alice.token);
    const draft = await ok(two, CREATE_BLOG, { input: { title: 'Draft', body: 'v0', tags: [], published: false } }, bob.token);
    for (let i = 1; i <= HIDDEN_EDITS; i++) {
      await ok(two, UPDATE_BLOG, { id: draft.createBlog.id, input: { body: `v${i}` } }, bob.token);
    }
    await ok(one, CREATE_BLOG, { input: { title: 'Public two', body: 'hi', tags: [], published: true } }, alice.token);
    await ok(one, CREATE_RECIPE, { input: { title: 'Soup', ingredients: ['water'], steps: ['boil'], tags: [] } }, alice.token);
    const [first, second] = await blogs.waitFor(2);
    if (!first || !second) throw new Error('expected two blog events');
    [before, after] = [first, second];
    recipeCursor = (await recipes.waitFor(1))[0]?.cursor ?? '';
    await client.dispose();
    const sql = postgres(cluster.db.url, { max: 1, onnotice: () => {} });
    positions = (await sql<Array<{ position: string }>>`select position from change_log where entity = 'blog' order by position`).map(
      (row) => Number(row.position),
    );
    await sql.end();
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  const urlOf = (serverIndex: number) => cluster.servers[serverIndex]?.url ?? '';
  const reasonFor = async (stream: Collected<unknown>) => {
    await expect(stream.waitFor(1, 5_000)).rejects.toThrow(/subscription failed/);
    const [errors] = stream.errors as Array<Array<{ extensions?: { code?: string; reason?: string } }>>;
    stream.stop();
    return errors?.[0]?.extensions;
  };
  const INVALID = { code: 'BAD_USER_INPUT', reason: 'CURSOR_INVALID' };

  it('gives out cursors that do not show how far the log moved between two visible changes', () => {
    const first = positions[0] ?? 0;
    const last = positions.at(-1) ?? 0;
    // The log holds the hidden draft edits between the two public posts ...
    expect(positions).toHaveLength(HIDDEN_EDITS + 3);
    // ... and the cursors are sealed with the server's key: equal in length, no position inside to read.
    expect(before.cursor).toHaveLength(after.cursor.length);
    for (const [cursor, position] of [
      [before.cursor, first],
      [after.cursor, last],
    ] as const) {
      expect(cursor).toBe(createCursorSeal(TEST_SECRET).seal('blog', position));
      const bytes = Buffer.from(cursor, 'base64url');
      expect(bytes.toString('latin1')).not.toMatch(/chg|blog/);
      expect(bytes.toString('latin1')).not.toContain(String(position));
      const asInteger = Buffer.alloc(8);
      asInteger.writeBigUInt64BE(BigInt(position));
      expect(bytes.includes(asInteger.subarray(4))).toBe(false);
    }
  });

  it('is accepted by every instance sharing the secret: resume on the other instance replays exactly what came next', async () => {
    for (const server of cluster.servers) {
      const stream = subscribeSse(server.url, BLOG_CHANGED, { after: before.cursor });
      const [replayed] = await stream.waitFor(1);
      stream.stop();
      expect(replayed).toMatchObject({ kind: 'CREATED', cursor: after.cursor });
    }
  });

  it('refuses a tampered cursor, a cursor of another field, another secret and the old readable format as CURSOR_INVALID', async () => {
    const bytes = Buffer.from(after.cursor, 'base64url');
    for (const index of [0, 5, 15, bytes.length - 1]) {
      const tampered = Buffer.from(bytes);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(await reasonFor(subscribeSse(urlOf(index % 2), BLOG_CHANGED, { after: tampered.toString('base64url') }))).toEqual(INVALID);
    }
    expect(await reasonFor(subscribeSse(urlOf(0), BLOG_CHANGED, { after: after.cursor.slice(0, -2) }))).toEqual(INVALID);
    expect(await reasonFor(subscribeSse(urlOf(1), BLOG_CHANGED, { after: recipeCursor }))).toEqual(INVALID);
    expect(await reasonFor(subscribeSse(urlOf(0), RECIPE_CHANGED, { after: after.cursor }))).toEqual(INVALID);
    const otherSecret = createCursorSeal('another-secret-that-is-long-enough-too!!').seal('blog', positions[0] ?? 0);
    expect(await reasonFor(subscribeSse(urlOf(1), BLOG_CHANGED, { after: otherSecret }))).toEqual(INVALID);
    expect(
      await reasonFor(subscribeSse(urlOf(0), BLOG_CHANGED, { after: Buffer.from(`chg1:blog:${positions[0]}`).toString('base64url') })),
    ).toEqual(INVALID);
  });
});
