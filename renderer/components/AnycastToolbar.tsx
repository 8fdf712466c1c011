/**
 * Search and the bulk actions above the anycast table. The search box stays outside
 * the toolbar: a toolbar moves between its buttons with the arrow keys, which a text
 * box needs for itself.
 */
import { makeStyles, SearchBox, Toolbar, ToolbarButton, tokens } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import { AddSquareMultiple20Regular, ArrowDownload20Regular, History20Regular, Save20Regular } from '@fluentui/react-icons';

export type ToolbarCommand = 'bulk-add' | 'export' | 'saved-set' | 'audit-log';

const useStyles = makeStyles({
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { width: '280px' },
  toolbar: { padding: 0, gap: tokens.spacingHorizontalXS },
  // Regular weight, as in a Windows command bar; the semibold default reads as a row of primary actions.
  button: { fontWeight: tokens.fontWeightRegular },
});

interface AnycastToolbarProps {
  query: string;
  onQueryChange: (query: string) => void;
  onCommand: (command: ToolbarCommand, trigger: HTMLElement) => void;
}

export function AnycastToolbar({ query, onQueryChange, onCommand }: AnycastToolbarProps) {
  const styles = useStyles();
  const button = (command: ToolbarCommand, label: string, icon: ReactElement) => (
    <ToolbarButton appearance="subtle" className={styles.button} icon={icon} onClick={(event) => onCommand(command, event.currentTarget)}>
      {label}
    </ToolbarButton>
  );
  return (
    <div className={styles.bar}>
      <SearchBox
        className={styles.search}
        size="small"
        aria-label="Search anycast addresses"
        dismiss={{ 'aria-label': 'Clear the address search' }}
        placeholder="Search address, interface, MAC"
        value={query}
        onChange={(_, data) => onQueryChange(data.value)}
      />
      <Toolbar aria-label="Anycast address actions" size="small" className={styles.toolbar}>
        {button('bulk-add', 'Bulk add…', <AddSquareMultiple20Regular />)}
        {button('export', 'Export…', <ArrowDownload20Regular />)}
        {button('saved-set', 'Saved set…', <Save20Regular />)}
        {button('audit-log', 'Audit log', <History20Regular />)}
      </Toolbar>
    </div>
  );
}
