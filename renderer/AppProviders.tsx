import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePrefersDarkScheme } from './hooks/usePrefersDarkScheme';

/**
 * Fluent's Windows look (Segoe UI, web themes), light or dark as Windows is set.
 * No className here: Fluent copies it to every portal (dialogs, toasts), so sizing
 * the provider would make those full-window overlays.
 */
export function AppProviders({ children }: { children: ReactNode }) {
  const dark = usePrefersDarkScheme();
  return <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>{children}</FluentProvider>;
}
