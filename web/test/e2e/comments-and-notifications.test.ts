import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './support/app-under-test.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/comments-and-notifications/', import.meta.url));
// How long to wait for something that should appear live; a bound on waiting, not a speed claim.
const LIVE = { timeout: 10_000 };
const PASSWORD = 'correct horse battery';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function signUp(page: Page, origin: string, name: string, email: string): Promise<void> {
  await page.goto(`${origin}/#/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('signed-in-as').getByText(name).waitFor();
}

async function signIn(page: Page, origin: string, name: string, email: string): Promise<void> {
  await page.goto(`${origin}/#/signin`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('signed-in-as').getByText(name).waitFor();
}

function bell(page: Page, unread: number) {
  return page.getByRole('link', { name: `Notifications, ${unread} unread`, exact: true });
}

function comments(page: Page) {
  return page.getByTestId('comment-list').getByTestId('comment');
}

describe('comments and notifications in the web app on two server instances', () => {
  const app = appUnderTest('comments', { instances: 2, screenshots });

  it("shows B's comment in A's open thread and as one unread in both of A's tabs, and reading it in one tab clears the other", async () => {
    const emailA = `ada-${Date.now()}@example.com`;
    const emailB = `bo-${Date.now()}@example.com`;
    // Two people, two browsers. A has two tabs, one on each instance (two origins: signed in in each).
    const browserA = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const browserB = await app.browser.newContext({ viewport: { width: 1100, height: 900 } });
    const tabA1 = await browserA.newPage();
    const tabA2 = await browserA.newPage();
    const pageB = await browserB.newPage();

    await signUp(tabA1, app.one.url, 'Ada', emailA);
    await tabA1.goto(`${app.one.url}/#/recipes/new`);
    await tabA1.getByLabel('Title').fill('Lentil soup');
    await tabA1.getByRole('button', { name: 'Publish recipe' }).click();
    await tabA1.getByTestId('recipe-detail').getByRole('heading', { name: 'Lentil soup' }).waitFor();
    await tabA1.getByText('No comments yet.').waitFor();
    const recipePath = new URL(tabA1.url()).hash;
    await bell(tabA1, 0).waitFor();
    await shot(tabA1, '01-a-tab-one-own-recipe-no-comments');

    await signIn(tabA2, app.two.url, 'Ada', emailA);
    await bell(tabA2, 0).waitFor();
    await shot(tabA2, '02-a-tab-two-no-unread');

    // B, on instance two, comments on A's recipe.
    await signUp(pageB, app.two.url, 'Bo', emailB);
    await pageB.goto(`${app.two.url}/${recipePath}`);
    await pageB.getByTestId('recipe-detail').getByRole('heading', { name: 'Lentil soup' }).waitFor();
    await pageB.getByLabel('Add a comment').fill('Needs more cumin.');
    await pageB.getByRole('button', { name: 'Post comment' }).click();
    await comments(pageB).filter({ hasText: 'Needs more cumin.' }).waitFor();
    // The form empties for the next comment once the answer is in.
    await expect.poll(() => pageB.getByLabel('Add a comment').inputValue()).toBe('');
    await shot(pageB, '03-b-commented');

    // A's open recipe page (instance one) shows it without a reload; both of A's tabs count one unread.
    await comments(tabA1).filter({ hasText: 'Needs more cumin.' }).waitFor(LIVE);
    await bell(tabA1, 1).waitFor(LIVE);
    await bell(tabA2, 1).waitFor(LIVE);
    expect(await comments(tabA1).count()).toBe(1);
    await shot(tabA1, '04-a-tab-one-shows-comment-and-one-unread');
    await shot(tabA2, '05-a-tab-two-one-unread');

    // A reads it in tab two: the entry opens the recipe, and tab one's count drops to 0.
    await bell(tabA2, 1).click();
    const entry = tabA2.getByTestId('notification').filter({ hasText: 'Bo commented on your recipe' });
    await entry.waitFor();
    expect(await entry.getAttribute('data-read')).toBe('false');
    await shot(tabA2, '06-a-tab-two-notification-list');
    await entry.getByRole('link').click();
    await tabA2.getByTestId('recipe-detail').getByRole('heading', { name: 'Lentil soup' }).waitFor();
    await comments(tabA2).filter({ hasText: 'Needs more cumin.' }).waitFor();
    await bell(tabA2, 0).waitFor(LIVE);
    await bell(tabA1, 0).waitFor(LIVE);
    await shot(tabA2, '07-a-tab-two-opened-the-recipe');
    await shot(tabA1, '08-a-tab-one-count-dropped-to-zero');

    // B edits, then deletes the comment: A's open thread follows both.
    const mine = comments(pageB).filter({ hasText: 'Needs more cumin.' });
    await mine.getByRole('button', { name: 'Edit' }).click();
    await pageB.getByLabel('Edit comment').fill('Needs more cumin and lemon.');
    await pageB.getByRole('button', { name: 'Save comment' }).click();
    await comments(tabA1).filter({ hasText: 'Needs more cumin and lemon.' }).waitFor(LIVE);
    await shot(tabA1, '09-a-sees-edit');
    await comments(pageB).getByRole('button', { name: 'Delete', exact: true }).click();
    await pageB.getByRole('button', { name: 'Delete for good' }).click();
    await tabA1.getByText('No comments yet.').waitFor(LIVE);
    expect(await comments(tabA1).count()).toBe(0);
    await shot(tabA1, '10-a-sees-delete');
  });
});
