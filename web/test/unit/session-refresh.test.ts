import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSessionStore, tokenLifetime } from '../../src/lib/session';
import { keepSessionFresh, type RefreshOutcome } from '../../src/lib/session-refresh';

const user = { id: 'VXNlcjox', name: 'Ann' };

/** A token-shaped string with the given claims (seconds); the signature is never checked here. */
function tokenFor(issuedAtMs: number, lifetimeMs: number, tag = 'x'): string {
  const encode = (value: object) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const iat = Math.floor(issuedAtMs / 1000);
  return `${encode({ alg: 'HS256' })}.${encode({ sub: user.id, iat, exp: iat + lifetimeMs / 1000, tag })}.signature`;
}

function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

describe('keeping the session fresh', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads when a token was issued and expires from its claims', () => {
    const token = tokenFor(Date.now(), 8_000);
    expect(tokenLifetime(token)).toEqual({ issuedAt: Date.now(), expiresAt: Date.now() + 8_000 });
    expect(tokenLifetime('not-a-token')).toBeNull();
  });

  it('exchanges the token when three quarters of its lifetime have passed, and again for its successor', async () => {
    const sessions = createSessionStore(memoryStorage());
    sessions.set({ token: tokenFor(Date.now(), 8_000, 'first'), user });
    const asked: string[] = [];
    const stop = keepSessionFresh(sessions, {
      refresh: async (token) => {
        asked.push(token);
        return { kind: 'refreshed', session: { token: tokenFor(Date.now(), 8_000, `after-${asked.length}`), user } };
      },
    });
    await vi.advanceTimersByTimeAsync(5_900);
    expect(asked).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(asked).toHaveLength(1);
    expect(tokenLifetime(sessions.get()?.token ?? '')?.expiresAt).toBe(Date.now() - 100 + 8_000);
    await vi.advanceTimersByTimeAsync(6_000);
    expect(asked).toHaveLength(2);
    expect(sessions.get()?.user).toEqual(user);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(2);
  });

  it('signs out when the server refuses the refresh, and retries one that failed while the token still lives', async () => {
    const sessions = createSessionStore(memoryStorage());
    sessions.set({ token: tokenFor(Date.now(), 40_000), user });
    const outcomes: RefreshOutcome[] = [{ kind: 'failed' }, { kind: 'rejected' }];
    let calls = 0;
    keepSessionFresh(sessions, { retryMs: 2_000, refresh: async () => outcomes[calls++] ?? { kind: 'failed' } });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(calls).toBe(1);
    expect(sessions.get()).not.toBeNull();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(2);
    expect(sessions.get()).toBeNull();
  });

  it('keeps a session that changed while a refresh was on its way (another tab, a sign-in)', async () => {
    const sessions = createSessionStore(memoryStorage());
    sessions.set({ token: tokenFor(Date.now(), 4_000, 'old'), user });
    const other = { token: tokenFor(Date.now(), 4_000, 'other-tab'), user };
    keepSessionFresh(sessions, {
      refresh: async () => {
        sessions.set(other);
        return { kind: 'rejected' };
      },
    });
    await vi.advanceTimersByTimeAsync(3_000);
    expect(sessions.get()).toEqual(other);
  });
});
