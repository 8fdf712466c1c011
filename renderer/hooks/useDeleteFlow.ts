/**
 * Removing a row: ask first, then remove through the dispatcher. Focus goes back to
 * the row's Delete button when the removal failed or was cancelled; once the row is
 * gone, to the table's heading, the nearest stable place; after Undo, to the restored
 * row's Delete button, or the heading when the row is not on screen (scrolled away, filtered out).
 */
import { useState, type RefObject } from 'react';
import { restoreFocus } from '../focus';
import type { Dispatcher } from '../state/dispatcher';
import { aliasOf, deleteLabelOf, type AnycastRowView } from '../views/anycastRows';

interface PendingDelete {
  row: AnycastRowView;
  trigger: HTMLElement;
}

export function useDeleteFlow(dispatcher: Dispatcher, headingRef: RefObject<HTMLElement | null>) {
  const [pending, setPending] = useState<PendingDelete | null>(null);
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    if (!pending) return;
    const { row, trigger } = pending;
    const { address, interfaceLuid, interfaceIndex } = row.entry;
    setDeleting(true);
    const outcome = await dispatcher.remove({ address, interfaceLuid, interfaceIndex }, aliasOf(row), {
      onError: trigger,
      onWarning: headingRef.current,
      onUndone: () => restoreFocus(() => deleteButtonFor(deleteLabelOf(row)), headingRef.current),
    });
    setDeleting(false);
    setPending(null);
    if (outcome === 'removed') restoreFocus(headingRef.current);
  };

  const cancel = () => {
    restoreFocus(pending?.trigger ?? null, headingRef.current);
    setPending(null);
  };

  const request = (row: AnycastRowView, trigger: HTMLElement) => setPending({ row, trigger });

  return { row: pending?.row ?? null, deleting, request, confirm: () => void confirm(), cancel };
}

/** The row's Delete button, found by the name the anycast table gives it; null while the row is not rendered. */
function deleteButtonFor(name: string): HTMLElement | null {
  return [...document.querySelectorAll<HTMLElement>('button[aria-label]')].find((b) => b.getAttribute('aria-label') === name) ?? null;
}
