import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { graphql } from '../generated/index.js';
import { type GraphqlResult, SIGN_UP } from '../support/clients.js';
import { type Cluster, sleep, startCluster } from '../support/cluster.js';
import { CREATE_RECIPE, RECIPES, UPDATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const SIGN_IN = graphql(`mutation Limits_SignIn($input: SignInInput!) { signIn(input: $input) { token user { id } } }`);
const PASSWORD = 'correct horse battery';
const recipe = (title: string) => ({ title, ingredients: ['flour'], steps: ['mix'], tags: [] });

interface Answer<Result = unknown> extends GraphqlResult<Result> {
  status: number;
  retryAfterHeader: string | null;
}

/** One GraphQL POST, optionally as if relayed by a proxy for `forwardedFor`. */
async function post<Result, Variables>(
  url: string,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  options: { token?: string; forwardedFor?: string } = {},
): Promise<Answer<Result>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return {
    ...((await response.json()) as GraphqlResult<Result>),
    status: response.status,
    retryAfterHeader: response.headers.get('retry-after'),
  };
}

const codeOf = (answer: Answer) => (answer.errors?.[0]?.extensions?.code as string | undefined) ?? 'OK';
const retryAfterOf = (answer: Answer) => answer.errors?.[0]?.extensions?.retryAfter as number | undefined;
const tally = (answers: Answer[]) => {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[codeOf(answer)] = (counts[codeOf(answer)] ?? 0) + 1;
  return counts;
};

let unique = 0;
const emailFor = (label: string) => `${label}-${process.pid}-${Date.now()}-${++unique}@example.com`;

async function signUpAs(url: string, email: string, forwardedFor?: string): Promise<{ token: string; id: string }> {
  const answer = await post(url, SIGN_UP, { input: { email, password: PASSWORD, name: 'Limited' } }, { forwardedFor });
  const payload = answer.data?.signUp;
  if (!payload) throw new Error(`sign-up failed: ${JSON.stringify(answer.errors)}`);
  return { token: payload.token, id: payload.user.id };
}

/** Spreads calls round-robin over the instances and runs them all at once. */
const spread = <T>(cluster: Cluster, count: number, call: (url: string, i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: count }, (_, i) => call(cluster.servers[i % cluster.servers.length]?.url ?? '', i)));

describe('limits shared by three instances on one Redis', () => {
  let cluster: Cluster;
  let addressCounter = 0;
  // Each helper sign-up comes from its own address (through the trusted proxy hop), so only the
  // sign-up test spends a sign-up budget.
  const freshAddress = () => `198.51.100.${++addressCounter}`;

  beforeAll(async () => {
    cluster = await startCluster(3, {
      SIGNIN_MAX_FAILURES: '4',
      RATE_LIMIT_WRITES: '6/1m',
      RATE_LIMIT_SIGNUPS: '3/1h',
      TRUST_PROXY: '1',
    });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('lets exactly SIGNIN_MAX_FAILURES wrong passwords through across instances, then refuses that email even with the right password', async () => {
    const email = emailFor('guessed');
    await signUpAs(cluster.servers[0]?.url ?? '', email, freshAddress());
    // Spelling variants of the address count together.
    const spellings = [email, email.toUpperCase(), `  ${email}  `, email.replace(/^g/, 'G')];
    const guesses = await spread(cluster, 7, (url, i) =>
      post(url, SIGN_IN, { input: { email: spellings[i % spellings.length] ?? email, password: `wrong guess ${i}` } }),
    );
    expect(tally(guesses)).toEqual({ UNAUTHENTICATED: 4, RATE_LIMITED: 3 });

    for (const server of cluster.servers) {
      const right = await post(server.url, SIGN_IN, { input: { email: email.toUpperCase(), password: PASSWORD } });
      expect(codeOf(right)).toBe('RATE_LIMITED');
      const retryAfter = retryAfterOf(right);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(right.retryAfterHeader).toBe(String(retryAfter));
      expect(right.data).toBeNull();
    }

    // Another account is not affected.
    const other = emailFor('bystander');
    await signUpAs(cluster.servers[1]?.url ?? '', other, freshAddress());
    expect(codeOf(await post(cluster.servers[2]?.url ?? '', SIGN_IN, { input: { email: other, password: PASSWORD } }))).toBe('OK');
  });

  it('does not count successful sign-ins against the failure budget', async () => {
    const email = emailFor('forgetful');
    await signUpAs(cluster.servers[0]?.url ?? '', email, freshAddress());
    const attempt = (i: number, password: string) =>
      post(cluster.servers[i % 3]?.url ?? '', SIGN_IN, { input: { email, password } }).then(codeOf);
    for (let i = 0; i < 3; i++) expect(await attempt(i, 'typo')).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 5; i++) expect(await attempt(i, PASSWORD)).toBe('OK');
    expect(await attempt(0, 'typo')).toBe('UNAUTHENTICATED');
    expect(await attempt(1, PASSWORD)).toBe('RATE_LIMITED');
  });

  it('refuses writes past RATE_LIMIT_WRITES across instances, and a refused write changes nothing', async () => {
    const writer = await signUpAs(cluster.servers[0]?.url ?? '', emailFor('writer'), freshAddress());
    const creates = await spread(cluster, 10, (url, i) =>
      post(url, CREATE_RECIPE, { input: recipe(`Loaf ${i}`) }, { token: writer.token }),
    );
    expect(tally(creates)).toEqual({ OK: 6, RATE_LIMITED: 4 });
    const refused = creates.find((answer) => codeOf(answer) === 'RATE_LIMITED');
    expect(retryAfterOf(refused as Answer)).toBeGreaterThan(0);
    expect(retryAfterOf(refused as Answer)).toBeLessThanOrEqual(60);
    expect(refused?.retryAfterHeader).toBe(String(retryAfterOf(refused as Answer)));

    const created = creates.flatMap((answer) => (answer.data?.createRecipe ? [answer.data.createRecipe] : []));
    const listed = async () => {
      const answer = await post(cluster.servers[2]?.url ?? '', RECIPES, { first: 100, filter: { authorId: writer.id } });
      const recipes = answer.data?.recipes;
      return (recipes?.edges ?? []).map((edge) => edge.node);
    };
    expect((await listed()).map((node) => node.id).sort()).toEqual(created.map((node) => node.id).sort());

    const target = created[0] as { id: string; title: string };
    const update = await post(
      cluster.servers[1]?.url ?? '',
      UPDATE_RECIPE,
      { id: target.id, input: { title: 'Renamed' } },
      { token: writer.token },
    );
    expect(codeOf(update)).toBe('RATE_LIMITED');
    expect((await listed()).find((node) => node.id === target.id)).toMatchObject({ title: target.title, version: 1 });

    // The budget is per user: someone else writes as usual.
    const neighbour = await signUpAs(cluster.servers[1]?.url ?? '', emailFor('neighbour'), freshAddress());
    expect(codeOf(await post(cluster.servers[2]?.url ?? '', CREATE_RECIPE, { input: recipe('Scone') }, { token: neighbour.token }))).toBe(
      'OK',
    );
  });

  it('counts every mutation field of one operation, so aliased writes cannot slip past the budget', async () => {
    const writer = await signUpAs(cluster.servers[0]?.url ?? '', emailFor('aliases'), freshAddress());
    const answer = await post(
      cluster.servers[1]?.url ?? '',
      graphql(`
        mutation Limits_EightWrites($input: CreateRecipeInput!) {
          w0: createRecipe(input: $input) { id }
          w1: createRecipe(input: $input) { id }
          w2: createRecipe(input: $input) { id }
          w3: createRecipe(input: $input) { id }
          w4: createRecipe(input: $input) { id }
          w5: createRecipe(input: $input) { id }
          w6: createRecipe(input: $input) { id }
          w7: createRecipe(input: $input) { id }
        }
      `),
      { input: recipe('Alias') },
      {
        token: writer.token,
      },
    );
    // Root mutation fields run one after another; the first refused one (non-null) ends the operation.
    expect(answer.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([[['w6'], 'RATE_LIMITED']]);
    const listed = await post(cluster.servers[2]?.url ?? '', RECIPES, { first: 100, filter: { authorId: writer.id } });
    expect(listed.data?.recipes.edges).toHaveLength(6);
  });

  it('limits sign-ups per client address named by a trusted proxy hop, whatever a client prepends to X-Forwarded-For', async () => {
    const address = '203.0.113.7';
    const attempts = await spread(cluster, 5, (url, i) =>
      post(
        url,
        SIGN_UP,
        { input: { email: emailFor('crowd'), password: PASSWORD, name: 'Crowd' } },
        {
          // The trusted hop (the test's socket) vouches only for the last entry; the rest is the client's word.
          forwardedFor: i % 2 ? `10.9.9.${i}, ${address}` : address,
        },
      ),
    );
    expect(tally(attempts)).toEqual({ OK: 3, RATE_LIMITED: 2 });
    const refused = attempts.find((answer) => codeOf(answer) === 'RATE_LIMITED') as Answer;
    expect(retryAfterOf(refused)).toBeGreaterThan(0);
    expect(retryAfterOf(refused)).toBeLessThanOrEqual(3600);
    // Another client behind the same proxy has its own budget.
    expect(
      codeOf(
        await post(
          cluster.servers[0]?.url ?? '',
          SIGN_UP,
          { input: { email: emailFor('other'), password: PASSWORD, name: 'Other' } },
          {
            forwardedFor: '203.0.113.8',
          },
        ),
      ),
    ).toBe('OK');
  });

  it('creates no account when a sign-up is refused', async () => {
    const address = '203.0.113.9';
    for (let i = 0; i < 3; i++) await signUpAs(cluster.servers[i]?.url ?? '', emailFor('filler'), address);
    const email = emailFor('refused');
    const refused = await post(
      cluster.servers[0]?.url ?? '',
      SIGN_UP,
      { input: { email, password: PASSWORD, name: 'Refused' } },
      {
        forwardedFor: address,
      },
    );
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    expect(codeOf(await post(cluster.servers[1]?.url ?? '', SIGN_IN, { input: { email, password: PASSWORD } }))).toBe('UNAUTHENTICATED');
  });
});

describe('sign-in failures per client address, shared by two instances on one Redis', () => {
  let cluster: Cluster;
  const PER_EMAIL = 3;
  const PER_ADDRESS = 10;

  beforeAll(async () => {
    cluster = await startCluster(2, {
      SIGNIN_MAX_FAILURES: String(PER_EMAIL),
      SIGNIN_MAX_FAILURES_PER_ADDRESS: `${PER_ADDRESS}/15m`,
      TRUST_PROXY: '1',
    });
  }, 60_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  it('stops one password tried against many emails from one address at SIGNIN_MAX_FAILURES_PER_ADDRESS, across instances, even for a right password', async () => {
    const sprayer = '203.0.113.50';
    const owner = emailFor('sprayed');
    await signUpAs(cluster.servers[0]?.url ?? '', owner, '198.51.100.200');
    // Each email is tried once, far below its own budget: only the address budget can stop this.
    const emails = Array.from({ length: 30 }, (_, i) => emailFor(`spray-${i}`));
    const guesses = await spread(cluster, emails.length, (url, i) =>
      post(url, SIGN_IN, { input: { email: emails[i] ?? '', password: 'Summer2024!' } }, { forwardedFor: sprayer }),
    );
    expect(tally(guesses)).toEqual({ UNAUTHENTICATED: PER_ADDRESS, RATE_LIMITED: emails.length - PER_ADDRESS });
    for (const server of cluster.servers) {
      const right = await post(server.url, SIGN_IN, { input: { email: owner, password: PASSWORD } }, { forwardedFor: sprayer });
      expect(codeOf(right)).toBe('RATE_LIMITED');
      const retryAfter = retryAfterOf(right);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(right.retryAfterHeader).toBe(String(retryAfter));
    }
    // The account itself is untouched: its owner, elsewhere, signs in.
    expect(
      codeOf(
        await post(
          cluster.servers[1]?.url ?? '',
          SIGN_IN,
          { input: { email: owner, password: PASSWORD } },
          { forwardedFor: '198.51.100.201' },
        ),
      ),
    ).toBe('OK');
  });

  it('counts addresses of one IPv6 /64 together, as one client can take any of them', async () => {
    const guesses = await spread(cluster, PER_ADDRESS + 4, (url, i) =>
      post(
        url,
        SIGN_IN,
        { input: { email: emailFor(`v6-${i}`), password: 'Winter2024!' } },
        { forwardedFor: `2001:db8:1:2::${(i + 1).toString(16)}` },
      ),
    );
    expect(tally(guesses)).toEqual({ UNAUTHENTICATED: PER_ADDRESS, RATE_LIMITED: 4 });
    const neighbourNetwork = await post(
      cluster.servers[0]?.url ?? '',
      SIGN_IN,
      { input: { email: emailFor('v6-other'), password: 'x' } },
      {
        forwardedFor: '2001:db8:1:3::1',
      },
    );
    expect(codeOf(neighbourNetwork)).toBe('UNAUTHENTICATED');
  });

  it('still refuses an email past SIGNIN_MAX_FAILURES when its guesses come from many addresses', async () => {
    const email = emailFor('targeted');
    await signUpAs(cluster.servers[0]?.url ?? '', email, '198.51.100.202');
    const guesses = await spread(cluster, PER_EMAIL + 3, (url, i) =>
      post(url, SIGN_IN, { input: { email, password: `guess ${i}` } }, { forwardedFor: `192.0.2.${i + 10}` }),
    );
    expect(tally(guesses)).toEqual({ UNAUTHENTICATED: PER_EMAIL, RATE_LIMITED: 3 });
    const refused = guesses.find((answer) => codeOf(answer) === 'RATE_LIMITED') as Answer;
    expect(retryAfterOf(refused)).toBeGreaterThan(0);
    expect(
      codeOf(await post(cluster.servers[1]?.url ?? '', SIGN_IN, { input: { email, password: PASSWORD } }, { forwardedFor: '192.0.2.99' })),
    ).toBe('RATE_LIMITED');
  });
});

describe('limits on a single instance without Redis and without trusted proxies', () => {
  let server: RunningServer;
  const email = emailFor('solo');
  let token: string;

  beforeAll(async () => {
    server = await startInProcess({
      PGLITE_DIR: 'memory://',
      SIGNIN_MAX_FAILURES: '2/2s',
      RATE_LIMIT_WRITES: '3/1m',
      RATE_LIMIT_SIGNUPS: '3/1h',
    });
    ({ token } = await signUpAs(server.url, email));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('ignores X-Forwarded-For from an untrusted peer: every sign-up counts against the socket address', async () => {
    const codes = [];
    for (const forwardedFor of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      const input = { email: emailFor('solo'), password: PASSWORD, name: 'Solo' };
      codes.push(codeOf(await post(server.url, SIGN_UP, { input }, { forwardedFor })));
    }
    expect(codes).toEqual(['OK', 'OK', 'RATE_LIMITED']);
  });

  it('refuses sign-in after the failures, then lets the right password in once retryAfter has passed', async () => {
    expect(codeOf(await post(server.url, SIGN_IN, { input: { email, password: 'nope' } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await post(server.url, SIGN_IN, { input: { email, password: 'nope' } }))).toBe('UNAUTHENTICATED');
    const refused = await post(server.url, SIGN_IN, { input: { email, password: PASSWORD } });
    expect(codeOf(refused)).toBe('RATE_LIMITED');
    const retryAfter = retryAfterOf(refused) ?? Number.NaN;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);
    await sleep(retryAfter * 1000 + 100);
    expect(codeOf(await post(server.url, SIGN_IN, { input: { email, password: PASSWORD } }))).toBe('OK');
  });

  it('counts writes in memory and refuses the one past the budget', async () => {
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push(codeOf(await post(server.url, CREATE_RECIPE, { input: recipe(`Solo ${i}`) }, { token })));
    expect(codes).toEqual(['OK', 'OK', 'OK', 'RATE_LIMITED']);
  });
});

describe('limit settings', () => {
  const read = (env: Record<string, string>) => readConfig({ PGLITE_DIR: 'memory://', ...env });

  it('reads <count>/<duration>, a bare sign-in count per 15 minutes, and 0 as no limit', () => {
    expect(read({}).RATE_LIMIT_WRITES).toEqual({ points: 100, windowMs: 10_000 });
    expect(read({}).SIGNIN_MAX_FAILURES).toEqual({ points: 10, windowMs: 900_000 });
    expect(read({ SIGNIN_MAX_FAILURES: '5' }).SIGNIN_MAX_FAILURES).toEqual({ points: 5, windowMs: 900_000 });
    expect(read({}).SIGNIN_MAX_FAILURES_PER_ADDRESS).toEqual({ points: 50, windowMs: 900_000 });
    expect(read({ SIGNIN_MAX_FAILURES_PER_ADDRESS: '200/1h' }).SIGNIN_MAX_FAILURES_PER_ADDRESS).toEqual({
      points: 200,
      windowMs: 3_600_000,
    });
    expect(read({ RATE_LIMIT_SIGNUPS: '20/1h' }).RATE_LIMIT_SIGNUPS).toEqual({ points: 20, windowMs: 3_600_000 });
    expect(read({ RATE_LIMIT_WRITES: '0' }).RATE_LIMIT_WRITES).toBeNull();
  });

  it('refuses rates it cannot enforce and proxy lists it cannot parse, naming the variable', () => {
    for (const [name, value] of [
      ['RATE_LIMIT_WRITES', '100'],
      ['RATE_LIMIT_WRITES', '10/500ms'],
      ['RATE_LIMIT_SIGNUPS', 'lots'],
      ['TRUST_PROXY', 'not-an-address'],
    ] as const) {
      expect(() => read({ [name]: value }), `${name}=${value}`).toThrow(name);
    }
  });

  it('trusts X-Forwarded-For hops by count, by address or CIDR, and not at all by default', () => {
    expect(read({}).TRUST_PROXY('127.0.0.1', 0)).toBe(false);
    const twoHops = read({ TRUST_PROXY: '2' }).TRUST_PROXY;
    expect([twoHops('203.0.113.1', 0), twoHops('203.0.113.1', 1), twoHops('203.0.113.1', 2)]).toEqual([true, true, false]);
    const listed = read({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY;
    expect([listed('127.0.0.1', 0), listed('10.1.2.3', 1), listed('203.0.113.1', 0)]).toEqual([true, true, false]);
  });
});
