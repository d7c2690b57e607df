import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileCheckpoint } from './checkpoint.js';
import { ConfigError, readConfig } from './config.js';
import { FatalError, RecipeFeed } from './feed.js';
import { type ChangeHandler, JsonLinesFile, JsonLinesStream } from './handlers.js';
import { createLogger } from './log.js';

async function main(): Promise<number> {
  let config: ReturnType<typeof readConfig>;
  try {
    config = readConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`recipe-feed: ${error.message}\n`);
    return 1;
  }
  const logger = createLogger(config.LOG_LEVEL);
  await mkdir(dirname(config.CURSOR_FILE), { recursive: true });
  const toFile = config.OUTPUT_FILE !== undefined && config.OUTPUT_FILE !== '-';
  const handler: ChangeHandler = toFile
    ? await JsonLinesFile.open(config.OUTPUT_FILE as string, { fsync: config.FEED_FSYNC, logger })
    : new JsonLinesStream(process.stdout);
  const feed = new RecipeFeed({
    httpUrl: config.GRAPHQL_URL.httpUrl,
    wsUrl: config.GRAPHQL_URL.wsUrl,
    email: config.RECIPE_FEED_EMAIL,
    password: config.RECIPE_FEED_PASSWORD,
    tag: config.TAG,
    handler,
    checkpoint: new FileCheckpoint(config.CURSOR_FILE, config.FEED_FSYNC),
    logger,
    maxQueue: config.MAX_QUEUE,
    maxRetryDelayMs: config.MAX_RETRY_DELAY_MS,
    checkpointDelayMs: config.RECIPE_FEED_TEST_CHECKPOINT_DELAY_MS,
  });

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      // A second signal: the operator insists. The cursor file is consistent at every instant.
      logger.warn('second signal; exiting now', { signal });
      process.exit(130);
    }
    logger.info('stopping: finishing the change in progress', { signal });
    void feed.stop();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    await feed.run();
    return 0;
  } catch (error) {
    logger.error('recipe-feed stopped on an error', { error: error instanceof Error ? error.message : String(error) });
    return error instanceof FatalError ? error.exitCode : 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`recipe-feed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
