/**
 * Export: the entries as CSV or JSON (both re-import losslessly through Bulk add), or as
 * a PowerShell or netsh script for fleet tools, written to the active or the persistent
 * store. Loaded on demand (React.lazy).
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import type { PolicyStore } from '../../app/script-export';
import { saveTextFile } from '../download';
import { pluralize } from '../format';
import { buildExport, SCRIPT_FORMATS, type ExportFormat } from './exportFile';

const useStyles = makeStyles({
  surface: { width: 'min(640px, calc(100vw - 48px))', maxWidth: 'none' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  leftOut: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, maxHeight: '140px', overflowY: 'auto' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  summary: { marginInlineEnd: 'auto', color: tokens.colorNeutralForeground3 },
  actions: { alignItems: 'center' },
});

export interface ExportInitial {
  format?: ExportFormat;
  store?: PolicyStore;
}

interface ExportDialogProps {
  entries: AnycastEntry[];
  /** The rows the table shows now (interface filter and search applied). */
  shownEntries: AnycastEntry[];
  interfaces: NetworkInterface[];
  machine: string | undefined;
  initial: ExportInitial;
  onSaved: (fileName: string) => void;
  onClose: () => void;
}

type Scope = 'all' | 'shown';

/** The on-screen summary needs counts and left-out entries, not a real timestamp. */
const SUMMARY_TIME = new Date(0);

export default function ExportDialog({ entries, shownEntries, interfaces, machine, initial, onSaved, onClose }: ExportDialogProps) {
  const styles = useStyles();
  const [format, setFormat] = useState<ExportFormat>(initial.format ?? 'csv');
  const [store, setStore] = useState<PolicyStore>(initial.store ?? 'active');
  const filtered = shownEntries.length !== entries.length;
  const [scope, setScope] = useState<Scope>('all');
  const chosen = scope === 'shown' && filtered ? shownEntries : entries;
  const script = SCRIPT_FORMATS.has(format);
  const built = useMemo(() => buildExport(format, chosen, interfaces, { store, now: SUMMARY_TIME, machine }), [format, chosen, interfaces, store, machine]);

  const save = () => {
    // Built again so the file carries the time it was saved.
    const { file } = buildExport(format, chosen, interfaces, { store, now: new Date(), machine });
    saveTextFile(file);
    onSaved(file.fileName);
  };

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Export anycast addresses</DialogTitle>
          <DialogContent className={styles.content}>
            <Field label="Format">
              <RadioGroup value={format} onChange={(_, data) => setFormat(data.value as ExportFormat)}>
                <Radio value="csv" label="CSV, for spreadsheets and tickets; Bulk add reads it back" />
                <Radio value="json" label="JSON, for tools; Bulk add reads it back" />
                <Radio value="powershell" label="PowerShell script (New-NetIPAddress), to recreate them on other computers" />
                <Radio value="netsh" label="netsh batch file, for computers without PowerShell" />
              </RadioGroup>
            </Field>
            <Field label="Addresses">
              <RadioGroup value={filtered ? scope : 'all'} onChange={(_, data) => setScope(data.value as Scope)}>
                <Radio value="all" label={`All ${pluralize(entries.length, 'address', 'addresses')}`} />
                <Radio
                  value="shown"
                  disabled={!filtered}
                  label={filtered ? `Only the ${pluralize(shownEntries.length, 'address', 'addresses')} shown in the table` : 'Only those shown in the table (no filter or search is active)'}
                />
              </RadioGroup>
            </Field>
            {script && (
              <Field
                label="Store"
                hint="Addresses added through the API, as Anycast Manager adds them, last until Windows restarts. The persistent store is where Windows keeps addresses across restarts."
              >
                <RadioGroup value={store} onChange={(_, data) => setStore(data.value as PolicyStore)}>
                  <Radio value="active" label="Active: added now, gone after the next restart" />
                  <Radio value="persistent" label="Persistent: added now and kept after restarts" />
                </RadioGroup>
              </Field>
            )}
            {built.leftOut.length > 0 && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{pluralize(built.leftOut.length, 'address is', 'addresses are')} left out of the script</MessageBarTitle>
                  <ul className={styles.leftOut}>
                    {built.leftOut.map((entry) => (
                      <li key={`${entry.interfaceLuid}/${entry.address}`}>
                        <span className={styles.mono}>{entry.address}</span>: {entry.reason}
                      </li>
                    ))}
                  </ul>
                </MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions className={styles.actions} fluid>
            <Caption1 className={styles.summary}>
              {built.file.fileName}: {pluralize(built.included, 'address', 'addresses')}
            </Caption1>
            <Button onClick={onClose}>Cancel</Button>
            <Button appearance="primary" icon={<ArrowDownload20Regular />} disabled={built.included === 0} onClick={save}>
              Save file
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
