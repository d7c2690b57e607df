import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/graphql/live/backoff';
import { readEventStream } from '../../src/graphql/live/event-stream';
import { rootFieldOf } from '../../src/graphql/live/live-transport';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

describe('the SSE reader', () => {
  it('yields next and complete events split across chunks, and skips keep-alive comments', async () => {
    const events = [];
    const chunks = [':\n\n', 'event: next\ndata: {"data":', '{"recipeChanged":1}}\n\n', ':\n\nevent: complete\r\n', 'data:\r\n\r\n'];
    for await (const event of readEventStream(streamOf(chunks))) events.push(event);
    expect(events).toEqual([
      { event: 'next', data: '{"data":{"recipeChanged":1}}' },
      { event: 'complete', data: '' },
    ]);
  });

  it('reports activity on every chunk, comments included, so a quiet stream is not taken for a dead one', async () => {
    let activity = 0;
    for await (const _event of readEventStream(streamOf([':\n\n', ':\n\n', 'event: complete\ndata:\n\n']), () => activity++)) {
      // drain
    }
    expect(activity).toBe(3);
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
    expect(rootFieldOf('subscription LiveUpdates_RecipeChanged($after: String) {\n  recipeChanged(after: $after) { kind }\n}')).toBe(
      'recipeChanged',
    );
    expect(rootFieldOf('subscription { blogChanged { kind } }')).toBe('blogChanged');
  });
});
