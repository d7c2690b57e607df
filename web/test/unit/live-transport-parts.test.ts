import { backoffDelay, resumePointOf, watchStream } from '@live-recipes/client';
import { describe, expect, it } from 'vitest';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('the SSE stream watch', () => {
  it('passes the body and status through unchanged, and tells once that the stream ended', async () => {
    const chunks = [':\n\n', 'event: next\ndata: {"data":', '{"recipeChanged":1}}\n\n', ':\n\n'];
    const original = new Response(streamOf(chunks), { status: 200, headers: { 'content-type': 'text/event-stream' } });
    const ends: string[] = [];
    const { response } = watchStream(original, 60_000, (reason) => ends.push(reason));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(await response.text()).toBe(chunks.join(''));
    expect(ends).toEqual(['the server ended the stream']);
  });

  it('fails the body of a stream that goes quiet, so graphql-sse retries it, and lets go of the connection', async () => {
    let cancelled: unknown = null;
    const quiet = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new TextEncoder().encode(':\n\n')),
      cancel: (reason) => {
        cancelled = reason;
      },
    });
    const ends: string[] = [];
    const { response } = watchStream(new Response(quiet), 20, (reason) => ends.push(reason));
    await expect(response.text()).rejects.toThrow('no sign of life for 20 ms');
    expect(ends).toEqual(['no sign of life for 20 ms']);
    expect(cancelled).toBeInstanceOf(Error);
  });

  it('drops a stream on request, failing its body at once', async () => {
    const open = new ReadableStream<Uint8Array>({ start: () => {} });
    const { response, drop } = watchStream(new Response(open), 60_000);
    const reading = response.text();
    drop('reopening with a new token');
    await expect(reading).rejects.toThrow('reopening with a new token');
  });
});

describe('reconnect backoff', () => {
  it('doubles from half a second, keeps half of each wait fixed and caps at ten seconds', () => {
    const lowest = (attempt: number) => backoffDelay(attempt, { random: () => 0 });
    const highest = (attempt: number) => backoffDelay(attempt, { random: () => 1 });
    expect([0, 1, 2, 3].map(highest)).toEqual([500, 1_000, 2_000, 4_000]);
    expect([0, 1, 2, 3].map(lowest)).toEqual([250, 500, 1_000, 2_000]);
    expect(highest(30)).toBe(10_000);
    expect(lowest(30)).toBe(5_000);
  });
});

describe('the gap signal', () => {
  it("names the subscription's root field, whatever the operation is called", () => {
    expect(resumePointOf('subscription LiveUpdates_RecipeChanged($after: String) {\n  recipeChanged(after: $after) { kind }\n}')).toEqual({
      responseKey: 'recipeChanged',
      variable: 'after',
    });
    expect(resumePointOf('subscription { changes: blogChanged { kind } }')).toEqual({ responseKey: 'changes', variable: null });
  });
});
