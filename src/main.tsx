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
    // A hidden tab draws no frames (and one hidden before its first frame draws none): no waiting.
    if (document.visibilityState === 'hidden') return resolve();
    document.addEventListener('visibilitychange', () => resolve(), { once: true });
    // The animation frame runs just before the frame is drawn; the task after it, once it is.
    requestAnimationFrame(() => setTimeout(resolve, 0));
    // However the frames go, the page answers clicks within a second.
    setTimeout(resolve, 1000);
  });

/**
 * The console's code did not load (offline, a deploy replaced the files): the page stays as the
 * server drew it, so say so, in plain elements (React is what failed to load), with a way out.
 */
function showLoadFailure(error: unknown) {
  console.error('The console could not load its code:', error);
  delete document.documentElement.dataset.hydrated;
  const notice = document.createElement('div');
  notice.setAttribute('role', 'alert');
  notice.style.cssText =
    'position:fixed;inset:auto 0 0 0;padding:12px 16px;background:#fdeded;color:#5f2120;font:14px system-ui,sans-serif;border-top:1px solid #d32f2f';
  notice.textContent = 'The console could not load its code, so this page does not respond. ';
  const reload = document.createElement('button');
  reload.type = 'button';
  reload.textContent = 'Reload';
  reload.addEventListener('click', () => window.location.reload());
  notice.append(reload);
  document.body.append(notice);
}

const serverRendered = document.getElementById(SSR_STATE_ELEMENT_ID) !== null;
void (serverRendered ? afterFirstPaint() : Promise.resolve())
  .then(() => import('./boot'))
  .then(({ boot }) => boot())
  .catch(showLoadFailure);
