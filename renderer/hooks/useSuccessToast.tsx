import { Link, Toast, ToastBody, ToastTitle, useId, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ToastAction } from '../state/dispatcher';

/** Long enough to notice a mistake and reach the button, short enough not to linger. */
const UNDO_TOAST_MS = 10_000;

/** Moves focus into the newest toast (and pauses it), so its action is reachable without a mouse. */
export const TOAST_FOCUS_SHORTCUT = { label: 'Ctrl+M', matches: (e: KeyboardEvent) => e.ctrlKey && e.key.toLowerCase() === 'm' };

let toastCount = 0;

/**
 * A short confirmation ("Added 192.0.2.10 to Ethernet"), optionally with one action
 * such as Undo, or a warning about something that worked only in part; the Toaster
 * also announces it to screen readers.
 */
export function useSuccessToast() {
  const toasterId = useId('success-toaster');
  const { dispatchToast, dismissToast } = useToastController(toasterId);
  const show = useCallback(
    (intent: 'success' | 'warning', message: string, action?: ToastAction) => {
      const toastId = `toast-${++toastCount}`;
      const act = action && (
        <Link
          onClick={() => {
            dismissToast(toastId);
            action.onClick();
          }}
        >
          {action.label}
        </Link>
      );
      dispatchToast(
        <Toast>
          <ToastTitle action={act}>{message}</ToastTitle>
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
  return { toasterId, notify, warn };
}
