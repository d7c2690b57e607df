/** Reading a request body within MAX_BODY_BYTES, and the 413 past it. */

import type { IncomingMessage, ServerResponse } from 'node:http';

export type BodyOutcome = { kind: 'read'; body: Buffer } | { kind: 'too-large' } | { kind: 'aborted' };

/**
 * Reads a request body, with Content-Length or chunked, into memory up to `limit` bytes. Past
 * the limit it stops keeping what arrives and says so; the caller answers with
 * {@link answerTooLarge}.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyOutcome> {
  if (Number(req.headers['content-length']) > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (outcome: BodyOutcome) => {
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      resolve(outcome);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle({ kind: 'too-large' });
      else chunks.push(chunk);
    };
    const onEnd = () => settle({ kind: 'read', body: Buffer.concat(chunks, size) });
    const onClose = () => settle({ kind: 'aborted' });
    req.on('data', onData).once('end', onEnd).once('close', onClose);
  });
}

/** How much of an over-limit body is read and thrown away, at most, so its client can read the 413. */
const LINGER_BYTES = 64 * 1024 * 1024;
const LINGER_MS = 10_000;

/**
 * Answers 413 at once but keeps the connection open, reading and discarding the rest of the
 * body (up to a bound in bytes and time, as nginx's lingering close does), and only then
 * closes. Closing while the client is still sending would reset the connection, and most
 * clients (Node's fetch among them) then report EPIPE instead of the answer.
 */
export function answerTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  const text = JSON.stringify({
    errors: [{ message: `Request body is larger than ${limit} bytes.`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
  });
  res.writeHead(413, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    Connection: 'close',
  });
  // The whole answer goes out now; `end` waits, because ending makes Node close the socket.
  res.write(text);
  let discarded = 0;
  const finish = () => {
    clearTimeout(timer);
    req.off('data', discard).off('end', finish);
    res.end();
  };
  const discard = (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > LINGER_BYTES) finish();
  };
  const timer = setTimeout(finish, LINGER_MS);
  timer.unref();
  res.once('close', () => clearTimeout(timer));
  if (req.complete) {
    finish();
    return;
  }
  req.on('data', discard).once('end', finish);
  req.resume();
}
