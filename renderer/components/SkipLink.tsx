import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode, RefObject } from 'react';

const useStyles = makeStyles({
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 10,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow8,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

/**
 * Hidden until focused. Moves focus directly instead of following a #hash, since
 * main blocks navigation and the page has no routes.
 */
export function SkipLink({ target, children }: { target: RefObject<HTMLElement | null>; children: ReactNode }) {
  const styles = useStyles();
  // In a landmark of its own, so that no content sits outside one (axe "region").
  return (
    <nav aria-label="Skip link">
      <Link
        href="#"
        className={styles.link}
        onClick={(event) => {
          event.preventDefault();
          target.current?.focus();
        }}
      >
        {children}
      </Link>
    </nav>
  );
}
