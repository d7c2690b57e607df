/** The Prometheus metrics an instance exposes on /metrics. */

import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { registerProcessMetrics } from './event-loop-lag.js';

/** One registry per app instance, so several apps in one test process never share counters. */
export function createMetrics() {
  const registry = new Registry();
  const stopSampling = registerProcessMetrics(registry);
  const latencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  const metrics = {
    registry,
    /** Stops the event-loop sampler, when the instance stops. */
    stop: stopSampling,
    connectedClients: new Gauge({
      name: 'live_connected_clients',
      help: 'Open WebSocket connections and SSE streams.',
      labelNames: ['transport'] as const,
      registers: [registry],
    }),
    activeSubscriptions: new Gauge({
      name: 'live_active_subscriptions',
      help: 'Subscriptions streaming on this instance, by field.',
      labelNames: ['field'] as const,
      registers: [registry],
    }),
    databaseQueries: new Counter({
      name: 'live_database_queries_total',
      help: 'SQL statements this instance sent to the database.',
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: 'live_events_published_total',
      help: 'Committed changes handed to the PubSub, by outcome.',
      labelNames: ['outcome'] as const,
      registers: [registry],
    }),
    eventsReceived: new Counter({
      name: 'live_events_received_total',
      help: 'Changes that reached this instance, by path (bus, or read from the log to fill a gap).',
      labelNames: ['path'] as const,
      registers: [registry],
    }),
    eventsDelivered: new Counter({
      name: 'live_events_delivered_total',
      help: 'Change events handed to subscribers.',
      registers: [registry],
    }),
    eventsReplayed: new Counter({
      name: 'live_events_replayed_total',
      help: 'Change events replayed from the log for subscribers resuming with `after`.',
      registers: [registry],
    }),
    subscribersDropped: new Counter({
      name: 'live_subscribers_dropped_total',
      help: 'Subscribers cut off because their backlog passed MAX_SOCKET_BACKLOG, by transport (websocket, sse).',
      labelNames: ['transport'] as const,
      registers: [registry],
    }),
    commitToFeedSeconds: new Histogram({
      name: 'live_commit_to_feed_seconds',
      help: 'From commit to the change reaching this instance, for changes that came over the bus.',
      buckets: latencyBuckets,
      registers: [registry],
    }),
    relayLagSeconds: new Histogram({
      name: 'live_relay_lag_seconds',
      help: 'From commit to delivery for changes this instance had to read from the log (bus missed them).',
      buckets: latencyBuckets,
      registers: [registry],
    }),
    foreignChangesDropped: new Counter({
      name: 'live_pubsub_foreign_changes_dropped_total',
      help: 'Changes on the PubSub channel from another change log (another deployment sharing this Redis and key prefix), dropped unread.',
      registers: [registry],
    }),
    presenceMembers: new Gauge({
      name: 'live_presence_members',
      help: 'Viewers present through this instance: signed-in users once per target, plus anonymous connections.',
      registers: [registry],
    }),
    presenceTargets: new Gauge({
      name: 'live_presence_targets',
      help: 'Recipes and blogs with at least one presence subscriber on this instance.',
      registers: [registry],
    }),
    pubsubConnected: new Gauge({
      name: 'live_pubsub_connected',
      help: '1 when the PubSub connection is up.',
      registers: [registry],
    }),
  };
  // Labelled series appear only once touched; zero them so a dashboard sees 0, not "no data".
  for (const transport of ['websocket', 'sse']) {
    metrics.connectedClients.set({ transport }, 0);
    metrics.subscribersDropped.inc({ transport }, 0);
  }
  for (const [field] of SUBSCRIPTION_FIELDS) metrics.activeSubscriptions.set({ field }, 0);
  for (const outcome of ['ok', 'failed']) metrics.eventsPublished.inc({ outcome }, 0);
  return {
    ...metrics,
    /** A change reached the feed, over the bus or read from the log, this long after it committed. */
    observeFeed(path: 'bus' | 'log', lagMs: number): void {
      metrics.eventsReceived.inc({ path });
      (path === 'bus' ? metrics.commitToFeedSeconds : metrics.relayLagSeconds).observe(Math.max(0, lagMs) / 1000);
    },
    /** One message of `changes` committed changes handed to the PubSub. */
    observePublish(ok: boolean, changes: number): void {
      metrics.eventsPublished.inc({ outcome: ok ? 'ok' : 'failed' }, changes);
    },
    /** One event handed to a subscriber, live or replayed from the log. */
    observeDelivery(replayed: boolean): void {
      (replayed ? metrics.eventsReplayed : metrics.eventsDelivered).inc();
    },
    subscriberDropped(transport: Transport): void {
      metrics.subscribersDropped.inc({ transport });
    },
    clientsConnected(transport: Transport, open: number): void {
      metrics.connectedClients.set({ transport }, open);
    },
    /** The gauges read at scrape time from the parts that hold them. */
    sample(state: {
      subscriptions: (entity: 'recipe' | 'blog' | 'comment' | 'notification') => number;
      pubsubConnected: boolean;
      presence: { members: number; targets: number };
    }): void {
      for (const [field, entity] of SUBSCRIPTION_FIELDS) metrics.activeSubscriptions.set({ field }, state.subscriptions(entity));
      metrics.pubsubConnected.set(state.pubsubConnected ? 1 : 0);
      metrics.presenceMembers.set(state.presence.members);
      metrics.presenceTargets.set(state.presence.targets);
    },
  };
}

type Transport = 'websocket' | 'sse';

const SUBSCRIPTION_FIELDS = [
  ['recipeChanged', 'recipe'],
  ['blogChanged', 'blog'],
  ['commentChanged', 'comment'],
  ['notificationChanged', 'notification'],
] as const;

export type Metrics = ReturnType<typeof createMetrics>;
