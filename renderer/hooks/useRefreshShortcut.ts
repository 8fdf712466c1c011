import { useEffect, useEffectEvent } from 'react';

/** F5 and Ctrl+R reload the lists, as in Windows admin tools, instead of reloading the page. */
export function useRefreshShortcut(onRefresh: () => void): void {
  const refresh = useEffectEvent(onRefresh);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isF5 = event.key === 'F5' && !event.ctrlKey && !event.altKey;
      const isCtrlR = (event.key === 'r' || event.key === 'R') && event.ctrlKey && !event.shiftKey && !event.altKey;
      if (!isF5 && !isCtrlR) return;
      event.preventDefault();
      refresh();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
