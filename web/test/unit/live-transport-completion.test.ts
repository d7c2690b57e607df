// @vitest-environment node
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// The CommonJS build, the one graphql-ws's server loads under Node: one realm for the schema.
import { GraphQLObjectType, GraphQLSchema, GraphQLString } from 'graphql/index.js';
import { useServer } from 'graphql-ws/use/ws';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import {
  createLiveTransport,
  type LiveTransport,
  type LiveTransportOptions,
  type SubscriptionResult,
} from '../../src/graphql/live/live-transport';

/** A subscription that delivers one change and then ends, as `commentChanged` does when its target goes. */
const schema = new GraphQLSchema({
  query: new GraphQLObjectType({ name: 'Query', fields: { ok: { type: GraphQLString, resolve: () => 'ok' } } }),
  subscription: new GraphQLObjectType({
    name: 'Subscription',
    fields: {
      commentChanged: {
        type: new GraphQLObjectType({ name: 'CommentChange', fields: { cursor: { type: GraphQLString } } }),
        subscribe: async function* () {
          yield { commentChanged: { cursor: 'c1' } };
        },
      },
    },
  }),
});

const request = { query: 'subscription { commentChanged { cursor } }', variables: {} };

function recorder() {
  const results: SubscriptionResult[] = [];
  let completed!: () => void;
  const done = new Promise<void>((resolve) => {
    completed = resolve;
  });
  return {
    results,
    done,
    sink: { next: (result: SubscriptionResult) => results.push(result), error: () => {}, complete: () => completed() },
  };
}

/** A network that refuses WebSockets: every socket fails before it opens. */
class RefusedWebSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readyState = 0;
  protocol = '';
  onerror: ((event: unknown) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onopen: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  constructor() {
    setTimeout(() => {
      this.readyState = 3;
      this.onerror?.({ type: 'error' });
      this.onclose?.({ code: 1006, reason: '', wasClean: false });
    }, 1);
  }
  send(): void {}
  close(): void {}
}

let servers: Server[] = [];
let transports: LiveTransport[] = [];

async function listen(server: Server): Promise<string> {
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
}

/** Subscribes through a live transport for `httpUrl` and resolves with what it delivered once it completes the subscription. */
async function resultsUntilComplete(httpUrl: string, options: Partial<LiveTransportOptions>): Promise<SubscriptionResult[]> {
  const transport = createLiveTransport({
    wsUrl: httpUrl.replace('http', 'ws'),
    httpUrl,
    token: () => null,
    onState: () => {},
    onAuthRejected: () => {},
    events: null,
    ...options,
  });
  transports.push(transport);
  const feed = recorder();
  transport.subscribe(request, feed.sink);
  await feed.done;
  return feed.results;
}

afterEach(async () => {
  for (const transport of transports) transport.dispose();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
  transports = [];
  servers = [];
});

describe('a subscription the server ends', () => {
  it('completes over graphql-ws after its last event, instead of waiting forever', async () => {
    const server = createServer();
    useServer({ schema }, new WebSocketServer({ server, path: '/graphql' }));
    const httpUrl = await listen(server);
    expect(await resultsUntilComplete(httpUrl, { webSocketImpl: WebSocket })).toEqual([{ data: { commentChanged: { cursor: 'c1' } } }]);
  });

  it('completes over SSE on the complete event, instead of reopening the stream', async () => {
    let streams = 0;
    const httpUrl = await listen(
      createServer((req, res) => {
        if (!String(req.headers.accept).includes('text/event-stream')) {
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"__typename":"Query"}}');
          return;
        }
        streams += 1;
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('event: next\ndata: {"data":{"commentChanged":{"cursor":"c1"}}}\n\nevent: complete\ndata:\n\n');
      }),
    );
    // WebSockets never open while HTTP answers: after one failed open, the transport moves to SSE.
    expect(await resultsUntilComplete(httpUrl, { webSocketImpl: RefusedWebSocket, wsFailuresBeforeSse: 1, backoff: () => 0 })).toEqual([
      { data: { commentChanged: { cursor: 'c1' } } },
    ]);
    expect(streams).toBe(1);
  });
});
