/** The composition root: one instance built from its parts, started and stopped. */

import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { ChangeFeed } from './changes/feed.js';
import { readLogIdentity } from './changes/log-identity.js';
import { createPruner } from './changes/pruner.js';
import { createPublisher } from './changes/publisher.js';
import { Sequencer } from './changes/sequencer.js';
import type { Config } from './config.js';
import type { Services } from './context.js';
import { openDatabase } from './db/client.js';
import { openLimits } from './limits/open-limits.js';
import { LiveBudget } from './live/budget.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { Presence } from './presence/presence.js';
import { RedisPresenceLink } from './presence/redis-link.js';
import { openChangeBus } from './pubsub/open-bus.js';
import { redisTargetOf } from './redis.js';
import { openSigning } from './secrets.js';
import { corsPolicy } from './transport/cors.js';
import { createGraphiqlPage } from './transport/graphiql-page.js';
import { createGraphqlServer } from './transport/graphql-http.js';
import { createHttpServer } from './transport/http-server.js';
import { createProbes } from './transport/probes.js';
import { createStaticHandler } from './transport/static-files.js';
import { attachWebSockets } from './transport/websocket/server.js';

export interface App {
  /** Listens on the configured port; resolves with the bound URL (useful with PORT=0). */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting, closes sockets with 1001, drains in-flight requests, then closes connections. */
  stop(): Promise<void>;
  logger: Logger;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Builds one instance from config, composing parts that each own one concern; no module-level
 * state, so a test can run several side by side. Writes go model → change log → sequencer →
 * publisher → bus; every instance's feed takes them from the bus (or the log) to its subscribers.
 */
export async function createApp(config: Config, logger: Logger = createLogger(config)): Promise<App> {
  const metrics = createMetrics();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onQuery: () => metrics.databaseQueries.inc(),
  });
  logger.info({ database: database.describe }, 'database ready, migrations applied');
  const db = database.db;
  const redis = redisTargetOf(config);
  const bus = await openChangeBus({
    redis,
    keyPrefix: config.REDIS_KEY_PREFIX,
    logId: await readLogIdentity(db),
    logger,
    onForeignDropped: (changes) => metrics.foreignChangesDropped.inc(changes),
  });
  const { tokens, cursors } = await openSigning(config, logger);
  const limiter = await openLimits(config, redis, logger);

  const durations = { relayIntervalMs: config.RELAY_INTERVAL, retentionMs: config.CHANGE_LOG_RETENTION };
  const feed = new ChangeFeed(db, bus, logger, durations, metrics.observeFeed);
  const publisher = createPublisher(bus, logger, metrics.observePublish);
  const sequencer = new Sequencer(db, publisher, logger);
  const pruner = createPruner(db, config.CHANGE_LOG_RETENTION, logger);
  const presence = new Presence({
    instanceId: config.INSTANCE_ID,
    feed,
    link: redis ? new RedisPresenceLink(redis, config.REDIS_KEY_PREFIX, logger) : null,
    logger,
  });
  const services: Services = {
    db,
    feed,
    sequencer,
    tokens,
    limits: limiter.limits,
    cursors,
    trustProxy: config.TRUST_PROXY,
    maxBacklogBytes: config.MAX_SOCKET_BACKLOG,
    observeDelivery: metrics.observeDelivery,
    presence,
  };

  const budget = new LiveBudget({
    connectionsPerAddress: config.MAX_SOCKETS_PER_ADDRESS,
    costPerConnection: config.MAX_SUBSCRIPTION_COST_PER_SOCKET,
    costPerAddress: config.MAX_SUBSCRIPTION_COST_PER_ADDRESS,
    documentCostPerInstance: config.MAX_DOCUMENT_COST_PER_INSTANCE,
  });
  const yoga = createGraphqlServer({
    services,
    logger,
    cors: corsPolicy(config.CORS_ORIGINS, config.NODE_ENV === 'production'),
    maxQueuedEvents: config.MAX_QUEUED_EVENTS,
    budget,
    onSseDropped: () => {
      metrics.subscriberDropped('sse');
      logger.warn('ending an SSE stream whose client stopped reading');
    },
    onShed: (connections) => logger.warn({ connections }, 'the fan-out fell behind: cutting the connections that cost it the most'),
  });

  const webDist = config.WEB_DIST ?? defaultWebDist;
  if (!existsSync(webDist)) logger.warn({ webDist }, 'web app is not built; run `npm run build` to serve it at /');
  let eventStreams = 0;
  let sockets: ReturnType<typeof attachWebSockets> | undefined;
  const server = createHttpServer({
    yoga,
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    serveStatic: existsSync(webDist) ? createStaticHandler(webDist) : null,
    serveGraphiql: config.GRAPHIQL ? createGraphiqlPage({ title: 'Live Recipes GraphiQL' }) : null,
    onEventStream: (delta) => {
      eventStreams += delta;
      metrics.clientsConnected('sse', eventStreams);
    },
    probe: createProbes({
      instanceId: config.INSTANCE_ID,
      connectedClients: () => (sockets?.count() ?? 0) + eventStreams,
      subscriptions: (entity) => feed.listenerCount(entity),
      pingDatabase: () => database.ping(),
      pingBus: () => bus.ping(),
      pubsubConnected: () => bus.state() === 'connected',
      presence: () => presence.stats(),
      metrics,
    }),
  });
  sockets = attachWebSockets({
    server,
    yoga,
    tokens,
    logger,
    trustProxy: config.TRUST_PROXY,
    keepAliveMs: config.KEEPALIVE_INTERVAL,
    maxMessageBytes: config.MAX_BODY_BYTES,
    maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
    maxOperations: config.MAX_SUBSCRIPTIONS_PER_SOCKET,
    maxBufferedBytes: config.MAX_SOCKET_BACKLOG,
    budget,
    onCountChange: (open) => metrics.clientsConnected('websocket', open),
    onDropped: () => metrics.subscriberDropped('websocket'),
  });

  return {
    logger,
    async start() {
      await feed.start();
      await presence.start();
      sequencer.startSweeping(config.RELAY_INTERVAL);
      await pruner.start();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, config.HOST, () => resolve());
      });
      const port = (server.address() as AddressInfo).port;
      const url = `http://localhost:${port}`;
      logger.info({ web: `${url}/`, graphql: `${url}/graphql` }, 'listening');
      return { url, port };
    },
    async stop() {
      pruner.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await sockets?.close();
      server.drain();
      server.closeIdleConnections();
      const deadline = setTimeout(() => server.closeAllConnections(), config.SHUTDOWN_TIMEOUT);
      await closed;
      clearTimeout(deadline);
      await presence.stop();
      feed.stop();
      await sequencer.stop();
      metrics.stop();
      await publisher.flush();
      await bus.close();
      await limiter.close();
      await database.close();
      logger.info('stopped');
    },
  };
}
