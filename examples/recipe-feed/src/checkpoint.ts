import { open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Where the cursor of the last processed change is kept between runs. */
export interface CheckpointStore {
  load(): Promise<string | null>;
  /** Must be atomic: after a crash the store holds either the old cursor or the new one. */
  save(cursor: string): Promise<void>;
}

/**
 * A small JSON file replaced atomically: the new content goes to a temporary file in the same
 * directory, which is then renamed over the old one (rename is atomic within a file system).
 * With `fsync`, the temporary file and the directory are flushed too, so a power loss cannot
 * leave an empty or half-written file behind the rename.
 */
export class FileCheckpoint implements CheckpointStore {
  private readonly temp: string;

  constructor(
    readonly path: string,
    private readonly fsync = true,
  ) {
    this.temp = `${path}.${process.pid}.tmp`;
  }

  async load(): Promise<string | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = JSON.parse(text) as { cursor?: unknown };
    if (typeof parsed.cursor !== 'string' || parsed.cursor === '') throw new Error(`${this.path} holds no cursor`);
    return parsed.cursor;
  }

  async save(cursor: string): Promise<void> {
    const file = await open(this.temp, 'w');
    try {
      await file.writeFile(`${JSON.stringify({ cursor, savedAt: new Date().toISOString() })}\n`);
      if (this.fsync) await file.datasync();
    } finally {
      await file.close();
    }
    try {
      await rename(this.temp, this.path);
    } catch (error) {
      await rm(this.temp, { force: true });
      throw error;
    }
    if (this.fsync) await syncDirectory(dirname(this.path));
  }
}

async function syncDirectory(path: string): Promise<void> {
  const dir = await open(path, 'r');
  try {
    await dir.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    await dir.close();
  }
}
