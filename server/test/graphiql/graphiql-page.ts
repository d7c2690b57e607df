import type { BrowserContext, Page } from 'playwright-core';

/** Where GraphiQL's operation editor is on its page. */
export const operationEditor = '.graphiql-query-editor';

/** A new window of GraphiQL on `url`, once its editor has rendered. */
export async function openGraphiql(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/graphql`);
  await page.locator('.graphiql-execute-button').waitFor({ timeout: 20_000 });
  await page.locator(`${operationEditor} .view-lines`).waitFor();
  return page;
}
