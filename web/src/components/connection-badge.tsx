export type BadgeStatus = 'connecting' | 'live' | 'reconnecting' | 'offline' | 'failed';

const labels: Record<BadgeStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
  failed: 'Disconnected',
};

const explanations: Record<BadgeStatus, string> = {
  connecting: 'Opening the live connection.',
  live: 'Changes by anyone appear here as they happen.',
  reconnecting: 'The live connection dropped. Changes made meanwhile will appear once it is back.',
  offline: 'Your device is offline. Changes will appear once it is back online.',
  failed: 'The server refused your session. Sign in again to see changes as they happen.',
};

/** Always on screen: whether what you see is live. */
export function ConnectionBadge({ status, transport }: { status: BadgeStatus; transport: 'websocket' | 'sse' }) {
  const via = status === 'live' && transport === 'sse' ? ' (SSE)' : '';
  return (
    <span
      className={`badge badge--${status}`}
      role="status"
      aria-live="polite"
      title={explanations[status]}
      data-testid="connection-status"
      data-status={status}
    >
      <span className="badge__dot" aria-hidden="true" />
      {labels[status]}
      {via}
    </span>
  );
}
