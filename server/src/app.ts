import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { developmentSecret } from './auth/development-secret.js';
import { createTokenService } from './auth/tokens.js';
import { createCursorSeal } from './changes/cursor.js';
import { ChangeFeed } from './changes/feed.js';
import { pruneChanges } from './changes/log.js';
import { readLogIdentity } from './changes/log-identity.js';
import { createPublisher } from './changes/publisher.js';
import { Sequencer } from './changes/sequencer.js';
import type { Config } from './config.js';
import type { Services } from './context.js';
import { openDatabase } from './db/client.js';
import { createLimits } from './limits/limits.js';
import { LiveBudget } from './limits/live-budget.js';
import { createLogger } from './logger.js';
import { createMetrics } from './metrics.js';
import { Presence } from './presence/presence.js';
import { RedisPresenceLink } from './presence/redis-link.js';
import type { ChangeBus } from './pubsub/bus.js';
import { createInProcessBus } from './pubsub/in-process-bus.js';
import { scopeToLog } from './pubsub/log-scope.js';
import { createRedisBus } from './pubsub/redis-bus.js';
import { redisConnection } from './redis.js';
import { corsPolicy } from './transport/cors.js';
import { createGraphiqlPage } from './transport/graphiql-page.js';
import { createGraphqlServer } from './transport/graphql-http.js';
import { createHttpServer } from './transport/http-server.js';
import { createStaticHandler } from './transport/static-files.js';
import { attachWebSockets } from './transport/websocket.js';

export interface App {
  /** Listens on the configured port; resolves with the bound URL (useful with PORT=0). */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting, closes sockets with 1001, drains in-flight requests, then closes connections. */
  stop(): Promise<void>;
  logger: Logger;
}

const defaultWebDist = fileURLToPath(new URL('../../web/dist', import.meta.url));
const PRUNE_EVERY_MS = 10 * 60_000;

/** Builds one instance from config: no module-level state, so a test can run several side by side. */
export async function createApp(config: Config, logger: Logger = createLogger(config)): Promise<App> {
  const metrics = createMetrics();
  const database = await openDatabase({
    url: config.DATABASE_URL,
    pgliteDir: config.PGLITE_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
    onQuery: () => metrics.databaseQueries.inc(),
  });
  logger.info({ database: database.describe }, 'database ready, migrations applied');
  const logId = await readLogIdentity(database.db);

  let bus: ChangeBus;
  const redisTarget = config.REDIS_CLUSTER_NODES
    ? { clusterNodes: config.REDIS_CLUSTER_NODES }
    : config.REDIS_URL
      ? { url: config.REDIS_URL }
      : null;
  if (redisTarget) {
    bus = await createRedisBus(redisTarget, config.REDIS_KEY_PREFIX, logger);
  } else {
    bus = createInProcessBus();
    logger.warn('REDIS_URL is not set: using an in-process PubSub, so this must be the only instance');
  }
  bus = scopeToLog(bus, logId, { logger, onDropped: () => metrics.foreignChangesDropped.inc() });
  logger.info({ pubsub: bus.describe, log: logId }, 'pubsub ready');

  let secret = config.JWT_SECRET;
  if (!secret) {
    const kept = await developmentSecret(config.DEV_JWT_SECRET_FILE);
    secret = kept.secret;
    logger.warn(
      { file: kept.file },
      `JWT_SECRET is not set: tokens are signed with a development secret ${kept.created ? 'made now and kept' : 'kept'} in this file`,
    );
  }
  const { tokens } = createTokenService(secret, config.TOKEN_TTL);
  const { cursors } = createCursorSeal(config.CURSOR_SECRET ?? secret);

  // A plain command connection (the bus's are busy subscribing and publishing); failing fast lets
  // the limiter fall back to in-memory counters while Redis is away.
  const limiterRedis = redisTarget ? redisConnection(redisTarget, { enableOfflineQueue: false, maxRetriesPerRequest: 1 }) : null;
  limiterRedis?.on('error', (error: Error) => logger.warn({ err: error.message, connection: 'limiter' }, 'redis connection error'));
  await limiterRedis?.connect();
  const limits = createLimits(
    {
      signInFailures: config.SIGNIN_MAX_FAILURES,
      signInFailuresPerAddress: config.SIGNIN_MAX_FAILURES_PER_ADDRESS,
      writes: config.RATE_LIMIT_WRITES,
      signUps: config.RATE_LIMIT_SIGNUPS,
    },
    limiterRedis ? { redis: limiterRedis, keyPrefix: config.REDIS_KEY_PREFIX } : null,
  );

  const durations = { pollIntervalMs: config.RELAY_INTERVAL, retentionMs: config.CHANGE_LOG_RETENTION };
  const feed = new ChangeFeed(database.db, bus, logger, durations, (path, lagMs) => {
    metrics.eventsReceived.inc({ path });
    (path === 'bus' ? metrics.commitToFeedSeconds : metrics.relayLagSeconds).observe(Math.max(0, lagMs) / 1000);
  });
  const publisher = createPublisher(bus, logger, (ok) => metrics.eventsPublished.inc({ outcome: ok ? 'ok' : 'failed' }));
  const sequencer = new Sequencer(database.db, publisher, logger);
  const presence = new Presence({
    instanceId: config.INSTANCE_ID,
    feed,
    link: redisTarget ? new RedisPresenceLink(redisTarget, config.REDIS_KEY_PREFIX, logger) : null,
    logger,
  });

  const services: Services = {
    db: database.db,
    feed,
    sequencer,
    tokens,
    limits,
    cursors,
    trustProxy: config.TRUST_PROXY,
    maxBacklogBytes: config.MAX_SOCKET_BACKLOG,
    observeDelivery: (replayed) => (replayed ? metrics.eventsReplayed : metrics.eventsDelivered).inc(),
    presence,
  };

  const budget = new LiveBudget({
    connectionsPerAddress: config.MAX_SOCKETS_PER_ADDRESS,
    costPerConnection: config.MAX_SUBSCRIPTION_COST_PER_SOCKET,
    costPerAddress: config.MAX_SUBSCRIPTION_COST_PER_ADDRESS,
    documentCostPerInstance: config.MAX_DOCUMENT_COST_PER_INSTANCE,
  });
  const yoga = createGraphqlServer(
    services,
    logger,
    () => {
      metrics.subscribersDropped.inc({ transport: 'sse' });
      logger.warn('ending an SSE stream whose client stopped reading');
    },
    {
      cors: corsPolicy(config.CORS_ORIGINS, config.NODE_ENV === 'production'),
      maxQueuedEvents: config.MAX_QUEUED_EVENTS,
      budget,
      onShed: (connections) => logger.warn({ connections }, 'the fan-out fell behind: cutting the connections that cost it the most'),
    },
  );
  let eventStreams = 0;
  let sockets: ReturnType<typeof attachWebSockets> | undefined;
  const webDist = config.WEB_DIST ?? defaultWebDist;
  if (!existsSync(webDist)) logger.warn({ webDist }, 'web app is not built; run `npm run build` to serve it at /');

  const server = createHttpServer({
    yoga,
    logger,
    maxBodyBytes: config.MAX_BODY_BYTES,
    serveStatic: existsSync(webDist) ? createStaticHandler(webDist) : null,
    serveGraphiql: config.GRAPHIQL ? createGraphiqlPage({ title: 'Live Recipes GraphiQL' }) : null,
    onEventStream: (delta) => {
      eventStreams += delta;
      metrics.connectedClients.set({ transport: 'sse' }, eventStreams);
    },
    probe: {
      health: () => ({
        status: 'ok',
        instance: config.INSTANCE_ID,
        connectedClients: (sockets?.count() ?? 0) + eventStreams,
        activeSubscriptions: feed.listenerCount(),
      }),
      ready: async () => {
        const [dbOk, busOk] = await Promise.all([
          withTimeout(
            database.ping().then(() => true),
            2_000,
          ),
          withTimeout(bus.ping(), 2_000),
        ]);
        const failing = [...(dbOk ? [] : ['database']), ...(busOk ? [] : ['pubsub'])];
        return { ok: failing.length === 0, failing };
      },
      metrics: async () => {
        metrics.activeSubscriptions.set({ field: 'recipeChanged' }, feed.listenerCount('recipe'));
        metrics.activeSubscriptions.set({ field: 'blogChanged' }, feed.listenerCount('blog'));
        metrics.activeSubscriptions.set({ field: 'commentChanged' }, feed.listenerCount('comment'));
        metrics.activeSubscriptions.set({ field: 'notificationChanged' }, feed.listenerCount('notification'));
        metrics.pubsubConnected.set(bus.state() === 'connected' ? 1 : 0);
        const present = presence.stats();
        metrics.presenceMembers.set(present.members);
        metrics.presenceTargets.set(present.targets);
        return { contentType: metrics.registry.contentType, body: await metrics.registry.metrics() };
      },
    },
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
    onCountChange: (open) => metrics.connectedClients.set({ transport: 'websocket' }, open),
    onDropped: () => metrics.subscribersDropped.inc({ transport: 'websocket' }),
  });

  const prune = async () => {
    try {
      const removed = await pruneChanges(database.db, config.CHANGE_LOG_RETENTION);
      if (removed > 0) logger.info({ removed }, 'pruned changes older than the retention');
    } catch (error) {
      logger.warn({ err: error }, 'pruning the change log failed');
    }
  };
  let pruneTimer: NodeJS.Timeout | undefined;

  return {
    logger,
    async start() {
      await feed.start();
      await presence.start();
      sequencer.startSweeping(config.RELAY_INTERVAL);
      await prune();
      pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
      pruneTimer.unref();
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
      clearInterval(pruneTimer);
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
      await limiterRedis?.quit().catch(() => {});
      await database.close();
      logger.info('stopped');
    },
  };
}

function withTimeout(promise: Promise<boolean>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
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
