import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../generated/index.js';
import { gql, ok, signUp, untypedGql } from '../support/clients.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import {
  BLOGS,
  CREATE_BLOG,
  CREATE_RECIPE,
  DELETE_BLOG,
  DELETE_RECIPE,
  RECIPES,
  UPDATE_BLOG,
  UPDATE_RECIPE,
} from '../support/operations.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

interface Page {
  edges: Array<{ node: { title: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
const titles = (page: Page) => page.edges.map((edge) => edge.node.title);

const backends = [
  { name: 'embedded PGlite', env: async () => ({ env: { PGLITE_DIR: 'memory://' }, drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    env: async () => {
      const db: TestDatabase = await createTestDatabase('api');
      return { env: { DATABASE_URL: db.url }, drop: () => db.drop() };
    },
  },
];

describe.each(backends)('the API on $name', (backend) => {
  let server: RunningServer;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const { env, drop: dropDb } = await backend.env();
    drop = dropDb;
    // The query-count test reads the instance's own counter: no relay read or sequencing sweep
    // may fall inside what it measures, so they wait an hour here.
    server = await startInProcess({ ...env, RELAY_INTERVAL: '1h' });
  });
  afterAll(async () => {
    await server?.stop();
    await drop?.();
  });

  const countRecipes = async () => (await ok(server.url, RECIPES, { first: 100 })).recipes.edges.length as number;

  it('signs up, signs in and knows the viewer through me', async () => {
    const email = `ann-${Date.now()}@Example.com`;
    const up = await ok(
      server.url,
      graphql(`mutation RecipesAndBlogs_SignUp($i: SignUpInput!) { signUp(input: $i) { token user { id name } } }`),
      {
        i: { email, password: 'long enough', name: 'Ann' },
      },
    );
    expect(up.signUp.user.name).toBe('Ann');
    const inResult = await ok(
      server.url,
      graphql(`mutation RecipesAndBlogs_SignIn($i: SignInInput!) { signIn(input: $i) { token user { id } } }`),
      {
        i: { email: email.toLowerCase(), password: 'long enough' },
      },
    );
    expect(inResult.signIn.user.id).toBe(up.signUp.user.id);
    const me = await ok(server.url, graphql(`query RecipesAndBlogs_Me { me { id name } }`), {}, inResult.signIn.token);
    expect(me.me).toEqual({ id: up.signUp.user.id, name: 'Ann' });
    expect((await ok(server.url, graphql(`query RecipesAndBlogs_Me2 { me { id } }`))).me).toBeNull();

    const wrong = await gql(server.url, graphql(`mutation RecipesAndBlogs_SignIn2($i: SignInInput!) { signIn(input: $i) { token } }`), {
      i: { email, password: 'not the password' },
    });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const taken = await gql(server.url, graphql(`mutation RecipesAndBlogs_SignUp2($i: SignUpInput!) { signUp(input: $i) { token } }`), {
      i: { email, password: 'long enough', name: 'Other' },
    });
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('rejects bad sign-up input with BAD_USER_INPUT naming the field', async () => {
    const bad = await gql(server.url, graphql(`mutation RecipesAndBlogs_SignUp3($i: SignUpInput!) { signUp(input: $i) { token } }`), {
      i: { email: 'not-an-email', password: 'short', name: '' },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/input\.email must be a valid email address/);
    expect(bad.errors?.[0]?.message).toMatch(/input\.password must be at least 8 characters/);
  });

  it('refuses a present but invalid token instead of treating it as anonymous', async () => {
    const result = await gql(server.url, graphql(`query RecipesAndBlogs_Me3 { me { id } }`), {}, 'not-a-token');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('creates, reads, updates and deletes a recipe, with versions and node(id)', async () => {
    const cook = await signUp(server.url, 'Chef');
    const created = (
      await ok(
        server.url,
        CREATE_RECIPE,
        {
          input: { title: 'Soup', ingredients: ['water', 'salt'], steps: ['boil'], tags: ['easy'], cookingMinutes: 10, servings: 2 },
        },
        cook.token,
      )
    ).createRecipe;
    expect(created).toMatchObject({ title: 'Soup', version: 1, tags: ['easy'], author: { id: cook.id, name: 'Chef' } });

    const byNode = await ok(server.url, graphql(`query RecipesAndBlogs_Node($id: ID!) { node(id: $id) { id ... on Recipe { title } } }`), {
      id: created.id,
    });
    expect(byNode.node).toEqual({ id: created.id, title: 'Soup' });
    const authorNode = await ok(server.url, graphql(`query RecipesAndBlogs_Node2($id: ID!) { node(id: $id) { ... on User { name } } }`), {
      id: cook.id,
    });
    expect(authorNode.node).toEqual({ name: 'Chef' });

    const updated = (
      await ok(server.url, UPDATE_RECIPE, { id: created.id, input: { title: 'Better soup', expectedVersion: 1 } }, cook.token)
    ).updateRecipe;
    expect(updated).toMatchObject({ title: 'Better soup', version: 2, ingredients: ['water', 'salt'] });

    const unchanged = (await ok(server.url, UPDATE_RECIPE, { id: created.id, input: { title: 'Better soup' } }, cook.token)).updateRecipe;
    expect(unchanged.version).toBe(2);

    const stale = await gql(server.url, UPDATE_RECIPE, { id: created.id, input: { title: 'Lost', expectedVersion: 1 } }, cook.token);
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(
      (await ok(server.url, graphql(`query RecipesAndBlogs_Recipe($id: ID!) { recipe(id: $id) { title version } }`), { id: created.id }))
        .recipe,
    ).toEqual({
      title: 'Better soup',
      version: 2,
    });

    expect((await ok(server.url, DELETE_RECIPE, { id: created.id }, cook.token)).deleteRecipe).toBe(created.id);
    expect(
      (await ok(server.url, graphql(`query RecipesAndBlogs_Recipe2($id: ID!) { recipe(id: $id) { id } }`), { id: created.id })).recipe,
    ).toBeNull();
    const again = await gql(server.url, DELETE_RECIPE, { id: created.id }, cook.token);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('clears a field set to null, keeps every field left out, and stores list items exactly as sent', async () => {
    const cook = await signUp(server.url, 'Exact');
    const awkward = ['a, b', '{"c"}', 'back\\slash', 'quote "d"', 'NULL', 'émincé 🍅'];
    const { createRecipe: created } = await ok(
      server.url,
      CREATE_RECIPE,
      {
        input: {
          title: 'Stew',
          description: 'Thick',
          ingredients: awkward,
          steps: ['simmer'],
          tags: ['winter'],
          cookingMinutes: 90,
          servings: 4,
        },
      },
      cook.token,
    );
    expect(created.ingredients).toEqual(awkward);

    const { updateRecipe: cleared } = await ok(
      server.url,
      UPDATE_RECIPE,
      { id: created.id, input: { description: null, cookingMinutes: null } },
      cook.token,
    );
    expect(cleared).toMatchObject({
      title: 'Stew',
      description: null,
      ingredients: awkward,
      steps: ['simmer'],
      tags: ['winter'],
      cookingMinutes: null,
      servings: 4,
      version: 2,
    });

    const { updateRecipe: emptied } = await ok(server.url, UPDATE_RECIPE, { id: created.id, input: { steps: [] } }, cook.token);
    expect(emptied).toMatchObject({ description: null, ingredients: awkward, steps: [], tags: ['winter'], servings: 4, version: 3 });
  });

  it('lets only the author change a recipe, and only a viewer write at all', async () => {
    const owner = await signUp(server.url, 'Owner');
    const other = await signUp(server.url, 'Other');
    const { createRecipe } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Mine' } }, owner.token);
    const forbidden = await gql(server.url, UPDATE_RECIPE, { id: createRecipe.id, input: { title: 'Theirs' } }, other.token);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleteForbidden = await gql(server.url, DELETE_RECIPE, { id: createRecipe.id }, other.token);
    expect(deleteForbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(server.url, CREATE_RECIPE, { input: { title: 'Anon' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(
      (
        await ok(server.url, graphql(`query RecipesAndBlogs_Recipe3($id: ID!) { recipe(id: $id) { title version } }`), {
          id: createRecipe.id,
        })
      ).recipe,
    ).toEqual({
      title: 'Mine',
      version: 1,
    });
  });

  it('rejects every invalid recipe input and changes nothing', async () => {
    const cook = await signUp(server.url, 'Strict');
    const { createRecipe: base } = await ok(server.url, CREATE_RECIPE, { input: { title: 'Base', tags: ['a'] } }, cook.token);
    const before = await countRecipes();
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['empty title', { title: '' }, /input\.title must not be empty/],
      ['long title', { title: 'x'.repeat(201) }, /input\.title must be at most 200 characters/],
      [
        'too many ingredients',
        { title: 'ok', ingredients: Array.from({ length: 101 }, () => 'x') },
        /input\.ingredients must have at most 100 items/,
      ],
      ['long step', { title: 'ok', steps: ['x'.repeat(1001)] }, /input\.steps\.0 must be at most 1,000 characters/],
      ['long tag', { title: 'ok', tags: ['x'.repeat(51)] }, /input\.tags\.0 must be at most 50 characters/],
      ['empty tag', { title: 'ok', tags: [''] }, /input\.tags\.0 must not be empty/],
      ['negative minutes', { title: 'ok', cookingMinutes: -1 }, /input\.cookingMinutes must not be negative/],
      ['NUL in text', { title: 'nul\u0000here' }, /NUL/],
    ];
    for (const [label, input, message] of cases) {
      const result = await untypedGql(server.url, CREATE_RECIPE, { input }, cook.token);
      expect(result.errors?.[0]?.extensions?.code, label).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message, label).toMatch(message);
      const update = await untypedGql(server.url, UPDATE_RECIPE, { id: base.id, input }, cook.token);
      expect(update.errors?.[0]?.extensions?.code, `update: ${label}`).toBe('BAD_USER_INPUT');
    }
    expect(await countRecipes()).toBe(before);
    expect(
      (await ok(server.url, graphql(`query RecipesAndBlogs_Recipe4($id: ID!) { recipe(id: $id) { title tags version } }`), { id: base.id }))
        .recipe,
    ).toEqual({
      title: 'Base',
      tags: ['a'],
      version: 1,
    });
    const garbageId = await gql(server.url, UPDATE_RECIPE, { id: 'definitely-not-an-id', input: { title: 'x' } }, cook.token);
    expect(garbageId.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const wrongType = await gql(server.url, UPDATE_RECIPE, { id: cook.id, input: { title: 'x' } }, cook.token);
    expect(wrongType.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const noStack = JSON.stringify([garbageId, wrongType]);
    expect(noStack).not.toMatch(/at .*\.ts:\d+|postgres|select /i);
  });

  it('pages recipes newest first and filters by author, tag and search', async () => {
    const a = await signUp(server.url, 'Pager');
    const b = await signUp(server.url, 'Other');
    for (let i = 0; i < 7; i++) {
      await ok(
        server.url,
        CREATE_RECIPE,
        {
          input: {
            title: `Page ${i}`,
            tags: i === 5 ? ['odd', 'Saffron rice'] : i % 2 ? ['odd'] : ['even'],
            description: i === 3 ? 'Has SAFFRON' : null,
            ingredients: i === 4 ? ['rice', 'a pinch of saffron'] : [],
          },
        },
        a.token,
      );
    }
    await ok(server.url, CREATE_RECIPE, { input: { title: 'Not mine', tags: ['odd'] } }, b.token);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = (await ok(server.url, RECIPES, { first: 3, after, filter: { authorId: a.id } })).recipes;
      seen.push(...titles(page));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Page 6', 'Page 5', 'Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0']);

    const odd = titles((await ok(server.url, RECIPES, { first: 50, filter: { authorId: a.id, tag: 'odd' } })).recipes);
    expect(odd).toEqual(['Page 5', 'Page 3', 'Page 1']);
    const search = titles((await ok(server.url, RECIPES, { first: 50, filter: { search: 'saffron' } })).recipes);
    // Titles, descriptions, ingredients and tags are all searched.
    expect(search).toEqual(['Page 5', 'Page 4', 'Page 3']);
    const badCursor = await gql(server.url, RECIPES, { first: 2, after: 'nope' });
    expect(badCursor.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps drafts invisible to everyone but their author, in every read', async () => {
    const author = await signUp(server.url, 'Writer');
    const reader = await signUp(server.url, 'Reader');
    const draft = (await ok(server.url, CREATE_BLOG, { input: { title: 'Secret', body: 'draft', tags: ['news'] } }, author.token))
      .createBlog;
    const post = (
      await ok(server.url, CREATE_BLOG, { input: { title: 'Public', body: 'hello', published: true, tags: ['news'] } }, author.token)
    ).createBlog;
    expect(draft.published).toBe(false);

    const listFor = async (token?: string, filter: Record<string, unknown> = { authorId: author.id }) =>
      titles((await ok(server.url, BLOGS, { first: 50, filter }, token)).blogs);
    expect(await listFor(author.token)).toEqual(['Public', 'Secret']);
    expect(await listFor(reader.token)).toEqual(['Public']);
    expect(await listFor(undefined)).toEqual(['Public']);
    expect(await listFor(reader.token, { authorId: author.id, published: false })).toEqual([]);
    expect(await listFor(author.token, { authorId: author.id, published: false })).toEqual(['Secret']);

    const blogQuery = graphql(`query RecipesAndBlogs_BlogAndNode($id: ID!) { blog(id: $id) { title } node(id: $id) { id } }`);
    expect(await ok(server.url, blogQuery, { id: draft.id }, reader.token)).toEqual({ blog: null, node: null });
    expect((await ok(server.url, blogQuery, { id: draft.id }, author.token)).blog).toEqual({ title: 'Secret' });

    const edit = await gql(server.url, UPDATE_BLOG, { id: draft.id, input: { title: 'Mine now' } }, reader.token);
    expect(edit.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const remove = await gql(server.url, DELETE_BLOG, { id: draft.id }, reader.token);
    expect(remove.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const editPublic = await gql(server.url, UPDATE_BLOG, { id: post.id, input: { title: 'Mine now' } }, reader.token);
    expect(editPublic.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const published = (await ok(server.url, UPDATE_BLOG, { id: draft.id, input: { published: true, expectedVersion: 1 } }, author.token))
      .updateBlog;
    expect(published).toMatchObject({ published: true, version: 2 });
    expect(await listFor(reader.token)).toEqual(['Public', 'Secret']);
  });

  it('refuses request bodies over 1 MiB with 413 and writes nothing', async () => {
    const cook = await signUp(server.url, 'Big');
    const before = await countRecipes();
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${cook.token}` },
      body: JSON.stringify({ query: print(CREATE_RECIPE), variables: { input: { title: 'Huge', description: 'x'.repeat(1024 * 1024) } } }),
    });
    expect(response.status).toBe(413);
    expect(await countRecipes()).toBe(before);
  });

  it('answers health and readiness', async () => {
    const health = await (await fetch(`${server.url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', connectedClients: 0, activeSubscriptions: 0 });
    expect(typeof health.instance).toBe('string');
    expect((await fetch(`${server.url}/ready`)).status).toBe(200);
  });

  it('resolves the authors of a page of 50 recipes with a bounded number of queries, not one per recipe', async () => {
    const cooks = await Promise.all(Array.from({ length: 5 }, (_, i) => signUp(server.url, `Author${i}`)));
    for (let i = 0; i < 50; i++) {
      const cook = cooks[i % cooks.length] as { token: string };
      await ok(server.url, CREATE_RECIPE, { input: { title: `Page ${i}`, ingredients: [], steps: [], tags: ['paged'] } }, cook.token);
    }
    const queriesSoFar = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^live_database_queries_total (\d+)/m.exec(text)?.[1]);
    };
    const before = await queriesSoFar();
    const page = await ok(
      server.url,
      graphql(
        `query RecipesAndBlogs_Recipes { recipes(first: 50, filter: { tag: "paged" }) { edges { node { title author { id name } } } } }`,
      ),
    );
    const used = (await queriesSoFar()) - before;
    expect(page.recipes.edges).toHaveLength(50);
    expect(new Set(page.recipes.edges.map((e: { node: { author: { name: string } } }) => e.node.author.name)).size).toBe(5);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(3);
  });
});
