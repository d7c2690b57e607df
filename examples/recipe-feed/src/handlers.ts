import { type FileHandle, open } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { FeedRecipeChangedSubscription } from './generated/graphql.js';
import type { Logger } from './log.js';

/** One change as the subscription delivers it, typed from the generated document. */
export type RecipeChange = FeedRecipeChangedSubscription['recipeChanged'];

/**
 * What the feed does with each change. `handle` is called one change at a time, in the order the
 * server sent them; the feed persists the change's cursor only after `handle` resolved.
 */
export interface ChangeHandler {
  handle(change: RecipeChange): Promise<void>;
  /**
   * The cursor of the last change this handler durably applied, if it can tell. After a crash
   * between `handle` and the cursor being persisted, this is ahead of the cursor file and wins,
   * which makes processing exactly-once instead of at-least-once.
   */
  recover?(): Promise<string | null>;
  close?(): Promise<void>;
}

/** The default output: one JSON object per change. */
export interface FeedLine {
  kind: RecipeChange['kind'];
  recipeId: string;
  title: string | null;
  version: number | null;
  cursor: string;
  occurredAt: string;
}

export function toLine(change: RecipeChange): FeedLine {
  return {
    kind: change.kind,
    recipeId: change.recipeId,
    title: change.recipe?.title ?? null,
    version: change.recipe?.version ?? null,
    cursor: change.cursor,
    occurredAt: change.occurredAt,
  };
}

/** JSON lines on a stream (stdout). It cannot recover, so a crash may repeat one change. */
export class JsonLinesStream implements ChangeHandler {
  constructor(private readonly stream: Writable) {}

  async handle(change: RecipeChange): Promise<void> {
    const line = `${JSON.stringify(toLine(change))}\n`;
    if (!this.stream.write(line)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }
}

/**
 * JSON lines appended to a file. Each line is written with one write(2) and carries its cursor,
 * so the file itself records how far processing went: on start, a torn last line (a crash in the
 * middle of a write) is cut off and the last complete line's cursor is the resume point.
 */
export class JsonLinesFile implements ChangeHandler {
  private constructor(
    readonly path: string,
    private readonly file: FileHandle,
    private readonly fsync: boolean,
    private readonly logger: Logger,
  ) {}

  static async open(path: string, options: { fsync: boolean; logger: Logger }): Promise<JsonLinesFile> {
    // 'a+' creates the file and lets recover() read and truncate it; writes always append.
    const file = await open(path, 'a+');
    return new JsonLinesFile(path, file, options.fsync, options.logger);
  }

  async handle(change: RecipeChange): Promise<void> {
    await this.file.write(`${JSON.stringify(toLine(change))}\n`);
    if (this.fsync) await this.file.datasync();
  }

  async recover(): Promise<string | null> {
    const { size } = await this.file.stat();
    if (size === 0) return null;
    const end = await this.lastNewlineBefore(size);
    if (end + 1 !== size) {
      this.logger.warn('cutting off a torn last line of the output file', { path: this.path, bytes: size - end - 1 });
      await this.file.truncate(end + 1);
      if (end < 0) return null;
    }
    // `end` is the newline that closes the last complete line; find the one before it.
    const start = (await this.lastNewlineBefore(end)) + 1;
    const buffer = Buffer.alloc(end - start);
    await this.file.read(buffer, 0, buffer.length, start);
    const line = JSON.parse(buffer.toString('utf8')) as Partial<FeedLine>;
    if (typeof line.cursor !== 'string') throw new Error(`the last line of ${this.path} has no cursor`);
    return line.cursor;
  }

  async close(): Promise<void> {
    await this.file.close();
  }

  /** Offset of the last "\n" before `limit`, or -1. */
  private async lastNewlineBefore(limit: number): Promise<number> {
    const chunk = Buffer.alloc(64 * 1024);
    let to = limit;
    while (to > 0) {
      const from = Math.max(0, to - chunk.length);
      const { bytesRead } = await this.file.read(chunk, 0, to - from, from);
      const at = chunk.subarray(0, bytesRead).lastIndexOf(0x0a);
      if (at >= 0) return from + at;
      to = from;
    }
    return -1;
  }
}
