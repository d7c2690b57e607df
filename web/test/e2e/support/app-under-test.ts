import { mkdir, rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../../../../server/test/support/database.js';
import { type ServerProcess, spawnServer } from '../../../../server/test/support/servers.js';
import { launchChromium, requireBuiltWebApp, webDist } from './browser.js';

export interface AppUnderTestOptions {
  /** Server processes on one database and Redis prefix, named `one`, `two`, … (default 1). */
  instances?: number;
  /** Further environment for every instance. */
  env?: Record<string, string>;
  /** A folder for the file's screenshots, emptied before its tests. */
  screenshots?: string;
}

const INSTANCE_NAMES = ['one', 'two', 'three'];

/**
 * One test file's app under test: a database of its own, server instances serving the built web
 * app, and Chromium, started before the file's tests and stopped after them.
 */
export function appUnderTest(name: string, options: AppUnderTestOptions = {}) {
  let database: TestDatabase | undefined;
  const servers: ServerProcess[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    requireBuiltWebApp();
    if (options.screenshots) {
      await rm(options.screenshots, { recursive: true, force: true });
      await mkdir(options.screenshots, { recursive: true });
    }
    database = await createTestDatabase(`web_e2e_${name.replace(/-/g, '_')}`);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: uniquePrefix(`web-e2e-${name}`),
      WEB_DIST: webDist,
      ...options.env,
    };
    // One at a time: each applies migrations at start, and two cores are better spent serially.
    for (const instance of INSTANCE_NAMES.slice(0, options.instances ?? 1))
      servers.push(await spawnServer({ ...env, INSTANCE_ID: instance }));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const server of servers.reverse()) await server.stop();
    await database?.drop();
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app under test is started in beforeAll');
    return value;
  };
  return {
    get server(): ServerProcess {
      return started(servers[0]);
    },
    get one(): ServerProcess {
      return started(servers[0]);
    },
    get two(): ServerProcess {
      return started(servers[1]);
    },
    get browser(): Browser {
      return started(browser);
    },
  };
}
