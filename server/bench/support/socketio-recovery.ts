/**
 * The Socket.IO reference for the reconnect and fan-out benchmarks: socket.io 4 with the Redis
 * Streams adapter (the adapter whose connection-state recovery works across instances) and
 * recovery on. The instance started with PUBLISH_CHANGES=1 holds the project's Redis change
 * channel, as raw-broadcast.ts does, and emits each recipe change once to the `recipes` room; the
 * adapter appends that broadcast to a Redis stream, every instance delivers it to its own sockets
 * with the stream offset, and a client that comes back within MAX_DISCONNECTION_MS with its
 * session id and last offset, on either instance, is sent what it missed from the stream.
 * No authorization and no GraphQL: Socket.IO doing what it is built for.
 *
 *   PORT=… REDIS_URL=… REDIS_KEY_PREFIX=… [PUBLISH_CHANGES=1] tsx bench/support/socketio-recovery.ts
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { createCursorSeal } from '../../src/changes/cursor.js';
import { changeChannel, recipeChangesFrom } from './recipe-change.js';

const port = Number(process.env.PORT ?? 0);
const prefix = process.env.REDIS_KEY_PREFIX ?? 'live-recipes:';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const ROOM = 'recipes';
/** Far above the benchmarks' 1–3 s drops, so a session is never forgotten while its client is away. */
const MAX_DISCONNECTION_MS = 120_000;
// Sealed like the server's own cursors, so every server pays for the cursor once per event.
const cursors = createCursorSeal(process.env.JWT_SECRET ?? randomBytes(32).toString('hex'));

const redis = new Redis(redisUrl);
const stream = `${prefix}socket.io`;
const http = createServer((req, res) => {
  if (req.url === '/health' || req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok', activeSubscriptions: io.of('/').adapter.rooms.get(ROOM)?.size ?? 0 }));
    return;
  }
  res.writeHead(404).end();
});
const io = new Server(http, {
  adapter: createAdapter(redis, { streamName: stream, sessionKeyPrefix: `${prefix}sio:session:` }),
  connectionStateRecovery: { maxDisconnectionDuration: MAX_DISCONNECTION_MS, skipMiddlewares: true },
  // The project's clients speak WebSocket only; long-polling would measure something else.
  transports: ['websocket'],
});

io.on('connection', (socket) => {
  // A recovered session is back in its rooms already.
  if (!socket.recovered) void socket.join(ROOM);
});

let changes: Redis | undefined;
if (process.env.PUBLISH_CHANGES === '1') {
  changes = new Redis(redisUrl);
  changes.on('message', (_channel: string, text: string) => {
    for (const change of recipeChangesFrom(text, cursors)) io.to(ROOM).emit('recipeChanged', change);
  });
  await changes.subscribe(changeChannel(prefix));
}

http.listen(port, '127.0.0.1', () => console.log(`socket.io listening on ${port}`));
process.on('SIGTERM', () => {
  io.disconnectSockets(true);
  void (async () => {
    await changes?.quit();
    // The stream outlives the instances otherwise; the publisher is the one that wrote it.
    if (changes) await redis.del(stream);
    io.close();
    await redis.quit().catch(() => {});
    process.exit(0);
  })();
});
