import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql } from 'urql';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppClient } from '../../src/graphql/client';

/** An HTTP server whose first `failures` answers are the proxy's 502, as while an instance restarts. */
async function flakyGraphql(failures: number): Promise<{ origin: string; requests: () => number; server: Server }> {
  let requests = 0;
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      if (requests <= failures) {
        response.writeHead(502, { 'content-type': 'text/html' }).end('<html>502 Bad Gateway</html>');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { __typename: 'Query' } }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests: () => requests, server };
}

describe('queries across an instance going away', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  /** The app's client against a server that fails `failures` times first. */
  const appAgainst = async (failures: number) => {
    const flaky = await flakyGraphql(failures);
    const app = createAppClient({ origin: flaky.origin, token: () => null, onLiveState: () => {}, onAuthRejected: () => {} });
    close = () => {
      app.dispose();
      flaky.server.close();
    };
    return { client: app.client, requests: flaky.requests };
  };

  it('asks a query again after a 502 from the proxy and shows its answer', async () => {
    const { client, requests } = await appAgainst(2);
    const result = await client.query(gql`query Retry_Typename { __typename }`, {}, { requestPolicy: 'network-only' }).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ __typename: 'Query' });
    expect(requests()).toBe(3);
  });

  it('never sends a mutation twice: one that meets a 502 fails and says so', async () => {
    const { client, requests } = await appAgainst(1);
    const result = await client.mutation(gql`mutation Retry_Nothing { __typename }`, {}).toPromise();
    expect(result.error?.networkError).toBeDefined();
    expect(requests()).toBe(1);
  });
});
