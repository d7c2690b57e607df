/** The pino logger an instance writes through, stamped with its INSTANCE_ID. */

import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON lines for machines; pretty lines when a person watches a terminal during development. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'INSTANCE_ID' | 'NODE_ENV'>): Logger {
  const pretty = process.stdout.isTTY && config.NODE_ENV === 'development';
  return pino({
    level: config.LOG_LEVEL,
    base: { instance: config.INSTANCE_ID },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { ignore: 'pid,hostname' } } } : {}),
  });
}
