import { type Session, type SessionStore, tokenLifetime } from './session';

/** What one refresh attempt came to. */
export type RefreshOutcome = { kind: 'refreshed'; session: Session } | { kind: 'rejected' } | { kind: 'failed' };

export interface SessionRefreshOptions {
  /** Exchanges a token for a successor (the `refreshToken` mutation). */
  refresh(token: string): Promise<RefreshOutcome>;
  now?: () => number;
  /** Share of a token's lifetime after which it is refreshed. */
  refreshAfter?: number;
  /** Wait before trying again after a failure that was not a refusal (the network, a restarting server). */
  retryMs?: number;
}

// Browsers fire timers past 2^31 - 1 ms at once; longer waits are re-armed.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Keeps the signed-in session's token fresh: a quarter of its lifetime before it expires it is
 * exchanged for a new one, which the store then holds (and other tabs pick up). A refused
 * refresh signs the viewer out; a failed one is retried while the token still lives.
 * Returns the function that stops it.
 */
export function keepSessionFresh(sessions: SessionStore, options: SessionRefreshOptions): () => void {
  const { refresh, now = () => Date.now(), refreshAfter = 0.75, retryMs = 5_000 } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const schedule = (at: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => (now() >= at ? void attempt() : schedule(at)), Math.min(Math.max(0, at - now()), MAX_TIMER_MS));
  };

  const plan = () => {
    clearTimeout(timer);
    const token = sessions.get()?.token;
    const lifetime = token ? tokenLifetime(token) : null;
    if (!lifetime) return;
    schedule(lifetime.issuedAt + (lifetime.expiresAt - lifetime.issuedAt) * refreshAfter);
  };

  const attempt = async () => {
    const session = sessions.get();
    if (!session || stopped) return;
    const outcome = await refresh(session.token);
    // Another tab, or a sign-out, may have changed the session meanwhile: that one wins.
    if (stopped || sessions.get()?.token !== session.token) return;
    if (outcome.kind === 'refreshed') return sessions.set(outcome.session);
    if (outcome.kind === 'rejected') return sessions.clear();
    const expiresAt = tokenLifetime(session.token)?.expiresAt ?? 0;
    if (now() + retryMs < expiresAt) schedule(now() + retryMs);
  };

  const unsubscribe = sessions.subscribe(plan);
  plan();
  return () => {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  };
}
