/** An element, or how to find one once the screen has re-rendered (a row that comes back). */
export type FocusTarget = HTMLElement | null | (() => HTMLElement | null);

/**
 * Puts focus back after a dialog closes. Waits a frame so the dialog's focus trap
 * has let go, and falls back when the original element is gone (a deleted row).
 */
export function restoreFocus(target: FocusTarget, fallback?: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const usable = (el: HTMLElement | null | undefined): el is HTMLElement =>
      !!el && el.isConnected && !el.hasAttribute('disabled');
    const element = typeof target === 'function' ? target() : target;
    if (usable(element)) element.focus();
    else if (usable(fallback)) fallback.focus();
  });
}

/** The element that has focus now, to hand it back later; null when nothing in particular has it. */
export function currentFocus(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}
