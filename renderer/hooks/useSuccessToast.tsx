import { Toast, ToastTitle, useId, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';

/** A short confirmation ("Added 192.0.2.10 to Ethernet"); the Toaster also announces it to screen readers. */
export function useSuccessToast() {
  const toasterId = useId('success-toaster');
  const { dispatchToast } = useToastController(toasterId);
  const notify = useCallback(
    (message: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent: 'success', timeout: 5000, politeness: 'polite' },
      ),
    [dispatchToast],
  );
  return { toasterId, notify };
}
