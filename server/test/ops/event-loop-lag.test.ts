import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, onTestFinished } from 'vitest';
import { EVENT_LOOP_SAMPLE_MS } from '../../src/event-loop-lag.js';
import { createMetrics } from '../../src/metrics.js';

/** Every sample of the exposition, by series name. */
async function scrape(metrics: ReturnType<typeof createMetrics>): Promise<Map<string, number>> {
  const text = await metrics.registry.metrics();
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-z0-9_]+) (\S+)$/.exec(line);
    if (match?.[1] && match[2]) samples.set(match[1], Number(match[2]));
  }
  return samples;
}

function blockFor(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // Holds the event loop, as a CPU-bound handler would.
  }
}

describe('event-loop lag metrics', () => {
  it('report how late the loop ran: a stall shows, and an idle loop reads near 0 rather than the sampling interval', async () => {
    const metrics = createMetrics();
    onTestFinished(() => metrics.stop());
    await sleep(3 * EVENT_LOOP_SAMPLE_MS);
    await scrape(metrics);
    // A scrape starts a fresh window, whose first sample only marks the time; the stall comes after it.
    await sleep(3 * EVENT_LOOP_SAMPLE_MS);
    blockFor(400);
    await sleep(2 * EVENT_LOOP_SAMPLE_MS);
    const stalled = await scrape(metrics);
    // A sample fell due during the stall and ran when it ended: at least 400 ms minus one interval late.
    expect(stalled.get('nodejs_eventloop_lag_max_seconds')).toBeGreaterThanOrEqual(0.25);

    await sleep(8 * EVENT_LOOP_SAMPLE_MS);
    const idle = await scrape(metrics);
    for (const series of ['nodejs_eventloop_lag_p50_seconds', 'nodejs_eventloop_lag_mean_seconds', 'nodejs_eventloop_lag_min_seconds']) {
      expect(idle.get(series), series).toBeLessThan((0.9 * EVENT_LOOP_SAMPLE_MS) / 1000);
    }
    // The series measured on a scrape's own callback, and prom-client's other defaults, are all there.
    for (const series of [
      'nodejs_eventloop_lag_seconds',
      'process_cpu_user_seconds_total',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_stddev_seconds',
    ]) {
      expect(idle.has(series), series).toBe(true);
    }
  });
});
