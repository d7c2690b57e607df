import { useSyncExternalStore } from 'react';

/**
 * Hash routing (`#/recipes/abc?tag=soup`): the server's static handler needs no rewrite rules,
 * Vite's dev server neither, and a reload lands on the same page. Small enough not to need a library.
 */
export interface Location {
  path: string;
  query: URLSearchParams;
}

function currentHash(): string {
  return window.location.hash.replace(/^#/, '') || '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function parseLocation(hash: string): Location {
  const [path = '/', search = ''] = hash.split('?');
  return { path: path || '/', query: new URLSearchParams(search) };
}

/** The current route; components re-render when it changes. */
export function useLocation(): Location {
  const hash = useSyncExternalStore(subscribe, currentHash, () => '/');
  return parseLocation(hash);
}

export function hrefTo(path: string, query?: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) if (value) params.set(name, value);
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

export function navigate(path: string, query?: Record<string, string | null | undefined>, options: { replace?: boolean } = {}): void {
  const href = hrefTo(path, query);
  if (options.replace) {
    window.history.replaceState(null, '', href);
    // replaceState does not fire hashchange; tell the subscribers ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = href;
  }
}

/** Matches `/recipes/:id` against `/recipes/UmVjaXBl`; returns the decoded parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const have = path.split('/');
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index] ?? '';
    if (part.startsWith(':')) {
      if (!actual) return null;
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}
