import type { ReactNode } from 'react';

export function Notice({ tone, title, children }: { tone: 'error' | 'info' | 'warning'; title?: string; children?: ReactNode }) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong className="notice__title">{title}</strong>}
      {children && <div>{children}</div>}
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="loading" aria-busy="true">
      {label}
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <p className="empty__title">{title}</p>
      {children}
    </div>
  );
}

/**
 * What a page shows instead of its item: loading, a failed load, or the item gone (deleted,
 * hidden, or a wrong link). Null once there is an item to show.
 */
export function ItemFallback({
  loading,
  failure,
  noun,
  children,
}: {
  loading: boolean;
  /** The load failed and nothing is cached: what went wrong. */
  failure: { summary: string | null } | null;
  /** `recipe`, `post` */
  noun: string;
  /** Under "This … is gone.": why, and where to go instead. */
  children?: ReactNode;
}) {
  if (loading) return <Loading />;
  if (failure) {
    return (
      <Notice tone="error" title={`This ${noun} could not be loaded.`}>
        {failure.summary}
      </Notice>
    );
  }
  return (
    <Notice tone="info" title={`This ${noun} is gone.`}>
      {children}
    </Notice>
  );
}
