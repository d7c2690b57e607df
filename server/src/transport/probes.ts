/** The health, readiness and metrics probes. */

import type { Metrics } from '../metrics.js';
import type { Probe } from './http-server.js';

export interface ProbeSources {
  instanceId: string;
  /** Open WebSockets and SSE streams. */
  connectedClients(): number;
  /** Subscribers listening to the feed, of one kind or of any. */
  subscriptions(entity?: 'recipe' | 'blog' | 'comment' | 'notification'): number;
  pingDatabase(): Promise<unknown>;
  pingBus(): Promise<boolean>;
  pubsubConnected(): boolean;
  presence(): { members: number; targets: number };
  metrics: Metrics;
}

/** How long /ready waits for each dependency before calling it failing. */
const READY_TIMEOUT_MS = 2_000;

/** /health (the process answers), /ready (its dependencies answer) and /metrics. */
export function createProbes(sources: ProbeSources): Probe {
  const { metrics } = sources;
  return {
    health: () => ({
      status: 'ok',
      instance: sources.instanceId,
      connectedClients: sources.connectedClients(),
      activeSubscriptions: sources.subscriptions(),
    }),
    ready: async () => {
      const [dbOk, busOk] = await Promise.all([answersWithin(sources.pingDatabase().then(() => true)), answersWithin(sources.pingBus())]);
      const failing = [...(dbOk ? [] : ['database']), ...(busOk ? [] : ['pubsub'])];
      return { ok: failing.length === 0, failing };
    },
    metrics: async () => {
      metrics.sample({ subscriptions: sources.subscriptions, pubsubConnected: sources.pubsubConnected(), presence: sources.presence() });
      return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
    },
  };
}

function answersWithin(check: Promise<boolean>): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
    check.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(false);
      },
    );
  });
}
