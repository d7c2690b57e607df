// Preloaded into a measured server (`--import test/support/heap-probe.mjs`, in NODE_OPTIONS too): on
// SIGUSR2 it collects garbage, then writes the process's memory figures to a file named by pid, so a
// benchmark or a test can read what the server holds without any debug route in the server itself.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** NODE_OPTIONS refuses --expose-gc; a new context created after the flag is set has gc. */
function exposedGc() {
  if (globalThis.gc) return globalThis.gc;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc');
}
const gc = exposedGc();

/** Resident kilobytes by kind, from /proc: anonymous memory, and mapped files (the binary's code pages). */
function residentByKind() {
  const status = readFileSync('/proc/self/status', 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rssAnon: field('RssAnon'), rssFile: field('RssFile') };
}

const collect = () => {
  for (let i = 0; i < 3; i++) gc();
};

process.on('SIGUSR2', () => {
  collect();
  // V8 hands the pages a collection frees back to the system from a helper thread, shortly after.
  setTimeout(read, 300);
});

function read() {
  collect();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.physical_space_size]));
  writeFileSync(
    join(tmpdir(), `heap-probe-${process.pid}.json`),
    JSON.stringify({
      rss,
      heapUsed,
      external,
      arrayBuffers,
      // The young generation is empty after a full GC, but the pages V8 grew it to stay resident.
      youngGeneration: spaces.new_space ?? 0,
      spaces,
      ...residentByKind(),
      at: Date.now(),
    }),
  );
}
