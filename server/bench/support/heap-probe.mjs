// Preloaded into a benchmarked server (SERVER_NODE_ARGS="--expose-gc --import ./bench/support/heap-probe.mjs"):
// on SIGUSR2 it collects garbage, then writes the process's memory figures to a file named by pid,
// so a benchmark can read the heap of idle sockets without any debug route in the server itself.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.on('SIGUSR2', () => {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  writeFileSync(
    join(tmpdir(), `heap-probe-${process.pid}.json`),
    JSON.stringify({ rss, heapUsed, external, arrayBuffers, at: Date.now() }),
  );
});
