import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './servers.js';

/** The project's proxy configuration, the very file the `lb` container of docker-compose.yml loads. */
export const PROJECT_NGINX_CONF = fileURLToPath(new URL('../../../deploy/nginx/live-recipes.conf', import.meta.url));

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
export function findNginx(): string | null {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nginx');
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

export interface Nginx {
  url: string;
  wsUrl: string;
  port: number;
  /** nginx's error log and anything it printed. */
  output(): string;
  /** Lines of the JSON access log, in the project's live_json format. */
  accessLog(): Promise<Array<Record<string, unknown>>>;
  stop(): Promise<void>;
}

/**
 * nginx in front of local ports, with the project's live-recipes.conf unchanged: only the two
 * per-deployment includes (listen.conf, upstream.conf) and the process-level settings (pid, logs,
 * temp paths in a temporary prefix, so it runs without touching /var or /run) are the test's own.
 */
export async function startNginx(upstreamPorts: number[]): Promise<Nginx> {
  const binary = findNginx();
  if (!binary) throw new Error('nginx is not installed (apt-get install -y nginx)');
  const prefix = await mkdtemp(path.join(tmpdir(), 'live-nginx-'));
  const port = await freePort();
  const temp = (name: string) => path.join(prefix, name);
  const main = [
    // As root, workers would switch to nobody/www-data and could not write the 0700 temp dirs.
    ...(process.getuid?.() === 0 ? ['user root;'] : []),
    // One process: nothing is orphaned if the test process dies and SIGKILLs it.
    'master_process off;',
    `error_log ${temp('error.log')} info;`,
    `pid ${temp('nginx.pid')};`,
    'events { worker_connections 1024; }',
    'http {',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${temp(kind)};`),
    `  include ${PROJECT_NGINX_CONF};`,
    `  access_log ${temp('access.log')} live_json;`,
    '}',
  ].join('\n');
  await writeFile(temp('nginx.conf'), `${main}\n`);
  // Relative includes in live-recipes.conf resolve against the directory of the -c file: here.
  await writeFile(temp('listen.conf'), `listen 127.0.0.1:${port};\n`);
  await writeFile(temp('upstream.conf'), upstreamPorts.map((p) => `server 127.0.0.1:${p} max_fails=2 fail_timeout=5s;`).join('\n'));

  const child: ChildProcess = spawn(binary, ['-p', prefix, '-c', temp('nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit');
  const errorLog = async () => readFile(temp('error.log'), 'utf8').catch(() => '');

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${stderr}\n${await errorLog()}`);
    const up = await fetch(`${url}/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer on ${port}:\n${stderr}\n${await errorLog()}`);
    await sleep(100);
  }

  return {
    url,
    port,
    wsUrl: `ws://127.0.0.1:${port}/graphql`,
    output: () => stderr,
    accessLog: async () =>
      (await readFile(temp('access.log'), 'utf8').catch(() => ''))
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(prefix, { recursive: true, force: true });
    },
  };
}
