import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ok, signUp, type TestUser } from '../../../server/test/support/clients.js';
import {
  CREATE_BLOG,
  CREATE_RECIPE,
  DELETE_BLOG,
  DELETE_RECIPE,
  UPDATE_BLOG,
  UPDATE_RECIPE,
} from '../../../server/test/support/operations.js';
import { appUnderTest } from './support/app-under-test.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/new-recipes-bar/', import.meta.url));
const LIVE_WITHIN_MS = 5_000;
const PAGE_SIZE = 12;
const BLOG_PAGE_SIZE = 10;

function card(page: Page, title: string) {
  return page.getByTestId('recipe-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

const cardTitles = (page: Page) => page.getByTestId('recipe-card').getByRole('heading').allTextContents();

function blogCard(page: Page, title: string) {
  return page.getByTestId('blog-card').filter({ has: page.getByRole('link', { name: title, exact: true }) });
}

const blogTitles = (page: Page) => page.getByTestId('blog-card').getByRole('heading').allTextContents();

/** A page signed in as `user`, with the live connection up. */
async function signedInPage(browser: Browser, url: string, user: TestUser, path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
  await page.goto(`${url}/#/`);
  await page.evaluate((session) => window.localStorage.setItem('live-recipes.session', JSON.stringify(session)), {
    token: user.token,
    user: { id: user.id, name: user.name },
  });
  await page.goto(`${url}/#${path}`);
  await page.reload();
  await page.getByTestId('signed-in-as').getByText(user.name).waitFor();
  await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 10_000 });
  return page;
}

describe('the "N new — show" bars of recipes and posts', () => {
  const app = appUnderTest('new-bar', { screenshots });

  it("holds others' new recipes behind a counted bar, shows them on a click as one page, and applies the viewer's own, edits and deletes at once", async () => {
    const create = async (user: TestUser, title: string) =>
      (await ok(app.server.url, CREATE_RECIPE, { input: { title, ingredients: ['a'], steps: ['b'] } }, user.token)).createRecipe.id;
    const writer = await signUp(app.server.url, 'Writer');
    const viewer = await signUp(app.server.url, 'Vic');
    const seeded: string[] = [];
    for (let n = 1; n <= PAGE_SIZE + 2; n += 1) seeded.push(await create(writer, `Seed ${n}`));

    const page = await (await app.browser.newContext({ viewport: { width: 1100, height: 800 } })).newPage();
    await page.goto(`${app.server.url}/#/`);
    await page.evaluate((session) => window.localStorage.setItem('live-recipes.session', JSON.stringify(session)), {
      token: viewer.token,
      user: { id: viewer.id, name: viewer.name },
    });
    await page.reload();
    await page.getByTestId('signed-in-as').getByText('Vic').waitFor();
    await page.locator('[data-testid="connection-status"][data-status="live"]').waitFor({ timeout: 10_000 });
    await card(page, `Seed ${PAGE_SIZE + 2}`).waitFor();
    expect(await page.getByTestId('recipe-card').count()).toBe(PAGE_SIZE);
    const bar = page.getByTestId('new-recipes-bar');

    // Someone else writes: a bar counts, the list stays as it was.
    await create(writer, 'New 1');
    await bar.getByRole('button', { name: '1 new recipe — show' }).waitFor({ timeout: LIVE_WITHIN_MS });
    for (let n = 2; n <= 5; n += 1) await create(writer, `New ${n}`);
    await bar.getByRole('button', { name: '5 new recipes — show' }).waitFor({ timeout: LIVE_WITHIN_MS });
    expect(await page.getByTestId('recipe-card').count()).toBe(PAGE_SIZE);
    expect(await card(page, 'New 1').count()).toBe(0);

    // The viewer's own recipe goes to the top at once, beside the bar.
    await create(viewer, 'Mine');
    await card(page, 'Mine').waitFor({ timeout: LIVE_WITHIN_MS });
    expect((await cardTitles(page))[0]).toBe('Mine');

    // Edits and deletes of recipes on screen still apply live.
    const edited = seeded.at(-1) ?? '';
    await ok(app.server.url, UPDATE_RECIPE, { id: edited, input: { title: 'Seed, edited' } }, writer.token);
    await card(page, 'Seed, edited').waitFor({ timeout: LIVE_WITHIN_MS });
    await ok(app.server.url, DELETE_RECIPE, { id: seeded.at(-2) ?? '' }, writer.token);
    await card(page, `Seed ${PAGE_SIZE + 1}`).waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });
    expect(await bar.textContent()).toBe('5 new recipes — show');
    await page.screenshot({ path: path.join(screenshots, 'new-recipes-bar-waiting.png') });

    // A click from further down shows them at the top, and the list is one page again.
    await page.getByRole('button', { name: 'Load more' }).scrollIntoViewIfNeeded();
    await bar.getByRole('button').click();
    await card(page, 'New 5').waitFor({ timeout: LIVE_WITHIN_MS });
    await bar.waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.scrollY === 0);
    expect(await cardTitles(page)).toEqual([
      'Mine',
      'New 5',
      'New 4',
      'New 3',
      'New 2',
      'New 1',
      'Seed, edited',
      ...Array.from({ length: PAGE_SIZE - 7 }, (_, index) => `Seed ${PAGE_SIZE - index}`),
    ]);
    await page.screenshot({ path: path.join(screenshots, 'new-recipes-bar-shown.png') });

    // Once shown, they are not counted again when more arrive.
    await create(writer, 'New 6');
    await bar.getByRole('button', { name: '1 new recipe — show' }).waitFor({ timeout: LIVE_WITHIN_MS });
  });

  it("holds others' new posts behind a counted bar, drafts and all, shows them on a click as one page, and applies the viewer's own, edits and deletes at once", async () => {
    const post = async (user: TestUser, title: string, published = true) =>
      (await ok(app.server.url, CREATE_BLOG, { input: { title, body: `About ${title}`, published } }, user.token)).createBlog.id;
    const writer = await signUp(app.server.url, 'Penny');
    const viewer = await signUp(app.server.url, 'Rhea');
    const seeded: string[] = [];
    for (let n = 1; n <= BLOG_PAGE_SIZE + 2; n += 1) seeded.push(await post(writer, `Story ${n}`));

    const page = await signedInPage(app.browser, app.server.url, viewer, '/blogs');
    await blogCard(page, `Story ${BLOG_PAGE_SIZE + 2}`).waitFor();
    expect(await page.getByTestId('blog-card').count()).toBe(BLOG_PAGE_SIZE);
    const bar = page.getByTestId('new-blogs-bar');
    expect(await bar.count()).toBe(0);

    // Someone else publishes: a bar counts, the list stays as it was. A draft is nobody else's
    // business until it is published; then it counts like any new post.
    await post(writer, 'Fresh 1');
    await bar.getByRole('button', { name: '1 new post — show', exact: true }).waitFor({ timeout: LIVE_WITHIN_MS });
    const draft = await post(writer, 'Fresh 2', false);
    await post(writer, 'Fresh 3');
    await bar.getByRole('button', { name: '2 new posts — show', exact: true }).waitFor({ timeout: LIVE_WITHIN_MS });
    await ok(app.server.url, UPDATE_BLOG, { id: draft, input: { published: true } }, writer.token);
    await bar.getByRole('button', { name: '3 new posts — show', exact: true }).waitFor({ timeout: LIVE_WITHIN_MS });
    expect(await page.getByTestId('blog-card').count()).toBe(BLOG_PAGE_SIZE);
    expect(await blogCard(page, 'Fresh 1').count()).toBe(0);

    // The viewer's own post goes to the top at once, beside the bar.
    await post(viewer, 'Mine too');
    await blogCard(page, 'Mine too').waitFor({ timeout: LIVE_WITHIN_MS });
    expect((await blogTitles(page))[0]).toBe('Mine too');

    // Edits and deletes of posts on screen still apply live.
    await ok(app.server.url, UPDATE_BLOG, { id: seeded.at(-1) ?? '', input: { title: 'Story, edited' } }, writer.token);
    await blogCard(page, 'Story, edited').waitFor({ timeout: LIVE_WITHIN_MS });
    await ok(app.server.url, DELETE_BLOG, { id: seeded.at(-2) ?? '' }, writer.token);
    await blogCard(page, `Story ${BLOG_PAGE_SIZE + 1}`).waitFor({ state: 'detached', timeout: LIVE_WITHIN_MS });
    expect(await bar.textContent()).toBe('3 new posts — show');
    await page.screenshot({ path: path.join(screenshots, 'new-blogs-bar-waiting.png') });

    // A click shows them at the top, and the list is one page again.
    await bar.getByRole('button').click();
    await blogCard(page, 'Fresh 3').waitFor({ timeout: LIVE_WITHIN_MS });
    await bar.waitFor({ state: 'detached' });
    // Newest first by creation: the draft was created before Fresh 3.
    expect(await blogTitles(page)).toEqual([
      'Mine too',
      'Fresh 3',
      'Fresh 2',
      'Fresh 1',
      'Story, edited',
      ...Array.from({ length: BLOG_PAGE_SIZE - 5 }, (_, index) => `Story ${BLOG_PAGE_SIZE - index}`),
    ]);
    await page.screenshot({ path: path.join(screenshots, 'new-blogs-bar-shown.png') });

    // Once shown, they are not counted again when more arrive.
    await post(writer, 'Fresh 4');
    await bar.getByRole('button', { name: '1 new post — show', exact: true }).waitFor({ timeout: LIVE_WITHIN_MS });
  });
});
