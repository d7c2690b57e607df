import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, type OperationDefinitionNode, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../src/graphql/schema.js';
import { graphiqlExamples } from '../../src/transport/graphiql-examples.js';
import { graphql } from '../generated/index.js';
import { eventually, gql, subscribeWs, wsClient } from '../support/clients.js';
import { health, waitForSubscriptions } from '../support/cluster.js';
import { type RunningServer, startInProcess } from '../support/servers.js';

const document = parse(graphiqlExamples);
const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');

/** An example on its own; read at run time, so nothing is known of what it selects. */
const runnable = (operation: OperationDefinitionNode): TypedDocumentNode<Record<string, unknown>, Record<string, never>> => ({
  kind: Kind.DOCUMENT,
  definitions: [operation],
});

describe('the operations GraphiQL opens with', () => {
  let server: RunningServer;

  beforeAll(async () => {
    server = await startInProcess({ PGLITE_DIR: 'memory://' });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('are valid against the schema', () => {
    expect(validate(schema, document)).toEqual([]);
    expect(operations.map((o) => o.name?.value)).toContain('SignUp');
  });

  it('each run without an error, in the order written, signed in with the token SignUp returns', async () => {
    let token: string | undefined;
    for (const operation of operations) {
      const name = operation.name?.value;
      if (operation.operation === 'subscription') {
        const client = wsClient(server.wsUrl, token);
        const events = subscribeWs(client, runnable(operation));
        await waitForSubscriptions(server.url, 1);
        await gql(
          server.url,
          graphql(`mutation Examples_CreateRecipe { createRecipe(input: { title: "Ping", ingredients: [], steps: [], tags: [] }) { id } }`),
          {},
          token,
        );
        await gql(
          server.url,
          graphql(`mutation Examples_CreateBlog { createBlog(input: { title: "Ping", body: "b", tags: [], published: true }) { id } }`),
          {},
          token,
        );
        await events.waitFor(1);
        events.stop();
        await client.dispose();
        await eventually(
          () => health(server.url),
          (h) => h.activeSubscriptions === 0,
        );
        continue;
      }
      const result = await gql(server.url, runnable(operation), {}, token);
      expect(result.errors, name).toBeUndefined();
      token ??= (result.data?.signUp as { token?: string } | undefined)?.token;
    }
    expect(token).toBeDefined();
  });
});
