import { useSyncExternalStore } from 'react';

/**
 * What the connection badge shows. `connecting`: first connection not made yet; `live`: events
 * flow; `reconnecting`: the connection dropped and is being retried (changes made meanwhile will
 * be replayed); `offline`: the browser says there is no network.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'offline';
export type TransportKind = 'websocket' | 'sse';

export interface LiveState {
  status: ConnectionStatus;
  transport: TransportKind;
}

export interface LiveStateStore {
  get(): LiveState;
  set(state: LiveState): void;
  subscribe(onChange: () => void): () => void;
}

export function createLiveStateStore(initial: LiveState = { status: 'connecting', transport: 'websocket' }): LiveStateStore {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    set(state) {
      if (state.status === current.status && state.transport === current.transport) return;
      current = state;
      for (const listener of listeners) listener();
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

export function useLiveState(store: LiveStateStore): LiveState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
