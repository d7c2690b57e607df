import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Whether the server reset the connection (ECONNRESET/EPIPE) instead of closing it. */
  reset: boolean;
}

/**
 * One HTTP/1.1 exchange on a bare TCP socket, for what fetch will not send as written (paths
 * with `..`, malformed escapes, hand-made chunked bodies) and to see exactly how the server
 * closes. `body` chunks are written one after another, each after the previous was flushed.
 * Resolves once the server closes the connection.
 */
export function rawRequest(port: number, head: string, body: Array<string | Buffer> = []): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let reset = false;
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') reset = true;
      else reject(error);
    });
    socket.on('close', () => {
      const all = Buffer.concat(received);
      const end = all.indexOf('\r\n\r\n');
      if (end < 0) return resolve({ status: 0, headers: {}, body: all, reset });
      const [statusLine = '', ...lines] = all.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let payload: Buffer = all.subarray(end + 4);
      if (headers['transfer-encoding'] === 'chunked') payload = dechunk(payload);
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: payload, reset });
    });
    socket.once('connect', async () => {
      socket.write(head.endsWith('\r\n\r\n') ? head : head.endsWith('\r\n') ? `${head}\r\n` : `${head}\r\n\r\n`);
      for (const chunk of body) {
        if (socket.destroyed) break;
        if (!socket.write(chunk)) await new Promise((r) => socket.once('drain', r).once('close', r));
      }
    });
  });
}

function dechunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < data.length) {
    const lineEnd = data.indexOf('\r\n', at);
    const size = Number.parseInt(data.subarray(at, lineEnd).toString(), 16);
    if (!size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** A body in HTTP/1.1 chunked encoding, split into chunks of `size` bytes. */
export function chunked(body: Buffer, size = 16 * 1024): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < body.length; at += size) {
    const part = body.subarray(at, at + size);
    chunks.push(Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]));
  }
  chunks.push(Buffer.from('0\r\n\r\n'));
  return chunks;
}
