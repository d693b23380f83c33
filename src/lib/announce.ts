/**
 * One polite live region for the whole page, created on first use: screen readers read what is put
 * in it (a state change, a copy that failed) without moving focus. A region that exists before its
 * text changes is announced reliably; one inserted together with its text often is not.
 */
let region: HTMLElement | undefined;

function liveRegion(): HTMLElement {
  if (region?.isConnected) return region;
  region = document.createElement('div');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('role', 'status');
  region.dataset.testid = 'announcer';
  // Visually hidden, still read.
  Object.assign(region.style, {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: '0',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: '0',
  });
  document.body.append(region);
  return region;
}

export function announce(message: string): void {
  const target = liveRegion();
  // The same text twice in a row is read again only if the region changes in between.
  target.textContent = '';
  setTimeout(() => {
    target.textContent = message;
  }, 50);
}
