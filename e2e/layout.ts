import { expect, type Locator, type Page } from '@playwright/test';

export const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

export interface Overlap {
  a: string;
  b: string;
  area: number;
}

/**
 * What is drawn, not what is in the DOM: every visible text node's line boxes (Range.getClientRects),
 * clipped by each ancestor that hides its overflow, compared pairwise. Two different texts whose
 * clipped boxes cross by more than `tolerance` px in both directions are drawn over each other.
 * Also returns how wide the document is against the window.
 */
export async function measureLayout(page: Page, tolerance = 3) {
  return page.evaluate((tol) => {
    interface Box {
      left: number;
      top: number;
      right: number;
      bottom: number;
    }
    const clip = (a: Box, b: Box): Box => ({
      left: Math.max(a.left, b.left),
      top: Math.max(a.top, b.top),
      right: Math.min(a.right, b.right),
      bottom: Math.min(a.bottom, b.bottom),
    });
    const clipsOverflow = (el: Element) => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || style.overflowY !== 'visible';
    };
    const texts: { text: string; boxes: Box[] }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('script,style,option,datalist,title,noscript')) continue;
      if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes: Box[] = [];
      for (const rect of range.getClientRects()) {
        let box: Box = { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
        for (let el: Element | null = parent; el && el !== document.documentElement; el = el.parentElement) {
          if (clipsOverflow(el)) box = clip(box, el.getBoundingClientRect());
        }
        // Text moved out of sight on purpose (a visually hidden prefix, a skip link) is not drawn.
        if (box.right + window.scrollX < 0 || box.bottom + window.scrollY < 0) continue;
        if (box.right - box.left > 0.5 && box.bottom - box.top > 0.5) boxes.push(box);
      }
      if (boxes.length) texts.push({ text: text.slice(0, 60), boxes });
    }
    const overlaps: { a: string; b: string; area: number }[] = [];
    for (let i = 0; i < texts.length; i++)
      for (let j = i + 1; j < texts.length; j++)
        for (const p of texts[i]!.boxes)
          for (const q of texts[j]!.boxes) {
            const x = clip(p, q);
            const w = x.right - x.left;
            const h = x.bottom - x.top;
            if (w > tol && h > tol) overlaps.push({ a: texts[i]!.text, b: texts[j]!.text, area: w * h });
          }
    // Tables against the box they are drawn in: the nearest ancestor that clips or scrolls sideways
    // (else the parent). A box that scrolls sideways (overflow-x auto or scroll) was made to: a table
    // cut by a box that hides its overflow, or spilling out of one that does not clip, was not.
    // (Reaching a scroll box by keyboard is axe's check: scrollable-region-focusable.)
    const tables = [...document.querySelectorAll('table')]
      .filter((table) => table.checkVisibility())
      .map((table) => {
        let box: HTMLElement = table.parentElement!;
        for (
          let el: HTMLElement | null = table.parentElement;
          el && el !== document.body;
          el = el.parentElement
        ) {
          if (getComputedStyle(el).overflowX !== 'visible') {
            box = el;
            break;
          }
        }
        const style = getComputedStyle(box);
        const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const scrollsOnPurpose = ['auto', 'scroll'].includes(style.overflowX);
        const name =
          table.getAttribute('aria-label') ??
          table.querySelector('caption')?.textContent ??
          box.getAttribute('aria-label') ??
          table.querySelector('th')?.textContent ??
          '';
        return {
          name: name.slice(0, 60),
          width: Math.round(table.getBoundingClientRect().width),
          box: Math.round(inner),
          overflow: Math.round(table.getBoundingClientRect().width - inner),
          scrollsOnPurpose,
        };
      });
    return {
      overlaps,
      tables,
      textCount: texts.length,
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  }, tolerance);
}

type MeasuredTable = Awaited<ReturnType<typeof measureLayout>>['tables'][number];

/**
 * Tables that do not fit where they should, as "name width/box" (an empty list when all is well).
 * From 1280 px up every table fits its box, but those named in `scrollsAtDesktop` (tables of many
 * metrics that scroll in their own box by design); on a phone a table wider than the window is
 * allowed only inside a box that scrolls sideways. A pixel is left for rounding.
 */
export function misfitTables(
  tables: MeasuredTable[],
  viewportWidth: number,
  scrollsAtDesktop: string[] = [],
): string[] {
  return tables
    .filter((table) => table.overflow > 1)
    .filter((table) =>
      viewportWidth >= 1280 ? !scrollsAtDesktop.includes(table.name) : !table.scrollsOnPurpose,
    )
    .map((table) => `${table.name} ${table.width}/${table.box}`);
}

/**
 * The page as drawn now: more than a few texts (it is really there), none over another, no sideways
 * page, every table in its box (misfitTables). Soft, so one run names every page and width that is
 * wrong; `where` says which.
 */
export async function expectLaidOut(
  page: Page,
  where: string,
  viewportWidth: number,
  scrollsAtDesktop: string[] = [],
) {
  const layout = await measureLayout(page);
  expect.soft(layout.textCount, where).toBeGreaterThan(10);
  expect.soft(layout.overlaps, where).toEqual([]);
  expect.soft(layout.scrollWidth, where).toBeLessThanOrEqual(layout.innerWidth);
  expect.soft(misfitTables(layout.tables, viewportWidth, scrollsAtDesktop), where).toEqual([]);
}

/** A page to walk: where it is, and what shows once it has rendered. */
export interface LayoutTarget {
  name: string;
  url: string;
  ready: Locator;
}

/**
 * Each page at each of VIEWPORTS, checked by expectLaidOut; `afterSize` runs once a size's pages
 * are done (a check of its own at that size).
 */
export async function expectPagesLaidOut(
  page: Page,
  targets: LayoutTarget[],
  colorScheme: 'light' | 'dark',
  {
    readyTimeout,
    scrollsAtDesktop = [],
    afterSize,
  }: {
    readyTimeout?: number;
    scrollsAtDesktop?: string[];
    afterSize?: (viewport: (typeof VIEWPORTS)[number]) => Promise<void>;
  } = {},
) {
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize(viewport);
    for (const target of targets) {
      await page.goto(target.url);
      await expect(target.ready).toBeVisible(readyTimeout ? { timeout: readyTimeout } : undefined);
      const where = `${target.name} at ${viewport.width}×${viewport.height} (${colorScheme})`;
      await expectLaidOut(page, where, viewport.width, scrollsAtDesktop);
    }
    await afterSize?.(viewport);
  }
}
