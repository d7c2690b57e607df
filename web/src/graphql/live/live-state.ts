import type { LiveState } from '@live-recipes/client';
import { useSyncExternalStore } from 'react';

export type { ConnectionStatus, LiveState, TransportKind } from '@live-recipes/client';

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
