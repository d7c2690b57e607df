import { useSyncExternalStore } from 'react';

/** How long a changed item stays highlighted; the CSS animation lasts as long. */
export const HIGHLIGHT_MS = 1_200;

export interface RecentChanges {
  /** Records that the entity with this id just changed. */
  mark(id: string): void;
  /** The time of its last change if that was under HIGHLIGHT_MS ago, else null. */
  stampOf(id: string): number | null;
  subscribe(onChange: () => void): () => void;
}

/** Which items changed live a moment ago, so their cards can flash once. */
export function createRecentChanges(now: () => number = Date.now): RecentChanges {
  const stamps = new Map<string, number>();
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  return {
    mark(id) {
      const stamp = now();
      stamps.set(id, stamp);
      emit();
      // Expire the highlight so the card renders its resting state again.
      setTimeout(() => {
        if (stamps.get(id) === stamp) {
          stamps.delete(id);
          emit();
        }
      }, HIGHLIGHT_MS);
    },
    stampOf(id) {
      const stamp = stamps.get(id);
      return stamp !== undefined && now() - stamp < HIGHLIGHT_MS ? stamp : null;
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** The page's one record of live changes: the cache updaters write it, cards read it. */
export const recentChanges = createRecentChanges();

export function useChangeStamp(id: string, store: RecentChanges = recentChanges): number | null {
  return useSyncExternalStore(
    store.subscribe,
    () => store.stampOf(id),
    () => null,
  );
}
