/**
 * The ceiling for the fan-out benchmark: the least a WebSocket server can do per event. It speaks
 * just enough graphql-transport-ws for graphql-ws's client (init → ack, ping → pong, subscribe,
 * complete), holds the Redis subscription of one instance, builds the same `recipeChanged`
 * payload the project sends, serialises it once and writes that one prepared frame to every
 * subscribed socket. No GraphQL, no authorization, no ordering, no resume: it is a ruler, not a server.
 * With `TAKES_WRITES=1` it also serves the textbook write (textbook-write.ts) at POST /graphql, so
 * the ruler for an instance that takes writes and fans out pays what the least write costs.
 *
 *   PORT=… REDIS_URL=… REDIS_KEY_PREFIX=… [TAKES_WRITES=1 DATABASE_URL=…] tsx bench/support/raw-broadcast.ts
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { type WebSocket, WebSocketServer } from 'ws';
import { createCursorSeal } from '../../src/changes/cursor.js';
import { changeChannel, recipeChangesFrom } from './recipe-change.js';
import { textbookWriteHandler } from './textbook-write.js';

const port = Number(process.env.PORT ?? 0);
// Sealed like the server's own cursors, so both sides pay for the cursor once per event.
const cursors = createCursorSeal(process.env.JWT_SECRET ?? randomBytes(32).toString('hex'));
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const channel = changeChannel(process.env.REDIS_KEY_PREFIX);
const sql = process.env.TAKES_WRITES === '1' ? postgres(process.env.DATABASE_URL ?? '', { max: 10, onnotice: () => {} }) : null;
// A subscribed ioredis connection takes no other commands, so the writes publish on one of their own.
const write = sql
  ? textbookWriteHandler({
      sql,
      redis: new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'),
      channel: `${process.env.REDIS_KEY_PREFIX ?? ''}textbook-changes`,
      withLog: false,
    })
  : null;

/** Socket → the one operation id it subscribed with; the load generator uses one id for every client. */
const subscribed = new Map<WebSocket, string>();
const http = createServer((req, res) => {
  if (req.url === '/health' || req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', activeSubscriptions: subscribed.size }));
    return;
  }
  if (write && req.url === '/graphql' && req.method === 'POST') return write(req, res);
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

redis.on('message', (_channel: string, text: string) => {
  // One id for every subscriber, so one prepared frame serves them all.
  const [id] = subscribed.values();
  if (id === undefined) return;
  for (const recipeChanged of recipeChangesFrom(text, cursors)) {
    const payload = { data: { recipeChanged } };
    const frame = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":${JSON.stringify(payload)}}`);
    for (const socket of subscribed.keys()) socket.send(frame, { binary: false });
  }
});

await redis.subscribe(channel);
http.listen(port, '127.0.0.1', () => console.log(`raw broadcast listening on ${port}`));
process.on('SIGTERM', () => {
  for (const socket of wss.clients) socket.terminate();
  http.close();
  void Promise.allSettled([redis.quit(), sql?.end({ timeout: 2 })]).finally(() => process.exit(0));
});
