import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok, signUp } from '../support/clients.js';
import { CREATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const screenshots = fileURLToPath(new URL('../../test-results/graphiql/', import.meta.url));

describe('GraphiQL', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
    await mkdir(screenshots, { recursive: true });
    // Playwright gives every launch a fresh, throw-away profile.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads without any outside network and without CSP violations, and runs a live subscription over the WebSocket', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      if (
        !request.url().startsWith(server.url.replace('localhost', '127.0.0.1')) &&
        !request.url().startsWith(server.url) &&
        !request.url().startsWith('data:') &&
        !request.url().startsWith('blob:')
      ) {
        outside.push(request.url());
      }
    });
    const query = 'subscription { recipeChanged { kind recipe { title } } }';
    const response = await page.goto(`${server.url}/graphql?query=${encodeURIComponent(query)}`);
    expect((await response?.allHeaders())?.['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ timeout: 20_000 });
    await run.click();
    await page.waitForTimeout(1_000);

    const { token } = await signUp(server.url, 'Graphiql');
    await ok(server.url, CREATE_RECIPE, { input: { title: 'Seen in GraphiQL', ingredients: [], steps: [], tags: [] } }, token);
    await page.getByText('Seen in GraphiQL').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'subscription.png') });
    expect(outside).toEqual([]);
    expect(violations).toEqual([]);
  });
});
