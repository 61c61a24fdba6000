import { lazy, ReactNode, Suspense, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { SynchronousMount } from './SynchronousMount';

/*
 * The app shell updating while a page mounts, on a real concurrent root
 * (not act(), which renders without yielding). As in the app, the page's
 * code loads lazily and React mounts it as a Suspense retry once it has
 * arrived; the page's first part asks the shell to update from a timer,
 * which fires at the render's first yield.
 */
let updateShell = () => {};
function Shell(props: { page: ReactNode }) {
  const [updates, setUpdates] = useState(0);
  updateShell = () => setUpdates(n => n + 1);
  return (
    <>
      <p>shell updated {updates} times</p>
      <Suspense fallback={<p>loading</p>}>{props.page}</Suspense>
    </>
  );
}

function busyFor(ms: number) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

let renders: number[] = [];
let shellUpdateAsked = false;
/** A part of the page that takes long enough to render for React to yield. */
function SlowPart(props: { index: number }) {
  renders.push(props.index);
  busyFor(8);
  if (!shellUpdateAsked) {
    shellUpdateAsked = true;
    setTimeout(() => updateShell(), 0);
  }
  return <span>part {props.index}</span>;
}

const PARTS = [0, 1, 2, 3, 4];
const parts = PARTS.map(index => <SlowPart key={index} index={index} />);

async function mountWhileTheShellUpdates(page: ReactNode) {
  const container = document.createElement('div');
  const root = createRoot(container);
  const deadline = Date.now() + 5000;
  const until = async (done: () => boolean) => {
    while (!done()) {
      if (Date.now() > deadline) throw new Error(container.innerHTML);
      await new Promise(resolve => setTimeout(resolve, 10));
    }
  };
  type PageModule = { default: () => JSX.Element };
  let loaded = (_: PageModule) => {};
  const LazyPage = lazy(
    () => new Promise<PageModule>(resolve => (loaded = resolve)),
  );
  root.render(<Shell page={<LazyPage />} />);
  await until(() => container.textContent!.endsWith('loading'));
  loaded({ default: () => <>{page}</> });
  await until(
    () =>
      container.textContent!.includes('updated 1 times') &&
      container.querySelectorAll('span').length === PARTS.length,
  );
  root.unmount();
}

describe('SynchronousMount', () => {
  const actEnvironment = (globalThis as any).IS_REACT_ACT_ENVIRONMENT;
  beforeEach(() => {
    (globalThis as any).IS_REACT_ACT_ENVIRONMENT = false;
    renders = [];
    shellUpdateAsked = false;
  });
  afterEach(() => {
    (globalThis as any).IS_REACT_ACT_ENVIRONMENT = actEnvironment;
  });

  it('renders each part of a lazily loaded page once while the app shell updates', async () => {
    await mountWhileTheShellUpdates(
      <SynchronousMount>{parts}</SynchronousMount>,
    );
    expect(renders).toEqual(PARTS);
  });

  it('(without it, the shell update restarts the page render)', async () => {
    await mountWhileTheShellUpdates(parts);
    expect(renders.length).toBeGreaterThan(PARTS.length);
  });
});
