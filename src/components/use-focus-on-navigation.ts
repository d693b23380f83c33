import { useEffect, type RefObject } from 'react';
import { useLocation } from 'wouter';

/** The path whose heading last took focus; undefined until the first page has rendered. */
let focusedFor: string | undefined;
/** The heading focused last, to hand focus on when it is replaced (a loading frame, then the page). */
let focusedHeading: HTMLElement | undefined;

/**
 * After a client-side navigation, focus goes to the new page's heading (as a screen reader user
 * expects from a page load), not to <body>. The first page of a visit is left alone; a heading that
 * replaces the same page's loading heading takes the focus over when the old one had it.
 */
export function useFocusOnNavigation(heading: RefObject<HTMLElement | null>) {
  const [path] = useLocation();
  useEffect(() => {
    const element = heading.current;
    if (!element) return;
    if (focusedFor === undefined) {
      focusedFor = path;
      return;
    }
    const handOver =
      focusedHeading !== undefined &&
      !focusedHeading.isConnected &&
      (document.activeElement === document.body || document.activeElement === null);
    if (focusedFor !== path || handOver) {
      focusedFor = path;
      focusedHeading = element;
      element.focus();
    }
  }, [path, heading]);
}
