import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep } from '../support/cluster.js';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../support/database.js';
import { type ServerProcess, spawnServer } from '../support/servers.js';

interface LogLine {
  level: number;
  time: string;
  instance: string;
  msg: string;
  reqId?: string;
  [field: string]: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function lines(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '');
}

async function logLineFor(server: ServerProcess, reqId: string): Promise<LogLine> {
  for (let i = 0; i < 50; i++) {
    const found = lines(server.output())
      .filter((line) => line.includes(reqId))
      .map((line) => JSON.parse(line) as LogLine);
    if (found[0]) return found[0];
    await sleep(100);
  }
  throw new Error(`no log line with reqId ${reqId} in:\n${server.output()}`);
}

const post = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: 'query Ping { __typename }', operationName: 'Ping' }),
  });

describe('logs', () => {
  let db: TestDatabase;
  let server: ServerProcess;

  beforeAll(async () => {
    db = await createTestDatabase('ops');
    server = await spawnServer({
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: uniquePrefix('ops'),
      INSTANCE_ID: 'ops-logs',
      LOG_LEVEL: 'info',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('writes one JSON object per line, each naming the instance, with a level, a time and a message', async () => {
    const output = lines(server.output());
    expect(output.length).toBeGreaterThanOrEqual(3);
    for (const line of output) {
      const parsed = JSON.parse(line) as LogLine;
      expect(parsed).toMatchObject({ instance: 'ops-logs', level: expect.any(Number), msg: expect.any(String) });
      expect(new Date(parsed.time).toISOString()).toBe(parsed.time);
    }
    expect(output.map((line) => (JSON.parse(line) as LogLine).msg)).toContain('listening');
  });

  it("logs each request with the caller's X-Request-Id, and answers with it", async () => {
    const reqId = `ops-${randomBytes(6).toString('hex')}`;
    const response = await post(server.url, { 'x-request-id': reqId });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe(reqId);
    const line = await logLineFor(server, reqId);
    expect(line).toMatchObject({
      instance: 'ops-logs',
      reqId,
      msg: 'request completed',
      method: 'POST',
      path: '/graphql',
      status: 200,
      level: 30,
    });
    expect(line.durationMs).toEqual(expect.any(Number));
  });

  it('gives a request without X-Request-Id a fresh id, in the answer and the log, and refuses ids that could forge log lines', async () => {
    const plain = await post(server.url);
    const minted = plain.headers.get('x-request-id') ?? '';
    expect(minted).toMatch(UUID);
    expect((await logLineFor(server, minted)).reqId).toBe(minted);

    const forged = await post(server.url, { 'x-request-id': 'a" ,"level":60,"x":"' });
    const replaced = forged.headers.get('x-request-id') ?? '';
    expect(replaced).toMatch(UUID);
    expect((await logLineFor(server, replaced)).status).toBe(200);
  });

  it('keeps health, readiness and metrics probes out of the info log', async () => {
    const before = server.output().length;
    for (const path of ['/health', '/ready', '/metrics']) expect((await fetch(`${server.url}${path}`)).status).toBe(200);
    await post(server.url, { 'x-request-id': 'ops-after-probes' });
    await logLineFor(server, 'ops-after-probes');
    const added = lines(server.output().slice(before)).map((line) => JSON.parse(line) as LogLine);
    expect(added.filter((line) => line.msg === 'request completed').map((line) => [line.path, line.reqId])).toEqual([
      ['/graphql', 'ops-after-probes'],
    ]);
  });
});
