import { ReactNode, useLayoutEffect, useState } from 'react';

/**
 * Mounts its children in one uninterrupted render.
 *
 * The app mounts a plugin page when its lazily loaded code arrives, as a
 * Suspense retry: a concurrent render that React throws away and starts
 * again whenever the app shell updates meanwhile (the sidebar's items, the
 * notifications badge, the snackbar provider do, several times while a page
 * loads). Each restart ran the page's render again from scratch, and with
 * it Material UI v4's style sheets, which are made during render: measured
 * on the production build, the fleet audit's page header was rendered
 * eight to twelve times before its data requests could leave.
 *
 * Here the first render draws nothing, and the state set in the layout
 * effect renders the children synchronously, before the browser paints,
 * which no other update can interrupt.
 */
export function SynchronousMount(props: { children: ReactNode }) {
  const [mounted, setMounted] = useState(false);
  useLayoutEffect(() => setMounted(true), []);
  return mounted ? <>{props.children}</> : null;
}
