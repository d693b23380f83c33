import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';

/**
 * Renders only the table rows near the viewport, with spacer rows for the rest, so a 1,000-row
 * page paints and scrolls without long tasks. Loaded only when a page is that large.
 */
export function VirtualRows({
  count,
  renderRow,
}: {
  count: number;
  renderRow: (index: number, ref: Ref<HTMLTableRowElement>) => ReactNode;
}) {
  const anchor = useRef<HTMLTableRowElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    if (anchor.current) setTop(anchor.current.getBoundingClientRect().top + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => 53,
    overscan: 10,
    scrollMargin: top,
  });
  const items = virtualizer.getVirtualItems();
  const before = (items[0]?.start ?? top) - top;
  const after = virtualizer.getTotalSize() - ((items.at(-1)?.end ?? top) - top);
  return (
    <>
      <tr ref={anchor} aria-hidden style={{ height: before }} />
      {items.map((item) => renderRow(item.index, virtualizer.measureElement))}
      <tr aria-hidden style={{ height: after }} />
    </>
  );
}

export default VirtualRows;
