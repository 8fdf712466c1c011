import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { AppProviders } from '../../renderer/AppProviders';

/**
 * Renders inside the app's Fluent provider, with a user-event session. The
 * pointer-events check calls getComputedStyle up the tree on every click, which
 * jsdom makes slow with Fluent's many style rules; Fluent never uses pointer-events
 * to block these controls, so the check adds time, not coverage.
 */
export function renderWithProviders(ui: ReactElement) {
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  return { user, ...render(<AppProviders>{ui}</AppProviders>) };
}
