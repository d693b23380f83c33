import { onDemandPart } from '../lib/lazy-component';

/**
 * An API failure in place of the data it stopped (src/components/error-panel-content.tsx). Loaded
 * when first shown: a page that loads fine never needs it, and its guidance, icons and alert are
 * not part of the list's first JavaScript (issue 19).
 */
export const ErrorPanel = onDemandPart(() => import('./error-panel-content').then((m) => m.ErrorPanel));
