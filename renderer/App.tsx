import { useEffect, useState } from 'react';
import { onEvent } from './api';
import { LibraryScreen } from './screens/Library';
import { LibraryHealth } from './screens/LibraryHealth';
import { WorkspaceScreen } from './screens/Workspace';

/** `find`: text to show highlighted in the opened document (a library search hit). */
type Route = { screen: 'library' } | { screen: 'issue'; issueId: string; documentId?: string; find?: string };

/** The route lives in the URL hash so a reload comes back to the same issue and document. */
function readRoute(): Route {
  const m = /^#\/issue\/([^/]+)(?:\/doc\/([^/]+))?(?:\/find\/([^/]+))?/.exec(location.hash);
  if (!m) return { screen: 'library' };
  return { screen: 'issue', issueId: decodeURIComponent(m[1]), documentId: m[2] ? decodeURIComponent(m[2]) : undefined, find: m[3] ? decodeURIComponent(m[3]) : undefined };
}

export function navigate(route: Route): void {
  const hash =
    route.screen === 'library'
      ? '#/'
      : `#/issue/${encodeURIComponent(route.issueId)}${route.documentId ? `/doc/${encodeURIComponent(route.documentId)}` : ''}${route.documentId && route.find ? `/find/${encodeURIComponent(route.find)}` : ''}`;
  if (location.hash !== hash) history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
  window.dispatchEvent(new Event('gazette:navigate'));
}

export function App() {
  const [route, setRoute] = useState<Route>(readRoute);
  useEffect(
    () =>
      onEvent((event) => {
        if (event.channel !== 'menu.command') return;
        const command = (event.payload as { command?: string })?.command ?? '';
        if (command === 'library') navigate({ screen: 'library' });
        window.dispatchEvent(new CustomEvent('gazette:menu', { detail: command }));
      }),
    [],
  );
  useEffect(() => {
    const update = () => setRoute(readRoute());
    window.addEventListener('hashchange', update);
    window.addEventListener('gazette:navigate', update);
    return () => {
      window.removeEventListener('hashchange', update);
      window.removeEventListener('gazette:navigate', update);
    };
  }, []);
  return (
    <>
      <LibraryHealth />
      {route.screen === 'issue' ? <WorkspaceScreen key={route.issueId} issueId={route.issueId} documentId={route.documentId} find={route.find} /> : <LibraryScreen />}
    </>
  );
}
