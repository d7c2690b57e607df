import { createContext, useContext, useSyncExternalStore } from 'react';

export interface SessionUser {
  id: string;
  name: string;
}

export interface Session {
  token: string;
  user: SessionUser;
}

export interface SessionStore {
  get(): Session | null;
  set(session: Session): void;
  clear(): void;
  subscribe(onChange: () => void): () => void;
}

const STORAGE_KEY = 'live-recipes.session';

/** When a token was issued and when it expires (ms since the epoch), read from its claims; null if it says neither. */
export function tokenLifetime(token: string): { issuedAt: number; expiresAt: number } | null {
  try {
    const part = token.split('.')[1] ?? '';
    const claims: unknown = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof claims !== 'object' || claims === null) return null;
    const { iat, exp } = claims as { iat?: unknown; exp?: unknown };
    if (typeof exp !== 'number') return null;
    return { issuedAt: (typeof iat === 'number' ? iat : exp) * 1000, expiresAt: exp * 1000 };
  } catch {
    return null;
  }
}

function isSession(value: unknown): value is Session {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { token?: unknown; user?: { id?: unknown; name?: unknown } };
  return typeof candidate.token === 'string' && typeof candidate.user?.id === 'string' && typeof candidate.user.name === 'string';
}

function read(storage: Storage): Session | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null');
    return isSession(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** The signed-in viewer, kept in localStorage so a reload (or another tab) stays signed in. */
export function createSessionStore(storage: Storage, events: Window | null = null): SessionStore {
  let current = read(storage);
  const listeners = new Set<() => void>();
  const emit = () => {
    for (const listener of listeners) listener();
  };
  // Signing in or out in another tab changes this tab's session too.
  events?.addEventListener('storage', (event) => {
    if (event.key !== STORAGE_KEY) return;
    current = read(storage);
    emit();
  });
  return {
    get: () => current,
    set(session) {
      current = session;
      storage.setItem(STORAGE_KEY, JSON.stringify(session));
      emit();
    },
    clear() {
      if (!current) return;
      current = null;
      storage.removeItem(STORAGE_KEY);
      emit();
    },
    subscribe(onChange) {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

export const SessionContext = createContext<SessionStore | null>(null);

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSessionStore needs a SessionContext provider');
  return store;
}

export function useSession(): Session | null {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
