/** Reading what a server process holds after a full GC, through heap-probe.mjs preloaded into it. */

import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The module a measured server preloads with `--import` (on the command line or in NODE_OPTIONS). */
export const HEAP_PROBE = fileURLToPath(new URL('./heap-probe.mjs', import.meta.url));

export interface Memory {
  rss: number;
  heapUsed: number;
  /** Memory of Buffers and other objects outside V8's heap, such as bytes queued on sockets. */
  external: number;
  /** Resident pages of V8's young generation: empty after the GC, sized by recent allocation, not by what is held. */
  youngGeneration: number;
}

/** Forces a GC in the process and reads its memory (the process must preload HEAP_PROBE). */
export async function memoryAfterGc(pid: number): Promise<Memory> {
  const file = join(tmpdir(), `heap-probe-${pid}.json`);
  await rm(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    const text = await readFile(file, 'utf8').catch(() => '');
    if (text) {
      await rm(file, { force: true });
      return JSON.parse(text) as Memory;
    }
  }
  throw new Error(`no heap figures from ${pid}`);
}
