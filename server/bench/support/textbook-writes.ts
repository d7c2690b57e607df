/**
 * The baseline for the write benchmark: the textbook durable write (textbook-write.ts) alone on an
 * HTTP server. `TEXTBOOK_LOG=1` makes its statement append a log row as well (to the table
 * `createTextbookLog` made).
 *
 *   PORT=… DATABASE_URL=… REDIS_URL=… REDIS_KEY_PREFIX=… [TEXTBOOK_LOG=1] tsx bench/support/textbook-writes.ts
 */
import { createServer } from 'node:http';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { textbookWriteHandler } from './textbook-write.js';

const sql = postgres(process.env.DATABASE_URL ?? '', { max: 10, onnotice: () => {} });
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const write = textbookWriteHandler({
  sql,
  redis,
  channel: `${process.env.REDIS_KEY_PREFIX ?? ''}textbook-changes`,
  withLog: process.env.TEXTBOOK_LOG === '1',
});

const http = createServer((req, res) => {
  if (req.url === '/health' || req.url === '/ready') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  write(req, res);
});
http.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => {
  http.close();
  void Promise.allSettled([sql.end({ timeout: 2 }), redis.quit()]).then(() => process.exit(0));
});
