import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { ok, signUp } from '../support/clients.js';
import { CREATE_RECIPE } from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { openGraphiql, operationEditor } from './graphiql-page.js';

const screenshots = fileURLToPath(new URL('../../test-results/graphiql/', import.meta.url));

/** What the operation editor shows, as one line (Monaco renders spaces as no-break spaces). */
async function operationText(page: Page): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
  const text = await page.locator(`${operationEditor} .view-lines`).innerText();
  return text.replace(/\s+/g, ' ');
}

const activeTab = (page: Page) => page.locator('.graphiql-tab-active .graphiql-tab-button').textContent();

interface StoredTabs {
  activeTabIndex: number;
  tabs: Array<{ title: string; query: string | null }>;
}

const storedTabs = (page: Page): Promise<StoredTabs | null> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('graphiql:tabState') ?? 'null'));

async function expectExamples(page: Page): Promise<void> {
  expect(await operationText(page)).toContain('mutation SignUp {');
  expect(await activeTab(page)).toBe('SignUp');
}

describe('GraphiQL', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
    await mkdir(screenshots, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens on the example operations in every new window: a new profile, and a second and third window of the same profile', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const first = await openGraphiql(context, server.url);
    await expectExamples(first);
    // GraphiQL stores its tabs for the profile's next windows.
    await first.waitForFunction(() => localStorage.getItem('graphiql:tabState') !== null);

    const second = await openGraphiql(context, server.url);
    await expectExamples(second);
    expect((await storedTabs(second))?.tabs.map((tab) => tab.title)).toEqual(['SignUp']);

    // The reader's own text in the first window: a new window still opens on the examples, beside it.
    const own = 'query Mine { me { id } }';
    await first.locator(`${operationEditor} .monaco-editor`).click();
    await first.keyboard.press('Control+A');
    await first.keyboard.insertText(own);
    await first.waitForFunction(
      (expected) =>
        (JSON.parse(localStorage.getItem('graphiql:tabState') ?? '{"tabs":[]}') as StoredTabs).tabs.some((tab) => tab.query === expected),
      own,
    );
    const third = await openGraphiql(context, server.url);
    await expectExamples(third);
    expect((await storedTabs(third))?.tabs.map((tab) => tab.query)).toContain(own);
    await third.screenshot({ path: path.join(screenshots, 'third-window.png') });

    // A reload is not a new window: it keeps the reader's text.
    await first.reload();
    await first.locator(`${operationEditor} .view-lines`).waitFor();
    expect(await operationText(first)).toContain('query Mine');
    await context.close();
  });

  it('opens on the examples even where an earlier page stored only an empty untitled tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const earlier = await openGraphiql(context, server.url);
    await earlier.evaluate(() => {
      const empty = {
        id: 'e',
        hash: null,
        title: '<untitled>',
        query: null,
        variables: null,
        headers: null,
        operationName: null,
        response: null,
      };
      localStorage.setItem('graphiql:tabState', JSON.stringify({ tabs: [empty], activeTabIndex: 0 }));
    });
    await earlier.close();
    await expectExamples(await openGraphiql(context, server.url));
    await context.close();
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
