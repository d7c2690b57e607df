/** Keeping the bus to one change log: batches stamped with it, any other dropped. */

import type { Logger } from 'pino';
import type { ChangeBus, ChangeChannel, ChangeMessage } from './bus.js';

/**
 * Positions mean something only within one change log. Two deployments with databases of their own
 * that share a Redis server and a key prefix (Redis database numbers do not separate pub/sub
 * channels) publish on the same channel, and a feed that took the other's positions for its own
 * would deliver the other's changes and skip its own as already delivered. So every batch is
 * stamped with its log's identity, and anything else, including a message from an instance of an
 * older version, is dropped before the feed sees it: the feed then reads what it missed from its
 * own log, as for any message the bus lost.
 */
export function scopeToLog(
  bus: ChangeBus,
  logId: string,
  options: { logger: Logger; onDropped: (changes: number) => void },
): ChangeChannel {
  // The stamp leads the text, so a message is known to be this log's before any of it is parsed.
  const stamp = `{"log":${JSON.stringify(logId)},"changes":`;
  let warned = false;
  const drop = (text: string) => {
    const foreign = parsed(text);
    const changes = Array.isArray(foreign?.changes) ? foreign.changes.length : 1;
    options.onDropped(changes);
    if (warned) return;
    warned = true;
    const from = foreign?.log;
    options.logger.warn(
      { pubsub: bus.describe, log: logId, otherLog: typeof from === 'string' ? from : null },
      'dropping changes of another change log on this PubSub channel (said once): another deployment shares this Redis and REDIS_KEY_PREFIX, or an instance of an older version runs beside this one; give every deployment its own REDIS_KEY_PREFIX',
    );
  };
  return {
    describe: bus.describe,
    publish: (changesJson) => bus.publish(`${stamp}${changesJson}}`),
    subscribe: (onChanges, onUnreadable) =>
      bus.subscribe((text) => {
        if (!text.startsWith(stamp)) return drop(text);
        const batch = parsed(text);
        if (Array.isArray(batch?.changes)) onChanges(batch.changes as ChangeMessage[]);
        else onUnreadable();
      }),
    onReconnect: (listener) => bus.onReconnect(listener),
    ping: () => bus.ping(),
    state: () => bus.state(),
    close: () => bus.close(),
  };
}

function parsed(text: string): { log?: unknown; changes?: unknown } | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}
