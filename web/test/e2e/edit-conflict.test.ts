import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, REDIS_URL, type TestDatabase, uniquePrefix } from '../../../server/test/support/database.js';
import { type ServerProcess, spawnServer } from '../../../server/test/support/servers.js';
import { launchChromium, requireBuiltWebApp, webDist } from './support/browser.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/edit-conflict/', import.meta.url));
const LIVE = { timeout: 10_000 };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

describe('editing one recipe in two tabs', () => {
  let database: TestDatabase;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltWebApp();
    await rm(screenshots, { recursive: true, force: true });
    await mkdir(screenshots, { recursive: true });
    database = await createTestDatabase('web_e2e_conflict');
    server = await spawnServer({
      DATABASE_URL: database.url,
      REDIS_URL,
      REDIS_KEY_PREFIX: uniquePrefix('web-e2e-conflict'),
      WEB_DIST: webDist,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  it('keeps the title saved in the other tab when this tab changed only the description, and says where the newer version came from', async () => {
    // A phone-sized window: the viewer's name must stay readable in the header.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const tabOne = await context.newPage();
    await tabOne.goto(`${server.url}/#/signup`);
    await tabOne.getByLabel('Name').fill('Cornelia');
    await tabOne.getByLabel('Email').fill(`cornelia-${Date.now()}@example.com`);
    await tabOne.getByLabel('Password').fill('correct horse battery');
    await tabOne.getByRole('button', { name: 'Create account' }).click();
    const name = tabOne.getByTestId('signed-in-as');
    await name.getByText('Cornelia').waitFor();
    // Not cut to "C…": the element shows all of its text.
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    await tabOne.goto(`${server.url}/#/recipes/new`);
    await tabOne.getByLabel('Title').fill('Pea soup');
    await tabOne.getByLabel('Description').fill('Plain');
    await tabOne.getByRole('button', { name: 'Publish recipe' }).click();
    await tabOne.getByTestId('recipe-detail').getByRole('heading', { name: 'Pea soup' }).waitFor();
    const editPath = `${new URL(tabOne.url()).hash}/edit`;

    // Both tabs open the editor on version 1; the second renames the recipe and saves.
    await tabOne.goto(`${server.url}/${editPath}`);
    await expect.poll(() => tabOne.getByLabel('Title').inputValue()).toBe('Pea soup');
    const tabTwo = await context.newPage();
    await tabTwo.goto(`${server.url}/${editPath}`);
    await expect.poll(() => tabTwo.getByLabel('Title').inputValue()).toBe('Pea soup');
    await tabTwo.getByLabel('Title').fill('Green pea soup');
    await tabTwo.getByRole('button', { name: 'Save changes' }).click();
    await tabTwo.getByTestId('recipe-detail').getByRole('heading', { name: 'Green pea soup' }).waitFor();

    // The first tab changed only the description.
    await tabOne.getByLabel('Description').fill('With mint');
    await tabOne.getByRole('button', { name: 'Save changes' }).click();
    const conflict = tabOne.getByTestId('conflict');
    await conflict.waitFor(LIVE);
    const text = (await conflict.textContent()) ?? '';
    expect(text).toContain('another tab or device');
    expect(text).not.toContain('Someone else');
    // No field was changed on both sides, so none is listed as "Your edit".
    expect(await conflict.locator('table').count()).toBe(0);
    await shot(tabOne, '01-conflict-without-overlap');

    await tabOne.getByRole('button', { name: 'Save mine over theirs' }).click();
    const detail = tabOne.getByTestId('recipe-detail');
    await detail.getByRole('heading', { name: 'Green pea soup' }).waitFor(LIVE);
    await detail.getByText('With mint').waitFor();
    await shot(tabOne, '02-both-changes-kept');
    await context.close();
  });
});
