import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
const composeFile = path.join(root, 'docker-compose.yml');
const secret = 'compose-test-secret-that-is-long-enough-0123456789';

interface Service {
  image?: string;
  build?: unknown;
  command?: string[] | string;
  environment?: Record<string, string | null>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] | string; disable?: boolean };
  ports?: Array<{ target?: number | string; published?: number | string } | string>;
  volumes?: Array<string | { source?: string; target?: string }>;
}

function findOnPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

const dockerCompose = findOnPath('docker-compose');
if (!dockerCompose) console.warn('SKIPPED compose tests: docker-compose is not installed (apt-get install -y docker-compose)');

/**
 * `docker-compose config` prints the resolved file as YAML. Compose v1 is a Python program that
 * depends on PyYAML, so the interpreter on its #! line can turn that YAML into JSON for us.
 */
async function resolvedConfig(binary: string, env: Record<string, string>): Promise<{ services: Record<string, Service> }> {
  const { stdout } = await run(binary, ['-f', composeFile, 'config'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
  const python = /^#!\s*(\S+)/.exec(readFileSync(binary, 'utf8').slice(0, 200))?.[1] ?? 'python3';
  const child = execFile(python, ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)']);
  child.stdin?.end(stdout);
  let json = '';
  child.stdout?.on('data', (chunk: Buffer) => (json += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`could not parse the output of docker-compose config with ${python}`);
  return JSON.parse(json) as { services: Record<string, Service> };
}

const healthTest = (service: Service | undefined) => service?.healthcheck?.test;

describe.skipIf(!dockerCompose)('docker-compose.yml', () => {
  let services: Record<string, Service>;
  let servers: Array<[string, Service]>;

  beforeAll(async () => {
    ({ services } = await resolvedConfig(dockerCompose as string, { JWT_SECRET: secret }));
    servers = Object.entries(services).filter(([, service]) => service.image?.startsWith('live-recipes'));
  });

  it('validates with docker-compose config and holds postgres, redis, three server instances of one image and the lb', () => {
    expect(Object.keys(services).sort()).toEqual(['lb', 'postgres', 'redis', 'server-1', 'server-2', 'server-3']);
    expect(servers.map(([name]) => name).sort()).toEqual(['server-1', 'server-2', 'server-3']);
    expect(new Set(servers.map(([, service]) => service.image)).size).toBe(1);
    for (const [, service] of servers) expect(service.build).toBeDefined();
  });

  it('gives every service a healthcheck and starts servers only once postgres and redis are healthy, the lb once the servers are', () => {
    for (const name of Object.keys(services)) {
      expect(healthTest(services[name]), name).toBeDefined();
      expect(services[name]?.healthcheck?.disable, name).not.toBe(true);
    }
    for (const [name, service] of servers) {
      expect(service.depends_on, name).toMatchObject({
        postgres: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
      });
    }
    const lbDepends = services.lb?.depends_on ?? {};
    for (const [name] of servers) expect(lbDepends[name]?.condition, name).toBe('service_healthy');
  });

  it('runs the servers in production mode with distinct INSTANCE_IDs, one JWT_SECRET from the environment, and the shared PostgreSQL and Redis', () => {
    const ids = servers.map(([, service]) => service.environment?.INSTANCE_ID);
    expect(new Set(ids).size).toBe(3);
    for (const [name, service] of servers) {
      expect(service.environment, name).toMatchObject({
        NODE_ENV: 'production',
        JWT_SECRET: secret,
        DATABASE_URL: expect.stringMatching(/^postgres:\/\/[^@]+@postgres:5432\//),
        REDIS_URL: 'redis://redis:6379',
      });
    }
  });

  it('keeps PostgreSQL and Redis data in named volumes', () => {
    for (const name of ['postgres', 'redis']) {
      const volumes = services[name]?.volumes ?? [];
      expect(volumes.length, name).toBeGreaterThan(0);
    }
  });

  it('publishes the lb on 8080 with the project nginx config, whose upstream list names exactly the server services', () => {
    const lb = services.lb as Service;
    const ports = (lb.ports ?? []).map((port) => (typeof port === 'string' ? port : `${port.published}:${port.target}`));
    expect(ports).toContain('8080:8080');
    expect(JSON.stringify(lb.volumes)).toContain('deploy/nginx');
    expect(JSON.stringify(lb.command)).toContain('nginx.conf');
    const upstream = readFileSync(path.join(root, 'deploy/nginx/upstream.conf'), 'utf8');
    const listed = [...upstream.matchAll(/^\s*server\s+([\w.-]+):4000\b/gm)].map((match) => match[1]);
    expect(listed.sort()).toEqual(servers.map(([name]) => name).sort());
  });

  it('refuses to resolve without JWT_SECRET, naming it', async () => {
    const failure = await run(dockerCompose as string, ['-f', composeFile, 'config', '-q'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '' },
    }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failure?.code).not.toBe(0);
    expect(failure?.stderr).toContain('JWT_SECRET');
  });
});

describe('Dockerfile', () => {
  const dockerfile = readFileSync(path.join(root, 'Dockerfile'), 'utf8');
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const stages = instructions.filter((line) => /^FROM\s/i.test(line));
  const lastStage = instructions.slice(instructions.lastIndexOf(stages.at(-1) ?? ''));

  it('builds in stages and runs the compiled server as a non-root user in production mode, with a healthcheck', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    expect(lastStage.some((line) => /^USER\s+(?!root\b|0\b)\S+/i.test(line))).toBe(true);
    expect(lastStage.some((line) => /^ENV\s.*NODE_ENV=production/i.test(line))).toBe(true);
    expect(lastStage.some((line) => /^HEALTHCHECK\s/i.test(line))).toBe(true);
    expect(lastStage.at(-1)).toMatch(/^CMD \["node", "server\/dist\/main\.js"\]$/);
    expect(instructions.some((line) => /^RUN npm run build$/.test(line))).toBe(true);
  });

  it('copies only paths that exist in the repository and that .dockerignore lets through', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    const sources = instructions
      .filter((line) => /^COPY\s/i.test(line) && !/--from=/.test(line))
      .flatMap((line) =>
        line
          .split(/\s+/)
          .slice(1)
          .filter((word) => !word.startsWith('--'))
          .slice(0, -1),
      );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect(existsSync(path.join(root, source)), source).toBe(true);
      expect(ignored, source).not.toContain(source);
    }
  });
});
