import { backoffDelay, resumePointOf, withActivity } from '@live-recipes/client';
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

describe('the SSE activity tap', () => {
  it('reports every chunk, keep-alive comments included, and passes the body and status through unchanged', async () => {
    let activity = 0;
    const chunks = [':\n\n', 'event: next\ndata: {"data":', '{"recipeChanged":1}}\n\n', ':\n\n'];
    const original = new Response(streamOf(chunks), { status: 200, headers: { 'content-type': 'text/event-stream' } });
    const tapped = withActivity(original, () => activity++);
    expect(tapped.headers.get('content-type')).toBe('text/event-stream');
    expect(await tapped.text()).toBe(chunks.join(''));
    expect(activity).toBe(chunks.length);
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
