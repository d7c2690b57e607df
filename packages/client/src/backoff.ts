/**
 * Exponential backoff with "equal jitter": half the ceiling fixed, half random. The fixed half
 * keeps a flapping server from being hammered; the random half spreads the reconnects of many
 * tabs after a restart so they do not all arrive in the same millisecond.
 */
export function backoffDelay(attempt: number, options: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const { baseMs = 500, maxMs = 10_000, random = Math.random } = options;
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
