import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * The large dialogs (bulk add, saved set, audit log) share one shape: a tall surface
 * whose table scrolls inside it, so the title and the buttons always stay in view.
 */
export const useLargeDialogStyles = makeStyles({
  surface: {
    width: 'min(1040px, calc(100vw - 48px))',
    maxWidth: 'none',
    height: 'min(720px, calc(100vh - 48px))',
    display: 'flex',
    flexDirection: 'column',
  },
  /** Grows with its rows up to the same limit, for lists that are usually short. */
  // fit-content, not auto: the surface is fixed with top and bottom at 0, where auto fills the window.
  fitContent: { height: 'fit-content', maxHeight: 'min(720px, calc(100vh - 48px))' },
  body: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  content: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, overflow: 'hidden' },
  actions: { alignItems: 'center', justifyContent: 'flex-end' },
});
