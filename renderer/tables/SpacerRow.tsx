import { makeStyles } from '@fluentui/react-components';

const useStyles = makeStyles({ cell: { padding: 0, border: 'none' } });

/** Stands in for the rows a virtualised table does not render; hidden from assistive technology. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  const styles = useStyles();
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true" style={{ height }}>
      <td className={styles.cell} colSpan={columns} />
    </tr>
  );
}
