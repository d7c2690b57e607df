/** The bus engine for a single instance without Redis. */

import { PubSub } from 'graphql-subscriptions';
import { CHANGES_TOPIC, type ChangeBus, type ChangeMessage, subscribeEngine } from './bus.js';

/** For a single instance without Redis: same interface, nothing leaves the process. */
export function createInProcessBus(): ChangeBus {
  const engine = new PubSub<Record<string, ChangeMessage>>();
  const ids: number[] = [];
  return {
    kind: 'in-process',
    describe: 'in-process PubSub (one instance only)',
    publish: (message) => engine.publish(CHANGES_TOPIC, message),
    async subscribe(onMessage) {
      ids.push(await subscribeEngine(engine, CHANGES_TOPIC, onMessage));
    },
    onReconnect: () => {},
    ping: async () => true,
    state: () => 'connected',
    async close() {
      for (const id of ids.splice(0)) engine.unsubscribe(id);
    },
  };
}
