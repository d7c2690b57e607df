import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { gql, signUp } from '../support/clients.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { spawnServer, startInProcess } from '../support/servers.js';

const ME = graphql(`query DevelopmentSecret_Me { me { id name } }`);

describe('development without JWT_SECRET', () => {
  let dir: string;
  let database: TestDatabase;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'live-recipes-secret-'));
    database = await createTestDatabase('secret');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await database?.drop();
  });

  it('keeps a generated secret in an owner-only file, so a token stays valid across a restart', async () => {
    const env = {
      NODE_ENV: 'development',
      JWT_SECRET: '',
      DEV_JWT_SECRET_FILE: path.join(dir, '.data', 'jwt-secret'),
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
    };
    const first = await spawnServer(env);
    const user = await signUp(first.url, 'Restart');
    await first.stop();
    expect(first.output()).toContain(env.DEV_JWT_SECRET_FILE);
    const { mode } = await stat(env.DEV_JWT_SECRET_FILE);
    expect(mode & 0o777).toBe(0o600);
    const kept = await readFile(env.DEV_JWT_SECRET_FILE, 'utf8');

    const second = await spawnServer(env);
    try {
      const { data, errors } = await gql(second.url, ME, {}, user.token);
      expect(errors).toBeUndefined();
      expect(data?.me).toEqual({ id: user.id, name: 'Restart' });
      expect(await readFile(env.DEV_JWT_SECRET_FILE, 'utf8')).toBe(kept);
    } finally {
      await second.stop();
    }
  });

  it('refuses a token signed by another development secret file', async () => {
    const base = { NODE_ENV: 'development', JWT_SECRET: '', DATABASE_URL: database.url };
    const one = await startInProcess({ ...base, DEV_JWT_SECRET_FILE: path.join(dir, 'one') });
    const user = await signUp(one.url, 'One');
    await one.stop();
    const other = await startInProcess({ ...base, DEV_JWT_SECRET_FILE: path.join(dir, 'other') });
    try {
      const { errors } = await gql(other.url, ME, {}, user.token);
      expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await other.stop();
    }
  });
});
