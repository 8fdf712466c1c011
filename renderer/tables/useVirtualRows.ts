/**
 * Row virtualisation for the app's tables. Large lists render only the rows in view,
 * with spacer rows above and below keeping the scroll height, so the table stays a
 * real <table> (headers, aria-rowindex) rather than a pile of positioned divs.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';

/** Below this many rows plain rendering is cheap and simplest for every browser feature (find, print, focus). */
export const VIRTUALIZE_ABOVE = 200;

interface VirtualRowsOptions {
  count: number;
  scrollerRef: RefObject<HTMLElement | null>;
  /** The fixed row height, or the first guess when rows are measured. */
  rowHeight: number;
  /** The sticky header sits inside the scroller, above the first row. */
  headerHeight: number;
  enabled: boolean;
  /** Rows whose height depends on their text (wrapped reasons) are measured as they render. */
  measured?: boolean;
}

export interface VirtualRows {
  /** Indexes to render, in order. */
  indexes: number[];
  padTop: number;
  padBottom: number;
  /** Pass as `ref` with `data-index` on each row when `measured`. */
  measureRow: ((node: Element | null) => void) | undefined;
  scrollToIndex: (index: number) => void;
}

export function useVirtualRows({ count, scrollerRef, rowHeight, headerHeight, enabled, measured = false }: VirtualRowsOptions): VirtualRows {
  const virtualizer = useVirtualizer({
    count,
    enabled,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    paddingStart: headerHeight,
    // The sticky header covers the top of the scroller; keep a row scrolled to from hiding under it.
    scrollPaddingStart: headerHeight,
    overscan: 12,
    // Until the scroller is measured (and where it never is, as in jsdom), assume a typical window.
    initialRect: { width: 800, height: 600 },
  });

  if (!enabled) {
    return { indexes: Array.from({ length: count }, (_, i) => i), padTop: 0, padBottom: 0, measureRow: undefined, scrollToIndex: () => {} };
  }
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  return {
    indexes: items.map((item) => item.index),
    padTop: first ? first.start - headerHeight : 0,
    padBottom: last ? Math.max(0, virtualizer.getTotalSize() - last.end) : 0,
    measureRow: measured ? virtualizer.measureElement : undefined,
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
