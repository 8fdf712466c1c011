import {
  Link,
  makeStaticStyles,
  Toast,
  ToastBody,
  ToastTitle,
  useId,
  useToastController,
  type ToasterProps,
} from '@fluentui/react-components';
import { useCallback, useRef } from 'react';
import type { ToastAction } from '../state/dispatcher';

/** Long enough to notice a mistake and reach the button, short enough not to linger. */
const UNDO_TOAST_MS = 10_000;

/** Moves focus into the newest toast (and pauses it), so its action is reachable without a mouse. */
export const TOAST_FOCUS_SHORTCUT = { label: 'Ctrl+M', matches: (e: KeyboardEvent) => e.ctrlKey && e.key.toLowerCase() === 'm' };

let toastCount = 0;

const TOASTER_CLASS = 'anycast-toaster';

/**
 * A toast never draws over a modal: Fluent puts both in portals at the same z-index, so
 * the one mounted last wins. While a modal is open the toasts are hidden (their timers
 * and announcements go on), and they show again when it closes.
 */
const useModalHidesToasts = makeStaticStyles({
  [`body:has([aria-modal="true"]) .${TOASTER_CLASS}`]: { visibility: 'hidden' },
});

/**
 * A short confirmation ("Added 192.0.2.10 to Ethernet"), optionally with one action
 * such as Undo, or a warning about something that worked only in part; the Toaster
 * also announces it to screen readers.
 */
export function useSuccessToast() {
  useModalHidesToasts();
  const toasterId = useId('success-toaster');
  const { dispatchToast, dismissToast } = useToastController(toasterId);
  // The last toast without an action: a newer message replaces it rather than stacking.
  const lastPlain = useRef<string | null>(null);
  const show = useCallback(
    (intent: 'success' | 'warning', message: string, action?: ToastAction) => {
      const toastId = `toast-${++toastCount}`;
      if (lastPlain.current) dismissToast(lastPlain.current);
      lastPlain.current = action ? null : toastId;
      const act = action && (
        <Link
          onClick={() => {
            dismissToast(toastId);
            action.onClick();
          }}
        >
          {action.label}{' '}
        </Link>
      );
      dispatchToast(
        <Toast>
          {/* The spaces do not show, but the live region reads the toast's text as one string. */}
          <ToastTitle action={act}>
            {message}{' '}
          </ToastTitle>
          {action && <ToastBody>Press {TOAST_FOCUS_SHORTCUT.label} to reach {action.label}.</ToastBody>}
        </Toast>,
        {
          toastId,
          intent,
          // A warning is longer to read, and says something to act on.
          timeout: action || intent === 'warning' ? UNDO_TOAST_MS : 5000,
          politeness: 'polite',
          pauseOnHover: true,
          pauseOnWindowBlur: true,
        },
      );
    },
    [dispatchToast, dismissToast],
  );
  const notify = useCallback((message: string, action?: ToastAction) => show('success', message, action), [show]);
  const warn = useCallback((message: string) => show('warning', message), [show]);
  /**
   * At most two at once (an Undo and the newest message), at the top centre: clear of the
   * table's Delete buttons on the right and of the form's Add on the left.
   */
  const toasterProps: ToasterProps = {
    toasterId,
    className: TOASTER_CLASS,
    position: 'top',
    offset: { vertical: 8 },
    limit: 2,
    pauseOnHover: true,
    pauseOnWindowBlur: true,
    shortcuts: { focus: TOAST_FOCUS_SHORTCUT.matches },
  };
  return { toasterProps, notify, warn };
}
