import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FeedLine } from '../src/handlers.js';

const feedDir = fileURLToPath(new URL('..', import.meta.url));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function signUp(url: string, email: string, password: string, name: string): Promise<string> {
  const data = await gql<{ signUp: { token: string } }>(
    url,
    'mutation ($input: SignUpInput!) { signUp(input: $input) { token user { id } } }',
    {
      input: { email, password, name },
    },
  );
  return data.signUp.token;
}

export async function createRecipe(url: string, token: string, title: string): Promise<string> {
  const data = await gql<{ createRecipe: { id: string } }>(
    url,
    'mutation ($input: CreateRecipeInput!) { createRecipe(input: $input) { id } }',
    { input: { title, ingredients: ['salt'], steps: ['stir'], tags: [] } },
    token,
  );
  return data.createRecipe.id;
}

export async function activeSubscriptions(url: string): Promise<number> {
  const response = await fetch(`${url}/health`);
  return ((await response.json()) as { activeSubscriptions: number }).activeSubscriptions;
}

export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The complete lines of a feed output file (a line still being written is left out). */
export async function readLines(path: string): Promise<FeedLine[]> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text
    .slice(0, text.lastIndexOf('\n') + 1)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FeedLine);
}

export interface FeedProcess {
  child: ChildProcess;
  log(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The feed as an operator runs it: its own process, configured by the environment. */
export function spawnFeed(env: Record<string, string>): FeedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: feedDir,
    env: { ...process.env, MAX_RETRY_DELAY_MS: '1000', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A test process that dies must not leave feeds running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, log: () => log, exited };
}
