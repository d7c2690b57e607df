import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../../../server/test/support/database.js';
import { type ServerProcess, spawnServer } from '../../../server/test/support/servers.js';
import { launchChromium, requireBuiltWebApp, webDist } from './support/browser.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/', import.meta.url));
const LIVE_WITHIN_MS = 2_000;

/**
 * Stands in for a network that blocks WebSockets (a proxy refusing the upgrade): every socket
 * fails before it opens, as the browser reports it. Runs inside the page.
 */
function blockWebSockets(): void {
  class BlockedWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;
    readyState = 0;
    protocol = '';
    onopen: ((event: Event) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly url: string) {
      super();
      setTimeout(() => {
        this.readyState = 3;
        this.onerror?.(new Event('error'));
        this.onclose?.(new CloseEvent('close', { code: 1006, reason: '', wasClean: false }));
      }, 10);
    }
    send(): void {}
    close(): void {}
  }
  Object.defineProperty(window, 'WebSocket', { value: BlockedWebSocket });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`) });
}

function card(page: Page, title: string) {
  return page.getByTestId('recipe-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

async function expectStatus(page: Page, status: string, timeout: number): Promise<void> {
  await page.locator(`[data-testid="connection-status"][data-status="${status}"]`).waitFor({ timeout });
}

/** Others' new recipes wait behind the list's bar: it counts them, and a click shows them. */
async function showNew(page: Page, label: string, timeout: number): Promise<void> {
  await page.getByTestId('new-recipes-bar').getByRole('button', { name: label }).waitFor({ timeout });
  await page.getByTestId('new-recipes-bar').getByRole('button').click();
}

async function fillRecipe(page: Page, fields: { title: string; description?: string; tags?: string }): Promise<void> {
  await page.getByLabel('Title').fill(fields.title);
  if (fields.description !== undefined) await page.getByLabel('Description').fill(fields.description);
  if (fields.tags !== undefined) await page.getByLabel('Tags').fill(fields.tags);
}

async function createRecipe(page: Page, origin: string, fields: { title: string; description?: string; tags?: string }): Promise<void> {
  await page.goto(`${origin}/#/recipes/new`);
  await fillRecipe(page, fields);
  await page.getByRole('button', { name: 'Publish recipe' }).click();
  await page.getByTestId('recipe-detail').getByRole('heading', { name: fields.title }).waitFor();
}

async function editTitle(page: Page, from: string, to: string): Promise<void> {
  await page.getByTestId('recipe-detail').getByRole('heading', { name: from }).waitFor();
  await page.getByRole('link', { name: 'Edit' }).click();
  await page.getByLabel('Title').fill(to);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByTestId('recipe-detail').getByRole('heading', { name: to }).waitFor();
}

describe('the web app on two server instances', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  let one: ServerProcess;
  let two: ServerProcess | undefined;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltWebApp();
    await rm(screenshots, { recursive: true, force: true });
    await mkdir(screenshots, { recursive: true });
    database = await createTestDatabase('web_e2e');
    env = { DATABASE_URL: database.url, REDIS_URL, REDIS_KEY_PREFIX: uniquePrefix('web-e2e'), WEB_DIST: webDist };
    // One at a time: both apply migrations at start, and two cores are better spent serially.
    one = await spawnServer({ ...env, INSTANCE_ID: 'one' });
    two = await spawnServer({ ...env, INSTANCE_ID: 'two' });
    // Playwright launches Chromium with a fresh, throw-away --user-data-dir of its own.
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await two?.stop();
    await one?.stop();
    await database?.drop();
  });

  it("shows page A's creates, edits and deletes on page B within 2 s, and after B's instance restarts, everything it missed", async () => {
    const origin1 = one.url;
    const server2 = two;
    if (!server2) throw new Error('instance two did not start');
    const origin2 = server2.url;
    const port2 = server2.port;

    // Separate contexts: separate storage, as for two people.
    const pageA = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    const pageB = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    const pageC = await (await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true })).newPage();
    await pageC.addInitScript(blockWebSockets);
    // The server's Content-Security-Policy must not block anything the app does.
    const cspViolations: string[] = [];
    for (const page of [pageA, pageB, pageC]) {
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
      });
    }

    // What page B sends: every list query (a refetch) and every subscribe frame (with its `after`).
    const listRequestsB: string[] = [];
    const subscribeFramesB: string[] = [];
    pageB.on('request', (request) => {
      if (`${request.url()} ${request.postData() ?? ''}`.includes('RecipesPage_List')) listRequestsB.push(request.url());
    });
    pageB.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        const text = typeof frame.payload === 'string' ? frame.payload : frame.payload.toString();
        if (text.includes('"type":"subscribe"') && text.includes('LiveUpdates_RecipeChanged')) subscribeFramesB.push(text);
      });
    });

    await pageB.goto(`${origin2}/#/`);
    await pageC.goto(`${origin1}/#/`);
    await expectStatus(pageB, 'live', 10_000);
    await shot(pageB, '01-b-live-on-instance-two');
    // WebSockets never open for page C; once HTTP is seen to work it follows over SSE.
    await pageC.getByText('Live (SSE)').waitFor({ timeout: 15_000 });
    await shot(pageC, '02-c-live-over-sse-on-a-phone');

    // Page A signs up on instance one.
    await pageA.goto(`${origin1}/#/signup`);
    await pageA.getByLabel('Name').fill('Ada');
    await pageA.getByLabel('Email').fill(`ada-${Date.now()}@example.com`);
    await pageA.getByLabel('Password').fill('correct horse battery');
    await pageA.getByRole('button', { name: 'Create account' }).click();
    await pageA.getByTestId('signed-in-as').getByText('Ada').waitFor();

    // Create.
    await createRecipe(pageA, origin1, { title: 'Lentil soup', description: 'Warm and quick', tags: 'soup, quick' });
    await shot(pageA, '03-a-created');
    await showNew(pageB, '1 new recipe — show', LIVE_WITHIN_MS);
    await showNew(pageC, '1 new recipe — show', LIVE_WITHIN_MS);
    await card(pageB, 'Lentil soup').waitFor();
    await card(pageC, 'Lentil soup').waitFor();
    await shot(pageB, '04-b-shows-created');
    await shot(pageC, '05-c-shows-created');

    // Edit.
    await editTitle(pageA, 'Lentil soup', 'Red lentil soup');
    await card(pageB, 'Red lentil soup').waitFor({ timeout: LIVE_WITHIN_MS });
    await card(pageC, 'Red lentil soup').waitFor({ timeout: LIVE_WITHIN_MS });
    expect(await card(pageB, 'Lentil soup').count()).toBe(0);
    await shot(pageB, '06-b-shows-edit');

    // Delete.
    await pageA.getByRole('button', { name: 'Delete', exact: true }).click();
    await pageA.getByRole('button', { name: 'Delete for good' }).click();
    await card(pageB, 'Red lentil soup').waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });
    await card(pageC, 'Red lentil soup').waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });
    await shot(pageB, '07-b-shows-delete');

    // Instance two goes away: page B says so.
    const listQueriesBeforeOutage = listRequestsB.length;
    await pageB.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });
    await server2.stop();
    two = undefined;
    await expectStatus(pageB, 'reconnecting', 5_000);
    await shot(pageB, '08-b-reconnecting');

    // Changes made meanwhile, through instance one.
    await createRecipe(pageA, origin1, { title: 'Pea soup', tags: 'soup' });
    await createRecipe(pageA, origin1, { title: 'Onion tart' });
    await editTitle(pageA, 'Onion tart', 'Caramelised onion tart');
    expect(await card(pageB, 'Pea soup').count()).toBe(0);

    // Instance two comes back on the same port; page B resumes and catches up.
    two = await spawnServer({ ...env, INSTANCE_ID: 'two-again' }, port2);
    await expectStatus(pageB, 'live', 20_000);
    await pageB.getByTestId('new-recipes-bar').getByRole('button', { name: '2 new recipes — show' }).waitFor({ timeout: 5_000 });
    await shot(pageB, '09-b-caught-up-after-restart');
    // Caught up by replay, not by reloading the page or refetching the list.
    expect(await pageB.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(listRequestsB.length).toBe(listQueriesBeforeOutage);

    await showNew(pageB, '2 new recipes — show', 0);
    await card(pageB, 'Caramelised onion tart').waitFor();
    const titles = await pageB.getByTestId('recipe-card').getByRole('heading').allTextContents();
    expect(titles).toEqual(['Caramelised onion tart', 'Pea soup']);
    const resumed = subscribeFramesB.at(-1) ?? '';
    expect(JSON.parse(resumed).payload.variables.after).toEqual(expect.any(String));
    expect(cspViolations).toEqual([]);
  });
});
