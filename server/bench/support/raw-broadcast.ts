/**
 * The ceiling for the fan-out benchmark: the least a WebSocket server can do per event. It speaks
 * just enough graphql-transport-ws for graphql-ws's client (init → ack, ping → pong, subscribe,
 * complete), holds the Redis subscription of one instance, builds the same `recipeChanged`
 * payload the project sends, serialises it once and writes that one prepared frame to every
 * subscribed socket. No GraphQL, no authorization, no ordering, no resume: it is a ruler, not a server.
 *
 *   PORT=… REDIS_URL=… REDIS_KEY_PREFIX=… tsx bench/support/raw-broadcast.ts
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import { type WebSocket, WebSocketServer } from 'ws';
import { createCursorSeal } from '../../src/changes/cursor.js';

const port = Number(process.env.PORT ?? 0);
// Sealed like the server's own cursors, so both sides pay for the cursor once per event.
const { cursors } = createCursorSeal(process.env.JWT_SECRET);
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const channel = `${process.env.REDIS_KEY_PREFIX ?? 'live-recipes:'}changes`;

/** Socket → the one operation id it subscribed with; the load generator uses one id for every client. */
const subscribed = new Map<WebSocket, string>();
const http = createServer((req, res) => {
  if (req.url === '/health' || req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', activeSubscriptions: subscribed.size }));
    return;
  }
  res.writeHead(404).end();
});
const wss = new WebSocketServer({ server: http, path: '/graphql' });

wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    let message: { type?: string; id?: string };
    try {
      message = JSON.parse(String(data));
    } catch {
      socket.close(4400, 'Invalid message');
      return;
    }
    if (message.type === 'connection_init') socket.send('{"type":"connection_ack"}');
    else if (message.type === 'ping') socket.send('{"type":"pong"}');
    else if (message.type === 'subscribe' && typeof message.id === 'string') subscribed.set(socket, message.id);
    else if (message.type === 'complete') subscribed.delete(socket);
  });
  socket.once('close', () => subscribed.delete(socket));
});

const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64');

interface Row {
  id: string;
  title: string;
  version: number;
  tags: string[];
}
interface Message {
  entity: string;
  kind: string;
  position: number;
  occurredAt: string;
  authorId: string;
  authorName: string;
  before: Row | null;
  after: Row | null;
}

redis.on('message', (_channel: string, text: string) => {
  const change = JSON.parse(text) as Message;
  if (change.entity !== 'recipe') return;
  const row = change.after;
  const payload = {
    data: {
      recipeChanged: {
        kind: change.kind,
        cursor: cursors.seal('recipe', change.position),
        occurredAt: new Date(change.occurredAt).toISOString(),
        recipe: row && {
          id: globalId('Recipe', row.id),
          title: row.title,
          version: row.version,
          tags: row.tags,
          author: { id: globalId('User', change.authorId), name: change.authorName },
        },
      },
    },
  };
  // One id for every subscriber, so one prepared frame serves them all.
  const [id] = subscribed.values();
  if (id === undefined) return;
  const frame = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":${JSON.stringify(payload)}}`);
  for (const socket of subscribed.keys()) socket.send(frame, { binary: false });
});

await redis.subscribe(channel);
http.listen(port, '127.0.0.1', () => console.log(`raw broadcast listening on ${port}`));
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  http.close();
  void redis.quit().finally(() => process.exit(0));
});
