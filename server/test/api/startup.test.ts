import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../support/database.js';
import { spawnServer } from '../support/servers.js';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

function runServer(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('starting the server', () => {
  it('refuses bad configuration with exit code 1 and names every problem at once', async () => {
    const { code, output } = await runServer({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://localhost/db',
      JWT_SECRET: 'short',
      CHANGE_LOG_RETENTION: 'a week',
      PGLITE_DIR: 'memory://',
    });
    expect(code).toBe(1);
    for (const variable of ['PORT', 'DATABASE_URL', 'JWT_SECRET', 'CHANGE_LOG_RETENTION']) expect(output).toContain(variable);
    expect(output).toContain('must start with postgres://');
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    const { code, output } = await runServer({ NODE_ENV: 'production', PGLITE_DIR: 'memory://' });
    expect(code).toBe(1);
    expect(output).toMatch(/JWT_SECRET.*required when NODE_ENV=production/);
  });

  it('lets several instances start at once on an empty database, applying each migration once', async () => {
    const db = await createTestDatabase('boot');
    const servers = await Promise.all(Array.from({ length: 3 }, () => spawnServer({ DATABASE_URL: db.url })));
    try {
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      const applied = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
      await sql.end();
      const migrations = readdirSync(fileURLToPath(new URL('../../drizzle', import.meta.url))).filter((f) => f.endsWith('.sql'));
      expect(applied[0]?.n).toBe(migrations.length);
      for (const server of servers) expect((await fetch(`${server.url}/ready`)).status).toBe(200);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      await db.drop();
    }
  });
});
