/** Yoga's parse and validation cache, bounded by heap rather than by count. */

import type { DocumentNode, Token } from 'graphql';

/**
 * Heap a parsed document with locations takes: graphql-js keeps every token, linked to the next,
 * beside the nodes, some 500 bytes per token, whatever the text's length. A query of 2,000 short
 * tokens (graphql-armor's limit) is about 1 MB.
 */
const BYTES_PER_TOKEN = 512;

function documentBytes(text: string, document: DocumentNode): number {
  let tokens = 0;
  for (let token: Token | null | undefined = document.loc?.startToken; token; token = token.next) tokens += 1;
  return text.length + tokens * BYTES_PER_TOKEN;
}

/**
 * Yoga's parse cache by default keeps the last 1,024 documents whatever their size, up to a
 * gigabyte of distinct queries a client can send; this one keeps the most recent up to a total of
 * `maxBytes`, counted as {@link documentBytes} (parse errors by their text, which they keep).
 */
export class ParseCache<T> {
  private readonly entries = new Map<string, { value: T; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly sizeOf: (text: string, value: T) => number,
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: T): void {
    const bytes = this.sizeOf(key, value);
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

/** Yoga's `parserAndValidationCache`: documents up to `maxBytes`, and errors up to a quarter of it. */
export function boundedParseCache(maxBytes: number) {
  return {
    documentCache: new ParseCache<DocumentNode>(maxBytes, documentBytes),
    errorCache: new ParseCache<unknown>(maxBytes / 4, (text) => text.length),
    validationCache: true,
  };
}
