import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ok, signUp } from '../support/clients.js';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../support/database.js';
import { CREATE_RECIPE } from '../support/operations.js';
import { type ServerProcess, spawnServer } from '../support/servers.js';

/**
 * Random and mutated graphql-transport-ws frames and GraphQL HTTP requests against a real
 * production-mode server process. Properties: the process stays alive and /health answers after
 * every run, no client input gets a 5xx, nothing internal reaches the client, and every close
 * code is one the WebSocket or graphql-ws protocol names. Runs are bounded; a failure prints
 * the seed, which `FUZZ_SEED=<seed>` replays (`FUZZ_WS_RUNS`, `FUZZ_HTTP_RUNS` change the counts).
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const WS_RUNS = Number(process.env.FUZZ_WS_RUNS ?? 60);
const HTTP_RUNS = Number(process.env.FUZZ_HTTP_RUNS ?? 150);
const SECRET_MARKER = 'SECRET-MARKER-OUTSIDE-WEB-DIST';
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * RFC 6455 codes a server may send for a client's fault (1000 normal, 1001 going away, 1002
 * protocol error, 1007 bad UTF-8, 1009 too big, 1013 try later) and graphql-ws's CloseCode for
 * client mistakes (bad request, unauthorized, forbidden, wrong subprotocol, init timeout,
 * duplicate id, repeated init). 4500 and 1011 mean the server itself failed.
 */
const PROTOCOL_CLOSE_CODES = new Set([1000, 1001, 1002, 1007, 1009, 1013, 4400, 4401, 4403, 4406, 4408, 4409, 4429]);

/** Text that only comes from inside the server: stack frames, file paths, SQL and driver messages, runtime errors. */
const INTERNAL_TEXT: RegExp[] = [
  /\bat (async )?[\w$.<>[\] ]+ \(?[^()\s]*:\d+:\d+\)?/,
  /(^|[\s"'(=])\/(work|home|usr|app|srv|opt|tmp|root)\/[\w.-]+/,
  /node_modules|\w\.ts:\d+|\w\.m?js:\d+/,
  /PostgresError|syntax error at or near|relation "|column "\w+" (does not|of)|violates \w+ constraint|duplicate key value|pg_advisory|drizzle/i,
  /ECONNREFUSED|ioredis|ReplyError|Maximum call stack|RangeError|TypeError|ReferenceError|Cannot read propert|is not a function/,
  /Invalid return value from onSubscribe/,
  new RegExp(SECRET_MARKER),
];

function leakIn(text: string): string | null {
  for (const pattern of INTERNAL_TEXT) {
    const match = pattern.exec(text);
    if (match) return `${pattern} matched ${JSON.stringify(text.slice(Math.max(0, match.index - 80), match.index + 120))}`;
  }
  return null;
}

// ---------- shared pieces of input ----------

const QUERIES = [
  'subscription { recipeChanged { kind cursor recipe { title author { name } } } }',
  'subscription ($after: String) { blogChanged(after: $after) { kind cursor blog { title } } }',
  'subscription ($id: ID, $tag: String, $after: String) { recipeChanged(id: $id, tag: $tag, after: $after) { kind recipeId } }',
  'query { recipes(first: 5) { edges { cursor node { id title } } pageInfo { hasNextPage } } }',
  'query ($first: Int, $after: String) { recipes(first: $first, after: $after) { edges { node { id } } } }',
  'query { me { id name } }',
  'query ($id: ID!) { node(id: $id) { id } }',
  '{ __typename }',
  '{ __schema { types { name } } }',
  'mutation { createRecipe(input: { title: "fuzz", ingredients: ["a"], steps: ["b"], tags: [] }) { id version } }',
  'mutation ($input: CreateRecipeInput!) { createRecipe(input: $input) { id } }',
  'mutation ($id: ID!, $input: UpdateRecipeInput!) { updateRecipe(id: $id, input: $input) { id } }',
  'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
  'mutation ($input: SignUpInput!) { signUp(input: $input) { token } }',
  'subscription { recipeChanged(after: "not-a-cursor") { kind } }',
  'subscription { a: recipeChanged { kind } b: blogChanged { kind } }',
  'query { recipes(first: 100000) { edges { node { id } } } }',
  `query { ${'__typename @skip(if: false) '.repeat(100)} }`,
  `query { ${Array.from({ length: 40 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
  'query A { __typename } query B { __typename }',
  'query { ...F } fragment F on Query { ...F }',
  '{ recipes { edges { node { author { name } } } } ',
];

const deepQuery = fc.integer({ min: 10, max: 3_000 }).map((depth) => `query { ${'recipes { edges { node { author { '.repeat(depth)}`);
const hugeQuery = fc.integer({ min: 1_000, max: 60_000 }).map((n) => `query { ${'__typename '.repeat(n)} }`);
const query = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...QUERIES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: deepQuery },
  { weight: 1, arbitrary: hugeQuery },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/**
 * Values nested thousands of levels deep stand in the generated value as a marker and become
 * JSON text only in `serialise`, so the test's own JSON.stringify never recurses that deep.
 */
const nested = (depth: number): string => `@@deep:${depth}@@`;
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}"x"${'}'.repeat(depth)}`;
const serialise = (value: unknown): string =>
  (JSON.stringify(value) ?? 'null').replace(/"@@deep:(\d+)@@"/g, (_, depth: string) => deepJson(Number(depth)));

const cursorLike = fc.oneof(fc.string({ maxLength: 80 }), fc.base64String({ maxLength: 80 }), fc.constant(''));
const variables = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom('after', 'first', 'id', 'tag', 'input', 'x'), fc.jsonValue({ maxDepth: 3 })) },
  { weight: 2, arbitrary: fc.record({ after: cursorLike }) },
  {
    weight: 2,
    arbitrary: fc.record({
      input: fc.record(
        {
          title: fc.string({ maxLength: 300 }),
          email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 40 })),
          password: fc.string({ maxLength: 40 }),
          name: fc.string({ maxLength: 20 }),
          ingredients: fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }),
          expectedVersion: fc.oneof(fc.integer(), fc.double(), fc.string()),
        },
        { requiredKeys: [] },
      ),
      id: fc.oneof(fc.string({ maxLength: 40 }), fc.base64String({ maxLength: 40 })),
    }),
  },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 6_000 }).map((depth) => ({ input: nested(depth) })) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

// ---------- graphql-transport-ws frames ----------

/** `awaitAck`: send the next frame only after connection_ack, as real clients do. */
type Frame = { binary: boolean; data: string | Buffer; awaitAck?: boolean };

/** Counterexamples stay readable: long payloads are printed by their start and length. */
const abbreviated = (data: string | Buffer) => {
  const shown = typeof data === 'string' ? data : `<binary ${data.toString('hex')}>`;
  return shown.length > 400 ? `${shown.slice(0, 400)}… (${shown.length} characters)` : shown;
};

const frame = (binary: boolean, data: string | Buffer, awaitAck = false): Frame =>
  Object.assign(
    { binary, data, ...(awaitAck ? { awaitAck } : {}) },
    { [fc.toStringMethod]: () => `${binary ? 'binary' : 'text'}${awaitAck ? ' (then await ack)' : ''}: ${abbreviated(data)}` },
  );
const text = (data: string): Frame => frame(false, data);

function wsFrames(token: string) {
  const id = fc.oneof(
    { weight: 6, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'i'.repeat(n)) },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.jsonValue({ maxDepth: 1 })) },
  );
  const authorization = fc.oneof(
    fc.constant(`Bearer ${token}`),
    fc.constant('Bearer not-a-token'),
    fc.string({ maxLength: 30 }),
    fc.jsonValue({ maxDepth: 1 }),
  );
  const init = fc.record(
    { type: fc.constant('connection_init'), payload: fc.oneof(fc.record({ authorization }), fc.jsonValue({ maxDepth: 2 })) },
    { requiredKeys: ['type'] },
  );
  const subscribePayload = fc.record(
    {
      query,
      variables,
      operationName: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
      extensions: fc.jsonValue({ maxDepth: 2 }),
    },
    { requiredKeys: ['query'] },
  );
  const subscribe = fc.record({ id, type: fc.constant('subscribe'), payload: subscribePayload });
  const complete = fc.record({ id, type: fc.constant('complete') });
  const message = fc.oneof(
    { weight: 3, arbitrary: init },
    { weight: 6, arbitrary: subscribe },
    { weight: 2, arbitrary: complete },
    {
      weight: 1,
      arbitrary: fc.record({ type: fc.constantFrom('ping', 'pong'), payload: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: ['type'] }),
    },
    {
      weight: 2,
      arbitrary: fc.record(
        {
          type: fc.oneof(
            fc.constantFrom('connection_ack', 'next', 'error', 'start', 'stop', 'ka', 'connection_terminate'),
            fc.string({ maxLength: 10 }),
          ),
          id,
          payload: fc.jsonValue({ maxDepth: 2 }),
        },
        { requiredKeys: ['type'] },
      ),
    },
  );
  // A valid message with one field dropped or replaced by a value of any type.
  const mutated = fc
    .tuple(message, fc.constantFrom('type', 'id', 'payload'), fc.option(fc.jsonValue({ maxDepth: 2 }), { nil: undefined }))
    .map(([valid, key, replacement]) => ({ ...valid, [key]: replacement }));
  const chaos = fc.oneof(
    { weight: 8, arbitrary: message.map((m) => text(serialise(m))) },
    { weight: 3, arbitrary: mutated.map((m) => text(serialise(m))) },
    { weight: 1, arbitrary: fc.string({ maxLength: 100 }).map(text) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((s) => text(`{"type":"subscribe",${s}`)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => text(serialise(v))) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => frame(true, Buffer.from(bytes))) },
    { weight: 1, arbitrary: message.map((m) => frame(true, Buffer.from(serialise(m)))) },
    { weight: 1, arbitrary: fc.constant(text(JSON.stringify({ type: 'ping', payload: { pad: 'p'.repeat(MAX_BODY_BYTES) } }))) },
  );
  // Most frames that break the protocol end the socket at once; sessions of well-formed messages
  // with random operations reach execution, replay and the per-socket bookkeeping.
  const validId = fc.oneof(
    { weight: 8, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) },
    { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 400_000 }).map((n) => 'i'.repeat(n)) },
  );
  const validSubscribe = fc.record({
    id: validId,
    type: fc.constant('subscribe'),
    payload: fc.record(
      {
        query: query.filter((q): q is string => typeof q === 'string'),
        variables: variables.filter((v) => typeof v === 'string' || (typeof v === 'object' && v !== null && !Array.isArray(v))),
        operationName: fc.constantFrom('A', 'B', null),
      },
      { requiredKeys: ['query'] },
    ),
  });
  const wellFormed = fc.oneof(
    { weight: 6, arbitrary: validSubscribe },
    { weight: 2, arbitrary: fc.record({ id: validId, type: fc.constant('complete') }) },
    { weight: 1, arbitrary: fc.constant({ type: 'ping' }) },
  );
  const start = fc.constantFrom(
    { type: 'connection_init' },
    { type: 'connection_init', payload: {} },
    { type: 'connection_init', payload: { authorization: `Bearer ${token}` } },
  );
  const session = fc
    .tuple(start, fc.array(wellFormed, { minLength: 1, maxLength: 12 }))
    .map(([init, rest]) => [frame(false, serialise(init), true), ...rest.map((m) => text(serialise(m)))]);
  const maybeInit = fc.oneof(
    fc.constant([] as unknown[]),
    start.map((init) => [init]),
  );
  const chaotic = fc
    .tuple(maybeInit, fc.array(chaos, { minLength: 1, maxLength: 8 }))
    .map(([init, rest]) => [...init.map((m) => text(serialise(m))), ...rest]);
  return fc.oneof({ weight: 3, arbitrary: session }, { weight: 2, arbitrary: chaotic });
}

interface SocketOutcome {
  unexpectedStatus?: number;
  serverCloseCode?: number;
  closeReason: string;
  received: string[];
  error?: string;
}

/** Plays frames on one real socket, then waits for quiet (or the server's close) before closing it. */
async function playFrames(wsUrl: string, subprotocol: string | undefined, frames: Frame[]): Promise<SocketOutcome> {
  const socket = new WebSocket(wsUrl, subprotocol === undefined ? [] : [subprotocol]);
  const outcome: SocketOutcome = { closeReason: '', received: [] };
  let closedByUs = false;
  let lastActivity = Date.now();
  const closed = new Promise<void>((resolve) => {
    socket.on('close', (code, reason) => {
      if (!closedByUs) outcome.serverCloseCode = code;
      outcome.closeReason = reason.toString();
      resolve();
    });
    socket.on('unexpected-response', (_request, response) => {
      outcome.unexpectedStatus = response.statusCode;
      response.resume();
      resolve();
    });
    socket.on('error', (error) => {
      outcome.error = error.message;
      resolve();
    });
  });
  let acknowledged: () => void = () => {};
  const ack = new Promise<void>((resolve) => (acknowledged = resolve));
  socket.on('message', (data) => {
    lastActivity = Date.now();
    outcome.received.push(data.toString());
    if (data.toString().includes('"connection_ack"')) acknowledged();
  });
  const opened = await Promise.race([
    new Promise<boolean>((resolve) => socket.once('open', () => resolve(true))),
    closed.then(() => false),
  ]);
  if (opened) {
    for (const frame of frames) {
      if (socket.readyState !== WebSocket.OPEN) break;
      socket.send(frame.data, { binary: frame.binary });
      if (frame.awaitAck) await Promise.race([ack, closed]);
    }
    const deadline = Date.now() + 3_000;
    let ended = false;
    void closed.then(() => (ended = true));
    lastActivity = Date.now();
    while (!ended && Date.now() - lastActivity < 250 && Date.now() < deadline) await sleep(25);
    if (!ended) {
      closedByUs = true;
      socket.close(1000);
      const timer = setTimeout(() => socket.terminate(), 2_000);
      await closed;
      clearTimeout(timer);
    }
  }
  return outcome;
}

// ---------- GraphQL over HTTP requests ----------

/** Percent-encodes what Node refuses in a request path, keeping malformed escapes as they are. */
const asRequestPath = (raw: string) =>
  raw.replace(/[^\x21-\x7e]/gu, (ch) => {
    try {
      return encodeURIComponent(ch);
    } catch {
      return '%EF%BF%BD';
    }
  });

interface HttpCase {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  chunked: boolean;
}

function httpCases(token: string) {
  const operation = fc.record(
    {
      query,
      variables,
      operationName: fc.oneof(fc.string({ maxLength: 8 }), fc.constant(null)),
      extensions: fc.jsonValue({ maxDepth: 1 }),
    },
    { requiredKeys: ['query'] },
  );
  const mutatedOperation = fc
    .tuple(operation, fc.constantFrom('query', 'variables', 'operationName', 'extensions'), fc.jsonValue({ maxDepth: 2 }))
    .map(([valid, key, value]) => ({ ...valid, [key]: value }));
  const body = fc.oneof(
    { weight: 6, arbitrary: operation.map((o) => serialise(o)) },
    { weight: 3, arbitrary: mutatedOperation.map((o) => serialise(o)) },
    { weight: 1, arbitrary: fc.array(operation, { maxLength: 3 }).map((o) => serialise(o)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => serialise(v)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 100, max: 6_000 }).map((d) => serialise({ query: QUERIES[10], variables: { input: nested(d) } })),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 100, max: 6_000 }).map((d) => `{"query":"{ __typename }","variables":${'['.repeat(d)}${']'.repeat(d)}}`),
    },
    { weight: 1, arbitrary: operation.map((o) => new URLSearchParams({ query: String(o.query) }).toString()) },
    { weight: 1, arbitrary: fc.constant(JSON.stringify({ query: '{ __typename }', pad: 'p'.repeat(MAX_BODY_BYTES + 10) })) },
    { weight: 1, arbitrary: fc.constant('') },
  );
  const searchOf = (o: { query: unknown; variables?: unknown }) =>
    `query=${encodeURIComponent(String(o.query))}${o.variables === undefined ? '' : `&variables=${encodeURIComponent(serialise(o.variables))}`}`;
  const pathArb = fc.oneof(
    { weight: 6, arbitrary: fc.constant('/graphql') },
    { weight: 3, arbitrary: operation.map((o) => `/graphql?${searchOf(o)}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((s) => `/graphql?${s}`) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '/',
        '/graphql/',
        '//graphql',
        '/GRAPHQL',
        '/graphql%00',
        '/%E0%A4%A',
        '/graphql/%',
        '/%',
        '/..%2fdist-old%2fsecret.txt',
        '/..%2f..%2f..%2fetc%2fpasswd',
        '/../dist-old/secret.txt',
        '/index.html',
        '/health?x=%ZZ',
        '/metrics/../graphql',
        '/ready',
      ),
    },
    { weight: 2, arbitrary: fc.webPath() },
    { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map((s) => `/${s}`) },
  );
  const optionalHeader = (values: fc.Arbitrary<string>) => fc.option(values, { nil: undefined });
  return fc
    .record({
      method: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom('POST', 'GET') },
        { weight: 2, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
      ),
      path: pathArb,
      contentType: optionalHeader(
        fc.constantFrom(
          'application/json',
          'application/json; charset=utf-8',
          'application/graphql',
          'application/graphql-response+json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=xyz',
          'application/json; charset=latin-9000',
          'nonsense',
        ),
      ),
      accept: optionalHeader(
        fc.constantFrom(
          'application/json',
          'application/graphql-response+json',
          'text/event-stream',
          'multipart/mixed',
          'text/html',
          '*/*',
          'image/png',
        ),
      ),
      authorization: optionalHeader(fc.constantFrom(`Bearer ${token}`, 'Bearer not-a-token', 'Basic Zm9vOmJhcg==', 'Bearer', '')),
      body: fc.option(body, { nil: null, freq: 4 }),
      chunked: fc.boolean(),
    })
    .map(({ method, path: rawPath, contentType, accept, authorization, body: payload, chunked }): HttpCase => {
      const headers: Record<string, string> = {};
      if (contentType !== undefined) headers['content-type'] = contentType;
      if (accept !== undefined) headers.accept = accept;
      if (authorization !== undefined) headers.authorization = authorization;
      const testCase = {
        method,
        path: asRequestPath(rawPath),
        headers,
        body: method === 'GET' || method === 'HEAD' ? null : payload,
        chunked,
      };
      return Object.assign(testCase, {
        [fc.toStringMethod]: () =>
          `${method} ${abbreviated(testCase.path)} ${JSON.stringify(headers)}${chunked ? ' chunked' : ''} body: ${testCase.body === null ? 'none' : abbreviated(testCase.body)}`,
      });
    });
}

interface HttpOutcome {
  status: number;
  contentType: string;
  body: string;
}

/** One request on a fresh connection; a streaming answer is read for a moment, then dropped. */
function send(port: number, testCase: HttpCase): Promise<HttpOutcome> {
  return new Promise((resolve, reject) => {
    const headers = { ...testCase.headers };
    if (testCase.body !== null && !testCase.chunked) headers['content-length'] = String(Buffer.byteLength(testCase.body));
    const req = request({ host: '127.0.0.1', port, method: testCase.method, path: testCase.path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const contentType = String(res.headers['content-type'] ?? '');
      const finish = () => resolve({ status: res.statusCode ?? 0, contentType, body: Buffer.concat(chunks).toString('utf8') });
      if (contentType.includes('text/event-stream') || contentType.includes('multipart/mixed')) {
        setTimeout(() => {
          res.destroy();
          finish();
        }, 300);
      }
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', finish);
      res.on('error', finish);
    });
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer in 15 s to ${testCase.method} ${testCase.path}`)));
    req.on('error', (error) => {
      // A server may stop reading a body it refused (413) and close; that is an answer, not a crash.
      if ('code' in error && (error.code === 'EPIPE' || error.code === 'ECONNRESET')) {
        resolve({ status: 0, contentType: '', body: `connection ${error.code}` });
      } else reject(error);
    });
    if (testCase.body !== null) req.write(testCase.body);
    req.end();
  });
}

// ---------- the properties ----------

describe('fuzzing the public surface of a production-mode instance', () => {
  let db: TestDatabase;
  let server: ServerProcess;
  let webRoot: string;
  let token: string;

  const assertAlive = async () => {
    expect(server.child.exitCode, `the server exited:\n${server.output().slice(-4_000)}`).toBeNull();
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { status: string }).status).toBe('ok');
  };

  beforeAll(async () => {
    db = await createTestDatabase('fuzz');
    webRoot = await mkdtemp(path.join(tmpdir(), 'fuzz-web-'));
    // A sibling folder whose name starts like the served one: nothing in it may ever be served.
    await mkdir(path.join(webRoot, 'dist'));
    await mkdir(path.join(webRoot, 'dist-old'));
    await writeFile(path.join(webRoot, 'dist', 'index.html'), '<!doctype html><title>Live Recipes</title>');
    await writeFile(path.join(webRoot, 'dist-old', 'secret.txt'), SECRET_MARKER);
    server = await spawnServer({
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: uniquePrefix('fuzz'),
      WEB_DIST: path.join(webRoot, 'dist'),
      LOG_LEVEL: 'error',
    });
    ({ token } = await signUp(server.url, 'Fuzz'));
    await ok(server.url, CREATE_RECIPE, { input: { title: 'Seed', ingredients: ['a'], steps: ['b'], tags: ['t'] } }, token);
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
    if (webRoot) await rm(webRoot, { recursive: true, force: true });
  });

  it('survives random and mutated graphql-transport-ws frames with protocol close codes and no internal text', async () => {
    const subprotocol = fc.oneof(
      { weight: 8, arbitrary: fc.constant('graphql-transport-ws') },
      { weight: 1, arbitrary: fc.constantFrom('graphql-ws', 'graphql-transport-ws-x', undefined) },
    );
    await fc.assert(
      fc.asyncProperty(subprotocol, wsFrames(token), async (protocol, frames) => {
        const outcome = await playFrames(server.wsUrl, protocol, frames);
        if (outcome.unexpectedStatus !== undefined) expect(outcome.unexpectedStatus).toBeLessThan(500);
        if (outcome.serverCloseCode !== undefined) {
          expect(PROTOCOL_CLOSE_CODES, `close ${outcome.serverCloseCode} "${outcome.closeReason}"`).toContain(outcome.serverCloseCode);
        }
        for (const received of [...outcome.received, outcome.closeReason]) expect(leakIn(received)).toBeNull();
        await assertAlive();
      }),
      { numRuns: WS_RUNS, seed: SEED, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: false },
    );
  }, 300_000);

  it('answers random and mutated GraphQL HTTP requests below 500 and with no internal text', async () => {
    await fc.assert(
      fc.asyncProperty(httpCases(token), async (testCase) => {
        const outcome = await send(server.port, testCase);
        expect(outcome.status, outcome.body.slice(0, 500)).toBeLessThan(500);
        // GraphiQL's own bundle is code, not an error message; the sibling folder's marker still counts.
        const leak = outcome.contentType.includes('text/html')
          ? outcome.body.includes(SECRET_MARKER)
            ? SECRET_MARKER
            : null
          : leakIn(outcome.body);
        expect(leak).toBeNull();
        await assertAlive();
      }),
      { numRuns: HTTP_RUNS, seed: SEED, interruptAfterTimeLimit: 150_000, markInterruptAsFailure: false },
    );
  }, 300_000);
});
