import { createContext, useCallback, useContext, useEffect, useMemo, useState, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

// A small history router: the app lives under one base path (/dashboard or /portal) and reads
// the rest of the path itself. Links are real anchors, so they open in new tabs and are
// reachable by keyboard.

interface RouterState {
  base: string;
  path: string;
  search: URLSearchParams;
  navigate: (to: string, options?: { replace?: boolean }) => void;
}

const RouterContext = createContext<RouterState | undefined>(undefined);

function currentPath(base: string): string {
  const path = window.location.pathname.slice(base.length) || '/';
  return path.startsWith('/') ? path.replace(/\/+$/, '') || '/' : `/${path}`;
}

export function Router({ base, children }: { base: string; children: ReactNode }) {
  const [location, setLocation] = useState(() => ({ path: currentPath(base), search: window.location.search }));

  useEffect(() => {
    const update = () => setLocation({ path: currentPath(base), search: window.location.search });
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, [base]);

  const navigate = useCallback(
    (to: string, options: { replace?: boolean } = {}) => {
      const url = `${base}${to}`;
      if (options.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
      setLocation({ path: currentPath(base), search: window.location.search });
      window.scrollTo({ top: 0 });
    },
    [base],
  );

  const value = useMemo(() => ({ base, path: location.path, search: new URLSearchParams(location.search), navigate }), [base, location, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export function useRouter(): RouterState {
  const router = useContext(RouterContext);
  if (!router) throw new Error('useRouter outside <Router>');
  return router;
}

/** Matches `/organizations/:id` against the current path; returns the parameters or undefined. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const regex = new RegExp(
    `^${pattern.replace(/\/:(\w+)/g, (_match, name: string) => {
      names.push(name);
      return '/([^/]+)';
    })}/?$`,
  );
  const found = regex.exec(path);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]));
}

export function Link({ to, children, ...rest }: { to: string; children: ReactNode } & Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>) {
  const { base, navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} href={`${base}${to}`} onClick={onClick}>
      {children}
    </a>
  );
}
