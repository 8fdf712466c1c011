/** One row of the anycast table, and its More actions menu. */
import { Badge, Button, makeStyles, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, TableCell, TableRow, tokens } from '@fluentui/react-components';
import { Copy20Regular, Delete20Regular, DocumentCopy20Regular, MoreHorizontal20Regular } from '@fluentui/react-icons';
import { memo, useState } from 'react';
import { FAMILY_LABEL } from '../format';
import { sameRowProps, type VirtualRowProps } from '../tables/VirtualTable';
import { aliasOf, deleteLabelOf, type AnycastRowView, type CopyWhat } from '../views/anycastRows';

/** Where the form and the table share a narrow window (1024 px and the like). */
export const NARROW = '@media (max-width: 1199px)';

const useStyles = makeStyles({
  address: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  ellipsis: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  number: { fontVariantNumeric: 'tabular-nums' },
  // Beside the form on a small screen the Delete button shows its icon alone (its name stays), so Interface keeps some room.
  deleteText: { [NARROW]: { display: 'none' } },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

export interface AnycastRowProps {
  row: AnycastRowView;
  rowProps: VirtualRowProps;
  onDelete: (row: AnycastRowView, trigger: HTMLElement) => void;
  onCopy: ((row: AnycastRowView, what: CopyWhat) => void) | undefined;
}

/**
 * One entry's row. Memoised: scrolling 10,000 rows renders only the rows coming into view,
 * not every row in view again (the goal: p95 frame time under 20 ms while scrolling).
 */
export const AnycastRow = memo(
  function AnycastRow({ row, rowProps, onDelete, onCopy }: AnycastRowProps) {
    const styles = useStyles();
    return (
      <TableRow {...rowProps}>
        <TableCell className={styles.address} title={row.entry.address}>
          {row.entry.address}
        </TableCell>
        <TableCell>
          <Badge appearance="tint" color="brand" size="small" shape="rounded">
            {FAMILY_LABEL[row.entry.family]}
          </Badge>
        </TableCell>
        <TableCell className={styles.ellipsis} title={`${aliasOf(row)} (index ${row.entry.interfaceIndex})`}>
          {aliasOf(row)} <span className={styles.muted}>(index {row.entry.interfaceIndex})</span>
        </TableCell>
        <TableCell className={styles.number}>{row.entry.scopeId}</TableCell>
        <TableCell>
          <span className={styles.actions}>
            <Button
              size="small"
              appearance="subtle"
              icon={<Delete20Regular />}
              aria-label={deleteLabelOf(row)}
              onClick={(event) => onDelete(row, event.currentTarget)}
            >
              <span className={styles.deleteText}>Delete</span>
            </Button>
            {onCopy && <MoreActions row={row} onCopy={onCopy} />}
          </span>
        </TableCell>
      </TableRow>
    );
  },
  (a, b) => a.row === b.row && a.onDelete === b.onDelete && a.onCopy === b.onCopy && sameRowProps(a.rowProps, b.rowProps),
);

/**
 * Copy actions stay in a menu so each row keeps one visible button. The Menu is made on
 * the first opening: a closed Menu in each of the rows in view costs every scroll step.
 */
function MoreActions({ row, onCopy }: { row: AnycastRowView; onCopy: (row: AnycastRowView, what: CopyWhat) => void }) {
  const [open, setOpen] = useState<boolean | null>(null);
  const trigger = (
    <Button
      size="small"
      appearance="subtle"
      icon={<MoreHorizontal20Regular />}
      aria-label={`More actions for ${row.entry.address} on ${aliasOf(row)}`}
      {...(open === null && { 'aria-haspopup': 'menu' as const, onClick: () => setOpen(true) })}
    />
  );
  if (open === null) return trigger;
  return (
    <Menu positioning="below-end" open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<DocumentCopy20Regular />} onClick={() => onCopy(row, 'details')}>
            Copy details
          </MenuItem>
          <MenuItem icon={<Copy20Regular />} onClick={() => onCopy(row, 'address')}>
            Copy address
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

