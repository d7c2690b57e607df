import type { ReactNode } from 'react';
import { type BadgeStatus, ConnectionBadge } from './connection-badge';

export interface AppShellProps {
  userName: string | null;
  status: BadgeStatus;
  transport: 'websocket' | 'sse';
  /** The current route path, to mark the active tab. */
  path: string;
  onSignOut(): void;
  /** The notifications control, for a signed-in viewer. */
  notifications?: ReactNode;
  children: ReactNode;
}

function NavLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <a href={href} className={active ? 'nav__link nav__link--active' : 'nav__link'} aria-current={active ? 'page' : undefined}>
      {children}
    </a>
  );
}

export function AppShell({ userName, status, transport, path, onSignOut, notifications, children }: AppShellProps) {
  const section = path.startsWith('/blogs')
    ? 'blogs'
    : path.startsWith('/drafts')
      ? 'drafts'
      : path === '/' || path.startsWith('/recipes')
        ? 'recipes'
        : '';
  return (
    <div className="shell">
      <header className="topbar">
        <div className="topbar__inner">
          <a className="brand" href="#/">
            <span className="brand__mark" aria-hidden="true">
              ◐
            </span>
            Live Recipes
          </a>
          <ConnectionBadge status={status} transport={transport} />
          <div className="topbar__account">
            {userName ? (
              <>
                {notifications}
                <span className="topbar__user" data-testid="signed-in-as">
                  {userName}
                </span>
                <button type="button" className="button button--quiet" onClick={onSignOut}>
                  Sign out
                </button>
              </>
            ) : (
              <>
                <a className="button button--quiet" href="#/signin">
                  Sign in
                </a>
                <a className="button button--primary" href="#/signup">
                  Sign up
                </a>
              </>
            )}
          </div>
        </div>
        <nav className="nav" aria-label="Sections">
          <NavLink href="#/" active={section === 'recipes'}>
            Recipes
          </NavLink>
          <NavLink href="#/blogs" active={section === 'blogs'}>
            Blogs
          </NavLink>
          {userName && (
            <NavLink href="#/drafts" active={section === 'drafts'}>
              My drafts
            </NavLink>
          )}
        </nav>
      </header>
      <main className="page">{children}</main>
    </div>
  );
}
