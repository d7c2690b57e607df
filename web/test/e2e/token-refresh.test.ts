import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, signUp } from '../../../server/test/support/clients.js';
import { CREATE_RECIPE } from '../../../server/test/support/operations.js';
import { appUnderTest } from './support/app-under-test.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/token-refresh/', import.meta.url));
const TOKEN_TTL_MS = 8_000;
const LIVE_WITHIN_MS = 5_000;

interface StoredSession {
  token: string;
  user: { id: string; name: string };
}

const expiryOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()).exp * 1000;

async function storedSession(page: Page): Promise<StoredSession | null> {
  return page.evaluate(() => JSON.parse(window.localStorage.getItem('live-recipes.session') ?? 'null'));
}

const sleepUntil = (at: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, at - Date.now())));

function card(page: Page, title: string) {
  return page.getByTestId('recipe-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

/** Others' new recipes wait behind the list's bar, which counts each one once. */
function newBar(page: Page, count: number) {
  return page.getByTestId('new-recipes-bar').getByRole('button', { name: `${count} new recipe${count === 1 ? '' : 's'} — show` });
}

describe('the web app across token expiry', () => {
  const app = appUnderTest('token', { env: { TOKEN_TTL: `${TOKEN_TTL_MS}ms` }, screenshots });

  it('refreshes its token before expiry and shows every change made before and after, exactly once, still signed in', async () => {
    const page = await (await app.browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    // What the page sends and receives on its sockets: each connection_init's token, each
    // subscribe's `after`, and every recipeChanged event.
    const initTokens: string[] = [];
    const subscribeAfters: Array<string | null> = [];
    const events: Array<{ kind: string; recipeId: string }> = [];
    const listRequests: string[] = [];
    page.on('request', (request) => {
      if (`${request.url()} ${request.postData() ?? ''}`.includes('RecipesPage_List')) listRequests.push(request.url());
    });
    page.on('websocket', (socket) => {
      socket.on('framesent', (frame) => {
        const message = JSON.parse(String(frame.payload));
        if (message.type === 'connection_init') initTokens.push(String(message.payload?.authorization ?? ''));
        if (message.type === 'subscribe' && String(message.payload.query).includes('recipeChanged')) {
          subscribeAfters.push(message.payload.variables?.after ?? null);
        }
      });
      socket.on('framereceived', (frame) => {
        const message = JSON.parse(String(frame.payload));
        const change = message.type === 'next' ? message.payload?.data?.recipeChanged : undefined;
        if (change) events.push({ kind: change.kind, recipeId: change.recipeId });
      });
    });

    await page.goto(`${app.server.url}/#/signup`);
    await page.getByLabel('Name').fill('Bea');
    await page.getByLabel('Email').fill(`bea-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('signed-in-as').getByText('Bea').waitFor();
    await page.goto(`${app.server.url}/#/`);
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 10_000 });
    const first = await storedSession(page);
    if (!first) throw new Error('not signed in');
    const firstExpiry = expiryOf(first.token);

    // Someone else writes; each write signs up afresh, since the writer's tokens expire as quickly.
    const write = async (title: string) => {
      const writer = await signUp(app.server.url, 'Writer');
      const data = await ok(app.server.url, CREATE_RECIPE, { input: { title, ingredients: ['a'], steps: ['b'] } }, writer.token);
      return data.createRecipe.id;
    };

    const ids = [await write('Before expiry')];
    await newBar(page, 1).waitFor({ timeout: LIVE_WITHIN_MS });
    const listsBefore = listRequests.length;
    const subscribesBefore = subscribeAfters.length;

    // Past the first token's expiry: the page has refreshed and moved its socket to the new token.
    await sleepUntil(firstExpiry + 1_000);
    ids.push(await write('After the first expiry'));
    await newBar(page, 2).waitFor({ timeout: LIVE_WITHIN_MS });

    // And past its successor's, which was refreshed in turn.
    await sleepUntil(firstExpiry + TOKEN_TTL_MS + 1_000);
    ids.push(await write('After the second expiry'));
    await newBar(page, 3).waitFor({ timeout: LIVE_WITHIN_MS });
    await page.screenshot({ path: path.join(screenshots, 'token-refresh-after-two-expiries.png') });

    // Still signed in, with a token that outlives the first app.two.
    await page.getByTestId('signed-in-as').getByText('Bea').waitFor();
    const latest = await storedSession(page);
    expect(latest?.user).toEqual(first.user);
    expect(expiryOf(latest?.token ?? '')).toBeGreaterThan(firstExpiry + TOKEN_TTL_MS);

    // Every change exactly once, counted and on the wire.
    expect(await page.getByTestId('new-recipes-bar').textContent()).toBe('3 new recipes — show');
    for (const id of ids) expect(events.filter((event) => event.recipeId === id)).toEqual([{ kind: 'CREATED', recipeId: id }]);
    // The socket reconnected with each new token and resumed from its cursor, without refetching the list.
    expect(new Set(initTokens).size).toBeGreaterThanOrEqual(3);
    const resumed = subscribeAfters.slice(subscribesBefore);
    expect(resumed.length).toBeGreaterThanOrEqual(2);
    expect(resumed.every((after) => typeof after === 'string')).toBe(true);
    expect(listRequests.length).toBe(listsBefore);

    await newBar(page, 3).click();
    await card(page, 'After the second expiry').waitFor();
    for (const title of ['Before expiry', 'After the first expiry', 'After the second expiry'])
      expect(await card(page, title).count()).toBe(1);
  });
});
