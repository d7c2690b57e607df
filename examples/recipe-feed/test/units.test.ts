import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileCheckpoint } from '../src/checkpoint.js';
import { endpoints, readConfig } from '../src/config.js';
import { JsonLinesFile, type RecipeChange } from '../src/handlers.js';
import { createLogger } from '../src/log.js';

const silent = createLogger('silent');

const change = (n: number, kind: RecipeChange['kind'] = 'UPDATED'): RecipeChange => ({
  kind,
  recipeId: 'UmVjaXBlOjE=',
  cursor: `cursor-${n}`,
  occurredAt: '2026-01-01T00:00:00.000Z',
  recipe:
    kind === 'DELETED'
      ? null
      : {
          id: 'UmVjaXBlOjE=',
          title: `Soup ${n}`,
          description: null,
          ingredients: [],
          steps: [],
          tags: [],
          cookingMinutes: null,
          servings: null,
          version: n,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          author: { id: 'VXNlcjox', name: 'Cook' },
        },
});

describe('configuration', () => {
  it('derives the HTTP and WebSocket endpoints from either kind of URL', () => {
    expect(endpoints('http://localhost:4000')).toEqual({ httpUrl: 'http://localhost:4000/graphql', wsUrl: 'ws://localhost:4000/graphql' });
    expect(endpoints('wss://api.example.com/graphql')).toEqual({
      httpUrl: 'https://api.example.com/graphql',
      wsUrl: 'wss://api.example.com/graphql',
    });
  });

  it('reports every problem at once', () => {
    expect(() => readConfig({ GRAPHQL_URL: 'ftp://x', MAX_QUEUE: 'lots' })).toThrow(
      /GRAPHQL_URL[\s\S]*RECIPE_FEED_EMAIL[\s\S]*RECIPE_FEED_PASSWORD[\s\S]*MAX_QUEUE/,
    );
  });

  it('fills in defaults', () => {
    const config = readConfig({
      GRAPHQL_URL: 'http://h:1',
      RECIPE_FEED_EMAIL: 'a@b.c',
      RECIPE_FEED_PASSWORD: 'pw',
      CURSOR_FILE: 'c.json',
      TAG: '',
    });
    expect(config).toMatchObject({ MAX_QUEUE: 1000, FEED_FSYNC: true, LOG_LEVEL: 'info' });
    expect(config.TAG).toBeUndefined();
    expect(config.OUTPUT_FILE).toBeUndefined();
  });

  it('keeps its cursor in the state directory, not in the working directory, unless told where', () => {
    const base = { GRAPHQL_URL: 'http://h:1', RECIPE_FEED_EMAIL: 'a@b.c', RECIPE_FEED_PASSWORD: 'pw' };
    expect(readConfig({ ...base, XDG_STATE_HOME: '/var/lib/me' }).CURSOR_FILE).toBe('/var/lib/me/recipe-feed/cursor.json');
    expect(readConfig({ ...base, HOME: '/home/cook' }).CURSOR_FILE).toBe('/home/cook/.local/state/recipe-feed/cursor.json');
    expect(readConfig({ ...base, CURSOR_FILE: '/tmp/feed.json' }).CURSOR_FILE).toBe('/tmp/feed.json');
  });
});

describe('files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'recipe-feed-unit-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces the cursor file atomically and reads it back', async () => {
    const store = new FileCheckpoint(join(dir, 'cursor.json'));
    expect(await store.load()).toBeNull();
    await store.save('a');
    await store.save('b');
    expect(await store.load()).toBe('b');
  });

  it('recovers the last complete line’s cursor and cuts off a torn line', async () => {
    const path = join(dir, 'out.jsonl');
    const first = await JsonLinesFile.open(path, { fsync: false, logger: silent });
    expect(await first.recover()).toBeNull();
    await first.handle(change(1, 'CREATED'));
    await first.handle(change(2));
    await first.close();
    // A crash in the middle of a write leaves half a line.
    await writeFile(path, `${await readFile(path, 'utf8')}{"kind":"UPDATED","recipeId":"x","ti`);
    const second = await JsonLinesFile.open(path, { fsync: false, logger: silent });
    expect(await second.recover()).toBe('cursor-2');
    await second.handle(change(3, 'DELETED'));
    await second.close();
    const lines = (await readFile(path, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        kind: 'CREATED',
        recipeId: 'UmVjaXBlOjE=',
        title: 'Soup 1',
        version: 1,
        cursor: 'cursor-1',
        occurredAt: '2026-01-01T00:00:00.000Z',
      },
      {
        kind: 'UPDATED',
        recipeId: 'UmVjaXBlOjE=',
        title: 'Soup 2',
        version: 2,
        cursor: 'cursor-2',
        occurredAt: '2026-01-01T00:00:00.000Z',
      },
      { kind: 'DELETED', recipeId: 'UmVjaXBlOjE=', title: null, version: null, cursor: 'cursor-3', occurredAt: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('recovers nothing from a file holding only a torn line', async () => {
    const path = join(dir, 'out.jsonl');
    await writeFile(path, '{"kind":"CRE');
    const handler = await JsonLinesFile.open(path, { fsync: false, logger: silent });
    expect(await handler.recover()).toBeNull();
    await handler.close();
    expect(await readFile(path, 'utf8')).toBe('');
  });
});
