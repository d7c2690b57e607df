import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { appUnderTest } from './support/app-under-test.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/presence/', import.meta.url));
// A bound on waiting for something live, not a speed claim; typing lapses after 6 s, so waits stay under it.
const LIVE = { timeout: 5_000 };
const PASSWORD = 'correct horse battery';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

async function signUp(page: Page, origin: string, name: string): Promise<void> {
  await page.goto(`${origin}/#/signup`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(`${name.toLowerCase()}-${Date.now()}@example.com`);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('signed-in-as').getByText(name).waitFor();
}

const hereNow = (page: Page, text: string) => page.getByTestId('here-now').getByText(text, { exact: true });
const typing = (page: Page, text: string) => page.getByTestId('typing-line').getByText(text, { exact: true });

describe('who is here, in the web app on two server instances', () => {
  const app = appUnderTest('presence', { instances: 2, screenshots });

  it('shows each page the other viewer here now and typing, until the comment is posted and the page is closed', async () => {
    const ada = await (await app.browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();
    const bea = await (await app.browser.newContext({ viewport: { width: 1100, height: 900 } })).newPage();

    await signUp(ada, app.one.url, 'Ada');
    await ada.goto(`${app.one.url}/#/recipes/new`);
    await ada.getByLabel('Title').fill('Lentil soup');
    await ada.getByRole('button', { name: 'Publish recipe' }).click();
    await ada.getByTestId('recipe-detail').getByRole('heading', { name: 'Lentil soup' }).waitFor();
    const recipePath = new URL(ada.url()).hash;
    await hereNow(ada, '1 here now: Ada').waitFor(LIVE);

    await signUp(bea, app.two.url, 'Bea');
    await bea.goto(`${app.two.url}/${recipePath}`);
    await hereNow(bea, '2 here now: Bea and Ada').waitFor(LIVE);
    await hereNow(ada, '2 here now: Bea and Ada').waitFor(LIVE);
    await shot(ada, '01-ada-sees-bea-here');

    await bea.getByLabel('Add a comment').pressSequentially('Needs more cumin', { delay: 20 });
    await typing(ada, 'Bea is typing…').waitFor(LIVE);
    await shot(ada, '02-ada-sees-bea-typing');
    await bea.getByRole('button', { name: 'Post comment' }).click();
    await ada.getByTestId('comment-list').getByText('Needs more cumin').waitFor(LIVE);
    await typing(ada, 'Bea is typing…').waitFor({ state: 'detached', ...LIVE });
    await shot(ada, '03-ada-sees-the-comment-and-no-typing');

    await bea.close();
    await hereNow(ada, '1 here now: Ada').waitFor(LIVE);
    await shot(ada, '04-bea-left');
  });
});
