import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium.js';
import { eventually } from '../support/clients.js';
import { health } from '../support/cluster.js';
import { type RunningServer, startInProcess } from '../support/servers.js';
import { openGraphiql, operationEditor } from './graphiql-page.js';

const screenshots = fileURLToPath(new URL('../../test-results/graphiql/', import.meta.url));
const readme = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** The README's "Try it in GraphiQL" snippets, in order, exactly as a reader copies them. */
async function walkthroughSnippets(): Promise<string[]> {
  const text = await readFile(readme, 'utf8');
  const section = text.slice(text.indexOf('## Try it in GraphiQL'), text.indexOf('\n## ', text.indexOf('## Try it in GraphiQL') + 1));
  return [...section.matchAll(/```(?:graphql|json)\n([\s\S]*?)\n```/g)].map((match) => match[1] as string);
}

async function replaceEditor(page: Page, editor: string, text: string): Promise<void> {
  await page.locator(`${editor} .monaco-editor`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  if (editor !== operationEditor) return;
  // GraphiQL takes the operation's text after a pause in typing, then stores its tabs. ▶ pressed
  // before that runs the text that was there before, or asks which of its operations to run, as
  // it would for a reader who pasted and pressed ▶ at once.
  await page.waitForFunction((expected) => {
    const state = JSON.parse(localStorage.getItem('graphiql:tabState') ?? '{"tabs":[]}') as { tabs: Array<{ query: string | null }> };
    return state.tabs.some((tab) => tab.query === expected);
  }, text);
}

async function setHeaders(page: Page, json: string): Promise<void> {
  await page.getByRole('button', { name: 'Headers', exact: true }).click();
  await replaceEditor(page, '.graphiql-editor-tool .graphiql-editor:not(.hidden)', json);
}

type HttpResult = { data?: Record<string, Record<string, unknown> | null>; errors?: unknown[] };

/** Replaces the operation, presses ▶ and returns the JSON GraphiQL received over HTTP. */
async function runOverHttp(page: Page, operation: string): Promise<HttpResult> {
  await replaceEditor(page, operationEditor, operation);
  // GraphiQL sends the operation re-printed, so it is recognised by its root field.
  const rootField = /\{\s*(\w+)/.exec(operation)?.[1] ?? '';
  const response = page.waitForResponse(
    (r) => r.url().endsWith('/graphql') && r.request().method() === 'POST' && String(r.request().postDataJSON()?.query).includes(rootField),
  );
  await page.locator('.graphiql-execute-button').click();
  return (await (await response).json()) as HttpResult;
}

/** What an editor shows, as one line of text (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page, editor: string): Promise<string> {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees
  const text = await page.locator(`${editor} .view-lines`).innerText();
  return text.replace(/\s+/g, ' ');
}
const resultText = (page: Page) => editorText(page, '.result-window');

/** Every subscription payload the page's graphql-ws socket received, in order. */
function subscriptionPayloads(page: Page): Array<Record<string, unknown>> {
  const payloads: Array<Record<string, unknown>> = [];
  page.on('websocket', (socket) =>
    socket.on('framereceived', ({ payload }) => {
      const message = JSON.parse(String(payload)) as { type: string; payload?: { data?: Record<string, unknown> } };
      if (message.type === 'next' && message.payload?.data) payloads.push(message.payload.data);
    }),
  );
  return payloads;
}

describe('the README’s GraphiQL walkthrough', () => {
  let server: RunningServer;
  let browser: Browser;
  const untilSubscriptions = (count: number) =>
    eventually(
      () => health(server.url),
      (h) => h.activeSubscriptions === count,
    );

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('works as written: a subscription signed in by the Headers tab follows writes made in another window, drafts included', async () => {
    const snippets = await walkthroughSnippets();
    expect(snippets).toHaveLength(9);
    const [signUp, headers, recipeChanged, createRecipe, updateRecipe, deleteRecipe, blogChanged, createBlog, publishBlog] = snippets as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    // One browser profile, several windows, as a person has.
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const writer = await openGraphiql(context, server.url);
    expect(await editorText(writer, operationEditor)).toContain('mutation SignUp {');
    const watcher = await openGraphiql(context, server.url);
    const watched = subscriptionPayloads(watcher);

    const signedUp = await runOverHttp(writer, signUp);
    const token = String(signedUp.data?.signUp?.token);
    const withToken = headers.replace('<token>', token);
    await setHeaders(writer, withToken);
    await setHeaders(watcher, withToken);

    await replaceEditor(watcher, operationEditor, recipeChanged);
    await watcher.locator('.graphiql-execute-button').click();
    await untilSubscriptions(1);

    const created = await runOverHttp(writer, createRecipe);
    const id = String(created.data?.createRecipe?.id);
    await expect.poll(() => resultText(watcher), { timeout: 10_000 }).toContain('"title": "Soda bread"');
    expect(await resultText(watcher)).toContain('"kind": "CREATED"');
    expect((await runOverHttp(writer, updateRecipe.replace('<id>', id))).errors).toBeUndefined();
    await expect.poll(() => resultText(watcher), { timeout: 10_000 }).toContain('"kind": "UPDATED"');
    expect(await resultText(watcher)).toContain('"title": "Irish soda bread"');
    expect((await runOverHttp(writer, deleteRecipe.replace('<id>', id))).errors).toBeUndefined();
    await expect.poll(() => resultText(watcher), { timeout: 10_000 }).toContain('"kind": "DELETED"');
    expect(await resultText(watcher)).toContain('"recipe": null');
    await watcher.screenshot({ path: path.join(screenshots, 'walkthrough-recipe-deleted.png') });
    expect(watched.map((data) => (data.recipeChanged as { kind: string }).kind)).toEqual(['CREATED', 'UPDATED', 'DELETED']);

    // ▶ became ■ while the subscription runs; pressing it stops the subscription.
    await watcher.locator('.graphiql-execute-button').click();
    await untilSubscriptions(0);
    await replaceEditor(watcher, operationEditor, blogChanged);
    await watcher.locator('.graphiql-execute-button').click();
    // A private window shares no storage with the others, so nothing signs it in.
    const privateWindow = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const anonymous = await openGraphiql(privateWindow, server.url);
    const anonymouslyWatched = subscriptionPayloads(anonymous);
    await replaceEditor(anonymous, operationEditor, blogChanged);
    await anonymous.locator('.graphiql-execute-button').click();
    await untilSubscriptions(2);

    const draft = await runOverHttp(writer, createBlog);
    const blogId = String(draft.data?.createBlog?.id);
    await expect.poll(() => resultText(watcher), { timeout: 10_000 }).toContain('"title": "Rye notes"');
    expect(await resultText(watcher)).toContain('"published": false');
    expect((await runOverHttp(writer, publishBlog.replace('<id>', blogId))).errors).toBeUndefined();
    await expect.poll(() => resultText(watcher), { timeout: 10_000 }).toContain('"published": true');
    await expect.poll(() => resultText(anonymous), { timeout: 10_000 }).toContain('"title": "Rye notes"');
    await anonymous.screenshot({ path: path.join(screenshots, 'walkthrough-anonymous-published.png') });

    const blogKinds = (payloads: Array<Record<string, unknown>>) =>
      payloads
        .map((data) => data.blogChanged as { kind: string; blog: { published: boolean } | null })
        .map((c) => [c.kind, c.blog?.published]);
    expect(blogKinds(watched.slice(3))).toEqual([
      ['CREATED', false],
      ['UPDATED', true],
    ]);
    // The anonymous window never heard of the draft: the blog begins for it when it is published.
    expect(blogKinds(anonymouslyWatched)).toEqual([['CREATED', true]]);
    expect(await resultText(anonymous)).toContain('"kind": "CREATED"');
    await privateWindow.close();
    await context.close();
  }, 180_000);
});
