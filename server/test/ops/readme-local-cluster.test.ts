import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_URL, REDIS_URL } from '../support/database.js';
import { freePort } from '../support/servers.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const readme = path.join(root, 'README.md');
const hasTools = ['/usr/sbin/nginx', '/usr/bin/psql', '/usr/bin/curl', '/usr/bin/openssl'].every((tool) => existsSync(tool));
if (!hasTools) console.warn('SKIPPED README local cluster test: it needs /usr/sbin/nginx, psql, curl and openssl');

/** The `sh` blocks of the README's "Without Docker" section, in order, as a reader copies them. */
async function readmeBlocks(): Promise<string[]> {
  const text = await readFile(readme, 'utf8');
  const start = text.indexOf('### Without Docker');
  const section = text.slice(start, text.indexOf('\n## ', start));
  return [...section.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** Three consecutive free ports `<prefix>1`..`<prefix>3`, as the README's `400$i` needs. */
async function freePrefix(): Promise<string> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
  for (;;) {
    const prefix = String(410 + Math.floor(Math.random() * 240));
    const ports = [1, 2, 3].map((i) => Number(`${prefix}${i}`));
    if ((await Promise.all(ports.map(free))).every(Boolean)) return prefix;
  }
}

/** Replaces every `from` in `text`, failing if there is none: a README edit must not slip past the test. */
function substitute(text: string, from: string | RegExp, to: string): string {
  const pattern = typeof from === 'string' ? new RegExp(from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g') : from;
  if (!pattern.test(text)) throw new Error(`the README's commands no longer contain ${from}`);
  pattern.lastIndex = 0;
  return text.replace(pattern, to);
}

/** Runs `script` in bash, as a reader pastes it; resolves when bash exits (nginx keeps our pipes while it runs). */
function runBash(script: string, env: Record<string, string>, timeoutMs = 180_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!hasTools)("the README's three node processes behind a local nginx, without Docker", () => {
  let scratch: string;
  let database: string;
  let env: Record<string, string>;
  let prefix: string;
  let lbPort: number;

  beforeAll(async () => {
    // mktemp -t puts the README's RUN_DIR here, where the clean-up finds it whatever happens.
    scratch = await mkdtemp(path.join(tmpdir(), 'readme-cluster-'));
    database = `readme_${randomBytes(5).toString('hex')}`;
    prefix = await freePrefix();
    lbPort = await freePort();
    env = { TMPDIR: scratch, PGHOST: '127.0.0.1', PGUSER: 'postgres' };
  });

  afterAll(async () => {
    // Whatever the test reached: nginx and the instances stop, the database goes.
    for (const dir of await readdir(scratch).catch(() => [])) {
      const runDir = path.join(scratch, dir);
      for (const file of await readdir(runDir).catch(() => [])) {
        if (!file.endsWith('.pid')) continue;
        const pid = Number((await readFile(path.join(runDir, file), 'utf8')).trim());
        if (pid > 0 && alive(pid)) process.kill(pid, file === 'nginx.pid' ? 'SIGQUIT' : 'SIGKILL');
      }
    }
    const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${database}" with (force)`);
    await admin.end();
    await rm(scratch, { recursive: true, force: true });
  });

  it('starts three instances and nginx, answers from each in turn, restarts one, and stops everything', async () => {
    const [start, restartAndStop] = await readmeBlocks();
    if (!start || !restartAndStop) throw new Error('the README lost its "Without Docker" commands');
    const ports = (script: string) => script.replace(/\b400(?=\$i|[1-3]\b)/g, prefix).replace(/\b8080\b/g, String(lbPort));

    // What the test must change: its own database, Redis prefix and ports, beside those of anything
    // else on this machine; and no `npm ci` (it would replace node_modules under the running tests)
    // or web build (other tests serve web/dist): only the server's build, which the commands run.
    let script = substitute(start, 'npm ci && npm run build', 'npm run build -w server');
    script = substitute(script, /\blive_recipes\b/g, database);
    script = substitute(script, 'REDIS_URL=redis://127.0.0.1:6379', `REDIS_URL=${REDIS_URL}`);
    script = substitute(script, 'REDIS_KEY_PREFIX=live-recipes-local:', `REDIS_KEY_PREFIX=readme-${database}:`);
    script = substitute(script, /\b400(?=\$i|[1-3]\b)/g, prefix);
    script = substitute(script, /\b8080\b/g, String(lbPort));
    // The script leaves its RUN_DIR exported; the next block needs it.
    const started = await runBash(`${script}\necho "RUN_DIR=$RUN_DIR"`, env);
    expect(started.code, started.output).toBe(0);
    const runDir = /^RUN_DIR=(.+)$/m.exec(started.output)?.[1] ?? '';
    expect(runDir.startsWith(scratch), started.output).toBe(true);

    // The last line of the block: `curl localhost:8080/health` three times, each instance in turn.
    const answers = started.output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { status: string; instance: string });
    expect(answers.map((answer) => answer.status)).toEqual(['ok', 'ok', 'ok']);
    expect(answers.map((answer) => answer.instance).sort()).toEqual(['local-1', 'local-2', 'local-3']);

    // The restart, then the stop, each as the README has it.
    const [restart, stop] = restartAndStop.split(/\n\s*\n/);
    if (!restart || !stop) throw new Error('the README lost its restart or stop commands');
    const pidOf = async (name: string) => Number((await readFile(path.join(runDir, name), 'utf8')).trim());
    const before = await pidOf('instance-2.pid');
    const restarted = await runBash(ports(restart), { ...env, RUN_DIR: runDir });
    expect(restarted.code, restarted.output).toBe(0);
    const after = await pidOf('instance-2.pid');
    expect(after).not.toBe(before);
    expect(alive(before)).toBe(false);
    // The new process needs a moment to listen; nginx sends instance 2's share to it again.
    const seen = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (!seen.has('local-2')) {
      if (Date.now() > deadline)
        throw new Error(`instance 2 never answered again:\n${await readFile(path.join(runDir, 'instance-2.log'), 'utf8')}`);
      const response = await fetch(`http://127.0.0.1:${lbPort}/health`).catch(() => null);
      if (response?.ok) seen.add(((await response.json()) as { instance: string }).instance);
      else await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const pids = [await pidOf('instance-1.pid'), after, await pidOf('instance-3.pid'), await pidOf('nginx.pid')];
    const stopped = await runBash(ports(stop), { ...env, RUN_DIR: runDir });
    expect(stopped.code, stopped.output).toBe(0);
    const gone = Date.now() + 30_000;
    while (pids.some(alive) && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pids.filter(alive)).toEqual([]);
    expect(await fetch(`http://127.0.0.1:${lbPort}/health`).catch(() => 'refused')).toBe('refused');
  }, 300_000);
});
