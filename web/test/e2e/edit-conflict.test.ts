import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest } from './support/app-under-test.js';

const screenshots = fileURLToPath(new URL('../../test-results/e2e/edit-conflict/', import.meta.url));
const LIVE = { timeout: 10_000 };

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });
}

describe('editing one recipe in two tabs', () => {
  const app = appUnderTest('conflict', { screenshots });

  it("shows what the other tab saved at once in the fields this tab left alone, keeps this tab's own edits, and names only the fields changed on both sides", async () => {
    // A phone-sized window: the viewer's name must stay readable in the header.
    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
    const tabOne = await context.newPage();
    await tabOne.goto(`${app.server.url}/#/signup`);
    await tabOne.getByLabel('Name').fill('Cornelia');
    await tabOne.getByLabel('Email').fill(`cornelia-${Date.now()}@example.com`);
    await tabOne.getByLabel('Password').fill('correct horse battery');
    await tabOne.getByRole('button', { name: 'Create account' }).click();
    const name = tabOne.getByTestId('signed-in-as');
    await name.getByText('Cornelia').waitFor();
    // Not cut to "C…": the element shows all of its text.
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    await tabOne.goto(`${app.server.url}/#/recipes/new`);
    await tabOne.getByLabel('Title').fill('Pea soup');
    await tabOne.getByLabel('Description').fill('Plain');
    await tabOne.getByRole('button', { name: 'Publish recipe' }).click();
    await tabOne.getByTestId('recipe-detail').getByRole('heading', { name: 'Pea soup' }).waitFor();
    const editPath = `${new URL(tabOne.url()).hash}/edit`;

    // Both tabs open the editor on version 1; the second renames the recipe and saves.
    await tabOne.goto(`${app.server.url}/${editPath}`);
    await expect.poll(() => tabOne.getByLabel('Title').inputValue()).toBe('Pea soup');
    const tabTwo = await context.newPage();
    await tabTwo.goto(`${app.server.url}/${editPath}`);
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
    // The form shows the saved title at once, and still this tab's description.
    await expect.poll(() => tabOne.getByLabel('Title').inputValue()).toBe('Green pea soup');
    expect(await tabOne.getByLabel('Description').inputValue()).toBe('With mint');
    await shot(tabOne, '01-conflict-without-overlap');

    // The other tab saves again, servings and the description, while this one still decides:
    // the servings appear here at once, the description is now in conflict, and this tab's text stays.
    await tabTwo.goto(`${app.server.url}/${editPath}`);
    await expect.poll(() => tabTwo.getByLabel('Title').inputValue()).toBe('Green pea soup');
    await tabTwo.getByLabel('Servings').fill('4');
    await tabTwo.getByLabel('Description').fill('With ham');
    await tabTwo.getByRole('button', { name: 'Save changes' }).click();
    await tabTwo.getByTestId('recipe-detail').getByText('With ham').waitFor();
    await expect.poll(() => tabOne.getByLabel('Servings').inputValue(), LIVE).toBe('4');
    expect(await tabOne.getByLabel('Title').inputValue()).toBe('Green pea soup');
    expect(await tabOne.getByLabel('Description').inputValue()).toBe('With mint');
    const rows = conflict.locator('tbody tr');
    await expect.poll(() => rows.count(), LIVE).toBe(1);
    expect(await rows.locator('th').textContent()).toBe('Description');
    expect(await rows.locator('td').allTextContents()).toEqual(['With mint', 'With ham']);
    await shot(tabOne, '02-conflict-on-the-description');

    await tabOne.getByRole('button', { name: 'Save mine over theirs' }).click();
    const detail = tabOne.getByTestId('recipe-detail');
    await detail.getByRole('heading', { name: 'Green pea soup' }).waitFor(LIVE);
    await detail.getByText('With mint').waitFor();
    expect(await detail.locator('.fact', { hasText: 'Serves' }).textContent()).toBe('Serves 4');
    await shot(tabOne, '03-both-changes-kept');
    await context.close();
  });
});
