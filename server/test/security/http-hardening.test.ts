import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { sleep } from '../support/cluster.js';
import { chunked, rawRequest } from '../support/raw-http.js';
import { type RunningServer, type ServerProcess, spawnServer, startInProcess, TEST_SECRET } from '../support/servers.js';

const SECRET = 'the-secret-beside-the-web-app';
const APP_JS = `console.log(${JSON.stringify('app '.repeat(2_000))});\n`;
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

interface GraphqlBody {
  data?: unknown;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** A built web app in `<tmp>/dist` and, beside it, `<tmp>/dist-old` holding a file that must never be served. */
async function webFixture(): Promise<{ root: string; dist: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'web-fixture-'));
  const dist = path.join(root, 'dist');
  await mkdir(path.join(dist, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'dist-old'));
  await writeFile(path.join(root, 'dist-old', 'secret.txt'), SECRET);
  await writeFile(path.join(root, 'secret.txt'), SECRET);
  await writeFile(
    path.join(dist, 'index.html'),
    '<!doctype html><html><head><title>Live Recipes</title></head><body><div id="root"></div><script type="module" src="/assets/app-1a2b3c.js"></script></body></html>',
  );
  await writeFile(path.join(dist, 'assets', 'app-1a2b3c.js'), APP_JS);
  // As the build writes them (vite-plugin-compression2).
  await writeFile(path.join(dist, 'assets', 'app-1a2b3c.js.br'), brotliCompressSync(APP_JS));
  await writeFile(path.join(dist, 'assets', 'app-1a2b3c.js.gz'), gzipSync(APP_JS));
  return { root, dist };
}

const get = (port: number, target: string, headers = '') =>
  rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n${headers}`);

function postGraphql(url: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function expectSecurityHeaders(headers: Headers | Record<string, string>) {
  const read = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? '';
  expect(read('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(read('content-security-policy')).toContain("default-src 'self'");
  expect(read('content-security-policy')).toContain("object-src 'none'");
  expect(read('x-frame-options')).toBe('DENY');
  expect(read('x-content-type-options')).toBe('nosniff');
  expect(read('referrer-policy')).toBe('no-referrer');
}

describe('HTTP hardening (one server process, NODE_ENV=test)', () => {
  let fixture: { root: string; dist: string };
  let server: ServerProcess;

  beforeAll(async () => {
    fixture = await webFixture();
    server = await spawnServer({ PGLITE_DIR: 'memory://', WEB_DIST: fixture.dist, LOG_LEVEL: 'info' });
  });
  afterAll(async () => {
    await server?.stop();
    if (fixture) await rm(fixture.root, { recursive: true, force: true });
  });

  describe('static files', () => {
    it.each([
      '/..%2fdist-old%2fsecret.txt',
      '/../dist-old/secret.txt',
      '/%2e%2e/dist-old/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2f..%2fdist-old%2fsecret.txt',
      '/..%5cdist-old%5csecret.txt',
    ])('never serves a file outside WEB_DIST, not even a sibling folder sharing its prefix: %s', async (target) => {
      const response = await get(server.port, target);
      expect(response.body.toString()).not.toContain(SECRET);
      expect(response.status).not.toBe(500);
    });

    it('answers a malformed percent-encoding with 400, not 500', async () => {
      const response = await get(server.port, '/%E0%A4%A');
      expect(response.status).toBe(400);
      const nul = await get(server.port, '/index.html%00.js');
      expect(nul.status).toBe(400);
    });

    it('sends the precompressed file the client accepts, brotli before gzip, and hashed assets as immutable', async () => {
      const br = await get(server.port, '/assets/app-1a2b3c.js', 'Accept-Encoding: gzip, deflate, br\r\n');
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toContain('Accept-Encoding');
      expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(br.headers['content-type']).toContain('javascript');

      const gz = await fetch(`${server.url}/assets/app-1a2b3c.js`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(await gz.text()).toBe(APP_JS);

      const plain = await get(server.port, '/assets/app-1a2b3c.js');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.toString()).toBe(APP_JS);
    });

    it('serves index.html with no-cache and an ETag, and answers a matching If-None-Match with 304', async () => {
      const first = await fetch(`${server.url}/`);
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-cache');
      const etag = first.headers.get('etag');
      expect(etag).toBeTruthy();
      expect(await first.text()).toContain('<div id="root">');
      const again = await fetch(`${server.url}/`, { headers: { 'if-none-match': etag ?? '' } });
      expect(again.status).toBe(304);
      expectSecurityHeaders(again.headers);
      // A client-side route that is not a file gets the app too.
      expect((await fetch(`${server.url}/recipes/42`)).headers.get('content-type')).toContain('text/html');
      expect((await fetch(`${server.url}/assets/missing-0000.js`)).status).toBe(404);
    });

    it('sends a content security policy, nosniff, no framing and a referrer policy with the web app', async () => {
      const response = await fetch(`${server.url}/`);
      expectSecurityHeaders(response.headers);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
    });
  });

  describe('GraphiQL (on by default outside production)', () => {
    it('is served compressed with an ETag, a hash-based script policy, and 304 when unchanged', async () => {
      const page = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'br' } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(page.headers.get('content-encoding')).toBe('br');
      const compressed = Number(page.headers.get('content-length'));
      const html = await page.text();
      expect(html).toContain('renderYogaGraphiQL');
      expect(compressed).toBeLessThan(html.length / 3);
      expectSecurityHeaders(page.headers);
      const csp = page.headers.get('content-security-policy') ?? '';
      // One hash per inline script: GraphiQL's bundle, and the one that opens new windows on the examples.
      expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'sha256-[A-Za-z0-9+/=]+';/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

      const etag = page.headers.get('etag') ?? '';
      const again = await fetch(`${server.url}/graphql`, {
        headers: { accept: 'text/html', 'accept-encoding': 'br', 'if-none-match': etag },
      });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
    });

    it('costs no copy of the page per request: 100 clients that ask for it and never read leave memory and /health alone', async () => {
      const pid = server.child.pid ?? 0;
      const rss = async () => {
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) * 1024;
      };
      // The first request renders and compresses the page once.
      await (await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } })).arrayBuffer();
      const before = await rss();
      const { connect } = await import('node:net');
      const started: Array<Promise<void>> = [];
      const sockets = Array.from({ length: 100 }, () => {
        const socket = connect(server.port, '127.0.0.1');
        // Uncompressed on purpose: the largest answer, 9 MB each if it were copied.
        socket.write(`GET /graphql HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n`);
        // Take the first bytes (so the server is surely sending), then never read again.
        started.push(new Promise((resolve) => socket.once('data', () => resolve(socket.pause() && undefined))));
        return socket;
      });
      await Promise.all(started);
      const health = await fetch(`${server.url}/health`);
      expect(health.status).toBe(200);
      const grown = (await rss()) - before;
      for (const socket of sockets) socket.destroy();
      console.log(`RSS growth with 100 unread GraphiQL responses: ${Math.round(grown / 1024 / 1024)} MB`);
      expect(grown).toBeLessThan(200 * 1024 * 1024);
    });
  });

  describe('request errors by the GraphQL over HTTP spec', () => {
    const many = (count: number, text: string) => Array.from({ length: count }, (_, i) => text.replaceAll('#', String(i))).join(' ');
    const deep = (levels: number) =>
      `{ recipes { edges { node { ${'author { recipes { edges { node { '.repeat(levels)}id${' } } } }'.repeat(levels)} } } } }`;

    it.each([
      ['too deep', deep(3)],
      ['too many aliases', `{ ${many(25, 'a#: me { id }')} }`],
      ['too costly', '{ recipes(first: 100000) { edges { node { id author { name } } } } }'],
      ['too many directives', `{ me ${many(100, '@skip(if: false)')} { id } }`],
    ])('refuses an operation that is %s with 400 and GRAPHQL_VALIDATION_FAILED', async (_, query) => {
      const response = await postGraphql(server.url, { query });
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphqlBody;
      expect(body.data).toBeUndefined();
      expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(body.errors?.[0]?.message).not.toMatch(/Syntax Error/);
    });

    it('refuses an operation over the token limit with 400 and GRAPHQL_PARSE_FAILED', async () => {
      const response = await postGraphql(server.url, { query: `{ ${many(2_100, 'me')} }` });
      expect(response.status).toBe(400);
      expect(((await response.json()) as GraphqlBody).errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    });

    it.each([
      ['missing', { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: {} }],
      ['of the wrong type', { query: 'query ($n: Int) { recipes(first: $n) { edges { cursor } } }', variables: { n: 'many' } }],
    ])('answers variables that are %s with 400 and BAD_USER_INPUT', async (_, body) => {
      const response = await postGraphql(server.url, body);
      expect(response.status).toBe(400);
      const result = (await response.json()) as GraphqlBody;
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });

    it.each([
      ['a type that does not exist', 'Foo:1'],
      ['a type that is not a node', 'RecipeConnection:1'],
      ['the root type', 'Query:1'],
    ])('answers node(id) of %s with BAD_USER_INPUT in words a user understands', async (_, raw) => {
      const id = Buffer.from(raw).toString('base64');
      const response = await postGraphql(server.url, { query: 'query ($id: ID!) { node(id: $id) { id } }', variables: { id } });
      const body = (await response.json()) as GraphqlBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toBe(`"${id}" is not an id from this API.`);
      expect(JSON.stringify(body)).not.toMatch(/implemented|Pothos/);
    });

    const operation = encodeURIComponent('{ me { id } }');
    const send = (target: string, init: RequestInit = {}, accept = GRAPHQL_RESPONSE) =>
      fetch(`${server.url}${target}`, { ...init, headers: { accept, ...(init.headers as Record<string, string>) } });
    it.each([
      ['a JSON body that is not JSON', () => postGraphql(server.url, '{"query": "{ me { id } }"'), 400],
      [
        'a JSON body that is not JSON, asking for an event stream',
        () => postGraphql(server.url, '{"query": ', { accept: 'text/event-stream' }),
        200,
      ],
      ['a GET whose variables are not JSON', () => send(`/graphql?query=${operation}&variables=%7Bbad`), 400],
      ['a GET whose extensions are not JSON', () => send(`/graphql?query=${operation}&extensions=%7Bbad`), 400],
      [
        'a form body whose variables are not JSON',
        () =>
          send('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: `query=${operation}&variables=%7Bbad`,
          }),
        400,
      ],
      [
        'a multipart body that ends early',
        () => send('/graphql', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x' }),
        400,
      ],
    ])('refuses %s as BAD_REQUEST, saying nothing of the parser', async (_, request, status) => {
      const response = await request();
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(text).toContain('"code":"BAD_REQUEST"');
      expect(text).not.toMatch(/originalError|SyntaxError|is not valid JSON|Unexpected|position \d/);
    });

    it('refuses variables nested 5,000 deep as a request error, not an internal one', async () => {
      const nested = `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`;
      const response = await postGraphql(
        server.url,
        `{"query":"query ($f: RecipeFilter) { recipes(filter: $f) { edges { cursor } } }","variables":{"f":${nested}}}`,
      );
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphqlBody;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/nested more than 32 levels/);
      // Still up and answering.
      expect((await postGraphql(server.url, { query: '{ __typename }' })).status).toBe(200);
    });
  });

  describe('request bodies', () => {
    const query = Buffer.from(JSON.stringify({ query: '{ __typename }' }));
    const postHead = (port: number, extra: string) =>
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nConnection: close\r\n${extra}`;

    it('accepts a chunked body under the limit, from a raw socket and from fetch with a stream', async () => {
      const raw = await rawRequest(server.port, postHead(server.port, 'Transfer-Encoding: chunked\r\n'), chunked(query, 7));
      expect(raw.status).toBe(200);
      expect(JSON.parse(raw.body.toString())).toEqual({ data: { __typename: 'Query' } });

      const streamed = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: new Blob([query]).stream(),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(200);
      expect(await streamed.json()).toEqual({ data: { __typename: 'Query' } });
    });

    it('refuses a chunked body over MAX_BODY_BYTES with 413, read while the client is still sending', async () => {
      const big = Buffer.alloc(3 * 1024 * 1024, 'x');
      const raw = await rawRequest(server.port, postHead(server.port, 'Transfer-Encoding: chunked\r\n'), chunked(big, 64 * 1024));
      expect(raw.status).toBe(413);
      expect(raw.reset).toBe(false);
      expect(JSON.parse(raw.body.toString()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('lets a raw client that declared 5 MB finish sending and read the 413 without a reset', async () => {
      const big = Buffer.alloc(5 * 1024 * 1024, 'x');
      const parts = Array.from({ length: 80 }, (_, i) => big.subarray(i * 65_536, (i + 1) * 65_536));
      const raw = await rawRequest(server.port, postHead(server.port, `Content-Length: ${big.length}\r\n`), parts);
      expect(raw.status).toBe(413);
      expect(raw.reset).toBe(false);
    });

    it("lets Node's fetch posting 5 MB read the 413 instead of failing with EPIPE", async () => {
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"query":"${'x'.repeat(5 * 1024 * 1024)}"}`,
        });
        expect(response.status).toBe(413);
        expect(((await response.json()) as GraphqlBody).errors?.[0]?.extensions?.code).toBe('PAYLOAD_TOO_LARGE');
      }
    });
  });

  describe('SSE accounting', () => {
    const urqlAccept = 'application/graphql-response+json, application/json, text/event-stream';
    const sseClients = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/live_connected_clients\{transport="sse"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const logLine = async (reqId: string) => {
      for (let i = 0; i < 50; i++) {
        const line = server
          .output()
          .split('\n')
          .find((entry) => entry.includes(reqId) && entry.includes('request completed'));
        if (line) return JSON.parse(line) as { stream?: string };
        await sleep(100);
      }
      throw new Error(`no log line for ${reqId}`);
    };

    it('does not count a query that merely accepts text/event-stream (urql) as an SSE client', async () => {
      const response = await postGraphql(
        server.url,
        { query: '{ __typename }' },
        { accept: urqlAccept, 'x-request-id': 'urql-style-query' },
      );
      expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
      await response.text();
      expect((await logLine('urql-style-query')).stream).toBeUndefined();
    });

    it('counts a real SSE subscription while it is open, in /health, the metric and its log line', async () => {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'x-request-id': 'real-sse-stream' },
        body: JSON.stringify({ query: 'subscription { recipeChanged { kind } }' }),
        signal: controller.signal,
      });
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      expect(await sseClients()).toBe(1);
      expect(((await (await fetch(`${server.url}/health`)).json()) as { connectedClients: number }).connectedClients).toBe(1);
      controller.abort();
      await response.body?.cancel().catch(() => {});
      expect((await logLine('real-sse-stream')).stream).toBe('sse');
      for (let i = 0; i < 50 && (await sseClients()) !== 0; i++) await sleep(100);
      expect(await sseClients()).toBe(0);
    });
  });

  it('wrote every log line as JSON, with no error logged and no stack trace, after all of the above', () => {
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.trim() !== '');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) {
      const entry = JSON.parse(line) as { level: number; err?: unknown };
      expect(entry.level, line).toBeLessThan(50);
      expect(line).not.toMatch(/\\n\s+at /);
    }
  });
});

describe('CORS', () => {
  const ask = (server: RunningServer, origin: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
  const preflight = (server: RunningServer, origin: string) =>
    fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });

  describe('in production with no CORS_ORIGINS', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startInProcess({ PGLITE_DIR: 'memory://', NODE_ENV: 'production' });
    });
    afterAll(() => server?.stop());

    it('gives a foreign origin no Access-Control-Allow-Origin and never echoes it with credentials', async () => {
      for (const origin of ['https://evil.example', 'http://localhost:5173']) {
        const response = await ask(server, origin);
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
        expect(response.headers.get('access-control-allow-credentials')).toBeNull();
        expect((await preflight(server, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });

    it('still answers the same origin', async () => {
      const response = await ask(server, server.url);
      expect(response.status).toBe(200);
    });

    it('serves no GraphiQL', async () => {
      const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
      expect(await response.text()).not.toContain('GraphiQL');
    });
  });

  describe('with CORS_ORIGINS', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startInProcess({ PGLITE_DIR: 'memory://', CORS_ORIGINS: 'https://app.example, https://admin.example' });
    });
    afterAll(() => server?.stop());

    it('allows exactly the listed origins, preflight included', async () => {
      const allowed = await ask(server, 'https://admin.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://admin.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      expect(allowed.headers.get('vary')).toContain('Origin');
      const pre = await preflight(server, 'https://app.example');
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://app.example');
      expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');

      for (const origin of ['https://evil.example', 'https://app.example.evil.example', 'http://localhost:5173']) {
        expect((await ask(server, origin)).headers.get('access-control-allow-origin')).toBeNull();
        expect((await preflight(server, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });

  describe('in development with no CORS_ORIGINS', () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startInProcess({ PGLITE_DIR: 'memory://', NODE_ENV: 'development' });
    });
    afterAll(() => server?.stop());

    it('allows loopback origins on any port and nothing else', async () => {
      for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000']) {
        expect((await ask(server, origin)).headers.get('access-control-allow-origin')).toBe(origin);
      }
      for (const origin of ['https://evil.example', 'http://localhost.evil.example:5173', 'https://localhost:5173']) {
        expect((await ask(server, origin)).headers.get('access-control-allow-origin')).toBeNull();
      }
    });
  });
});

describe('configuration', () => {
  it('turns GraphiQL off by default in production and on elsewhere, and lets GRAPHIQL decide', () => {
    expect(readConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET }).GRAPHIQL).toBe(false);
    expect(readConfig({ NODE_ENV: 'production', JWT_SECRET: TEST_SECRET, GRAPHIQL: 'true' }).GRAPHIQL).toBe(true);
    expect(readConfig({}).GRAPHIQL).toBe(true);
    expect(readConfig({ GRAPHIQL: 'false' }).GRAPHIQL).toBe(false);
  });

  it('reads CORS_ORIGINS as a list of origins and refuses anything that is not one', () => {
    expect(readConfig({ CORS_ORIGINS: 'https://a.example,http://localhost:5173' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
    expect(() => readConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/CORS_ORIGINS/);
    expect(() => readConfig({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
    expect(() => readConfig({ GRAPHIQL: 'maybe' })).toThrow(/GRAPHIQL/);
  });

  it('with GRAPHIQL=false outside production, a browser asking /graphql gets no GraphiQL', async () => {
    const server = await startInProcess({ PGLITE_DIR: 'memory://', GRAPHIQL: 'false' });
    try {
      const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    } finally {
      await server.stop();
    }
  });
});
