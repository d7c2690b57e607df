import { useEffect, useMemo, useRef } from 'react';
import { Provider } from 'urql';
import { AppShell } from '../components/app-shell';
import { SessionRefresh } from '../features/auth/session-refresh';
import { LiveUpdates } from '../features/live/live-updates';
import { NotificationsLink } from '../features/notifications/notifications';
import { createAppClient } from '../graphql/client';
import { createLiveStateStore, useLiveState } from '../graphql/live/live-state';
import { NewItemsContext } from '../lib/new-items';
import { recentChanges } from '../lib/recent-changes';
import { useLocation } from '../lib/router';
import { SessionContext, type SessionStore, useSession, useSessionStore } from '../lib/session';
import { Routes } from './routes';

export interface AppProps {
  sessions: SessionStore;
  /** The server's origin; the page's own in production and behind Vite's proxy. */
  origin: string;
}

export function App({ sessions, origin }: AppProps) {
  return (
    <SessionContext.Provider value={sessions}>
      <ClientScope origin={origin} />
    </SessionContext.Provider>
  );
}

function ClientScope({ origin }: { origin: string }) {
  const session = useSession();
  const sessions = useSessionStore();
  const token = session?.token ?? null;
  const viewerId = session?.user.id ?? null;
  const liveState = useMemo(() => createLiveStateStore(), []);
  // A new client (and cache, and socket) per viewer: one viewer's drafts never linger for the next.
  const appClient = useMemo(
    () =>
      createAppClient({
        origin,
        token: () => sessions.get()?.token ?? null,
        onLiveState: (state) => liveState.set(state),
        onAuthRejected: () => sessions.clear(),
        onLiveChange: (id) => recentChanges.mark(id),
        viewerId,
      }),
    [origin, viewerId, liveState, sessions],
  );
  useEffect(() => {
    // A new client starts its own connection: show its state, not the last client's.
    liveState.set(appClient.liveState());
    return () => appClient.dispose();
  }, [appClient, liveState]);
  // The same viewer with a refreshed token: the live connection moves over to it, resuming from its cursors.
  const connectedToken = useRef(token);
  useEffect(() => {
    if (connectedToken.current === token) return;
    connectedToken.current = token;
    if (token) appClient.reauthenticate();
  }, [appClient, token]);
  const live = useLiveState(liveState);
  const location = useLocation();

  return (
    <Provider value={appClient.client}>
      <NewItemsContext.Provider value={appClient.newItems}>
        <LiveUpdates />
        <SessionRefresh />
        <AppShell
          userName={session?.user.name ?? null}
          status={live.status}
          transport={live.transport}
          path={location.path}
          onSignOut={() => sessions.clear()}
          notifications={<NotificationsLink active={location.path === '/notifications'} />}
        >
          <Routes location={location} />
        </AppShell>
      </NewItemsContext.Provider>
    </Provider>
  );
}
