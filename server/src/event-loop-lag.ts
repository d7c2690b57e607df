/** Process metrics, with an event-loop lag measured cheaply enough to leave on. */

import { monitorEventLoopDelay } from 'node:perf_hooks';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * How often the event loop is sampled. prom-client samples every 10 ms, which wakes an idle
 * process 100 times a second: on a 2-core machine about 9 ms of CPU a second per instance,
 * close to a fifth of what the instance spends fanning out 2,500 deliveries a second. A stall
 * longer than this shows, shorter ones in proportion to their length; one that begins in the
 * first interval after a scrape does not, since Node's monitor restarts from its next sample
 * when reset (prom-client's has the same gap, 10 ms wide). Sampling from a JavaScript timer
 * instead would close it, at twice the CPU.
 */
export const EVENT_LOOP_SAMPLE_MS = 100;

/** prom-client's event-loop series; the names stay, so its dashboards and alerts keep working. */
const LAG = 'nodejs_eventloop_lag_seconds';
const SERIES = {
  min: 'nodejs_eventloop_lag_min_seconds',
  max: 'nodejs_eventloop_lag_max_seconds',
  mean: 'nodejs_eventloop_lag_mean_seconds',
  stddev: 'nodejs_eventloop_lag_stddev_seconds',
  p50: 'nodejs_eventloop_lag_p50_seconds',
  p90: 'nodejs_eventloop_lag_p90_seconds',
  p99: 'nodejs_eventloop_lag_p99_seconds',
} as const;
const OWN_SERIES = new Set<string>([LAG, ...Object.values(SERIES)]);

/**
 * Registers prom-client's default process and Node metrics, with the event-loop series measured
 * here instead. prom-client records the whole interval between two samples, so at 100 ms its
 * figures would read 0.1 s on an idle loop; these record how late each sample ran, which is the
 * lag itself, near 0 when idle. Returns what stops the sampling.
 */
export function registerProcessMetrics(registry: Registry): () => void {
  const scratch = new Registry();
  // prom-client always starts its own sampler; at this resolution it never fires.
  collectDefaultMetrics({ register: scratch, eventLoopMonitoringPrecision: 2 ** 31 - 1 });
  for (const { name } of scratch.getMetricsAsArray()) {
    const metric = scratch.getSingleMetric(name);
    if (metric && !OWN_SERIES.has(name)) registry.registerMetric(metric);
  }

  const histogram = monitorEventLoopDelay({ resolution: EVENT_LOOP_SAMPLE_MS });
  histogram.enable();
  const late = (nanoseconds: number) => Math.max(0, nanoseconds / 1e9 - EVENT_LOOP_SAMPLE_MS / 1e3);
  const lag = new Gauge({
    name: LAG,
    help: 'How long a callback queued at the last scrape waited for the event loop.',
    registers: [registry],
    // Registered before the series it sets, so a scrape reads them after this has run; each scrape
    // then starts a fresh window.
    collect() {
      const queued = process.hrtime.bigint();
      setImmediate(() => lag.set(Number(process.hrtime.bigint() - queued) / 1e9));
      if (histogram.count === 0) return;
      gauges.min.set(late(histogram.min));
      gauges.max.set(late(histogram.max));
      gauges.mean.set(late(histogram.mean));
      gauges.stddev.set(histogram.stddev / 1e9);
      gauges.p50.set(late(histogram.percentile(50)));
      gauges.p90.set(late(histogram.percentile(90)));
      gauges.p99.set(late(histogram.percentile(99)));
      histogram.reset();
    },
  });
  const gauges = Object.fromEntries(
    Object.entries(SERIES).map(([key, name]) => [
      key,
      new Gauge({
        name,
        help: `The ${key} of how late the event loop ran, sampled every ${EVENT_LOOP_SAMPLE_MS} ms.`,
        registers: [registry],
      }),
    ]),
  ) as Record<keyof typeof SERIES, Gauge>;
  return () => histogram.disable();
}
