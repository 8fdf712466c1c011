/**
 * Keyboard access for a single-select grid, as in a Windows list view: the rows are one
 * tab stop, the arrow keys, Home, End and the page keys move it, and Enter, Space or a
 * click choose a row. A row moved to may only render after the scroll it causes; it is
 * focused once it exists.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';
import type { VirtualRows } from './useVirtualRows';

export interface GridKeys {
  /** The row that is the tab stop: the selected one. */
  activeRow: number;
  /** Focus moved here with the keyboard. */
  onMove: (row: number) => void;
  /** Enter, Space or a click. */
  onChoose: (row: number) => void;
}

export interface GridRowProps {
  tabIndex: number;
  onClick: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLTableRowElement>) => void;
}

const PAGE = 10;

export function useGridKeys(
  grid: GridKeys | undefined,
  count: number,
  virtual: VirtualRows,
  scrollerRef: RefObject<HTMLElement | null>,
): ((row: number) => GridRowProps) | undefined {
  const pendingFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingFocus.current === null) return;
    const row = scrollerRef.current?.querySelector<HTMLTableRowElement>(`tr[data-index="${pendingFocus.current}"]`);
    if (!row) return;
    pendingFocus.current = null;
    row.focus();
  });
  if (!grid) return undefined;

  // When the active row is scrolled out of the rendered window, the first rendered row
  // stands in, so Tab never skips the table.
  const tabStop = virtual.indexes.includes(grid.activeRow) ? grid.activeRow : virtual.indexes[0];
  const focusRow = (row: number) => {
    pendingFocus.current = row;
    virtual.scrollToIndex(row);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, row: number) => {
    const last = count - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(row + 1, last),
      ArrowUp: Math.max(row - 1, 0),
      Home: 0,
      End: last,
      PageDown: Math.min(row + PAGE, last),
      PageUp: Math.max(row - PAGE, 0),
    };
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      grid.onChoose(row);
      focusRow(row);
      return;
    }
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    grid.onMove(next);
    focusRow(next);
  };

  return (row) => ({
    tabIndex: row === tabStop ? 0 : -1,
    onClick: () => {
      grid.onChoose(row);
      focusRow(row);
    },
    onKeyDown: (event) => onKeyDown(event, row),
  });
}
