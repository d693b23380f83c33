import { SSR_STATE_ELEMENT_ID } from './app/ssr-state-id';

/**
 * The page's entry, kept tiny on purpose. A server-rendered page (src/entry-server.tsx) is already
 * in the HTML: it is painted first, and only then is the console's code run (evaluating it and
 * hydrating is a long task, which would otherwise delay the first paint when the scripts arrive
 * before the browser's first frame, as they do from the HTTP cache). A shell has nothing to paint,
 * so its code starts at once.
 */
const afterFirstPaint = () =>
  new Promise<void>((resolve) => {
    // A hidden tab draws no frames: nothing to wait for.
    if (document.visibilityState === 'hidden') return resolve();
    // The animation frame runs just before the frame is drawn; the task after it, once it is.
    requestAnimationFrame(() => setTimeout(resolve, 0));
  });

const serverRendered = document.getElementById(SSR_STATE_ELEMENT_ID) !== null;
void (serverRendered ? afterFirstPaint() : Promise.resolve())
  .then(() => import('./boot'))
  .then(({ boot }) => boot());
