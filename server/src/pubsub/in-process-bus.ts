/** The bus engine for a single instance without Redis. */

import { EventEmitter } from 'node:events';
import type { ChangeBus } from './bus.js';

/** For a single instance without Redis: same interface, nothing leaves the process. */
export function createInProcessBus(): ChangeBus {
  const engine = new EventEmitter();
  const listeners: Array<(text: string) => void> = [];
  return {
    kind: 'in-process',
    describe: 'in-process PubSub (one instance only)',
    async publish(text) {
      // Delivered on a later tick, as a message from Redis would be, never inside the publisher's call.
      setImmediate(() => engine.emit('message', text));
    },
    async subscribe(onMessage) {
      listeners.push(onMessage);
      engine.on('message', onMessage);
    },
    onReconnect: () => {},
    ping: async () => true,
    state: () => 'connected',
    async close() {
      for (const listener of listeners.splice(0)) engine.off('message', listener);
    },
  };
}
