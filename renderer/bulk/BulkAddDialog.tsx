/**
 * Bulk add: paste a list or import a CSV or JSON file, check every row against this
 * computer before anything is sent, then add the ready rows one by one and show what
 * became of each. Loaded on demand (React.lazy) to keep the first screen small.
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
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, FolderOpen20Regular } from '@fluentui/react-icons';
import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { previewImport, type ImportFormat } from '../../app/bulk-import';
import type { AnycastEntry, NetworkInterface } from '../../app/model';
import { pluralize } from '../format';
import type { Dispatcher } from '../state/dispatcher';
import { useLargeDialogStyles } from './dialogStyles';
import { OutcomeTable } from './OutcomeTable';
import { previewCountsText, previewOutcomeRows } from './outcomeRows';
import { RunActions, RunBody, usePlanRun } from './PlanRun';
import { MAX_SHOWN_CHARS, useImportSource } from './useImportSource';

const useStyles = makeStyles({
  source: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 260px', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  text: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  loaded: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  previewBar: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS },
  previewHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  hiddenInput: { display: 'none' },
  fileSource: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type FormatChoice = ImportFormat | 'auto';

const FORMAT_LABEL: Readonly<Record<ImportFormat, string>> = {
  paste: 'a list (address and interface per line)',
  csv: 'CSV',
  json: 'JSON',
};


interface BulkAddDialogProps {
  dispatcher: Dispatcher;
  interfaces: NetworkInterface[];
  entries: AnycastEntry[];
  elevated: boolean;
  onClose: () => void;
}

export default function BulkAddDialog({ dispatcher, interfaces, entries, elevated, onClose }: BulkAddDialogProps) {
  const styles = useStyles();
  const shape = useLargeDialogStyles();
  const [format, setFormat] = useState<FormatChoice>('auto');
  const { text, setText, loadedFile, setLoadedFile, refusal, readFile, refuseHugePaste } = useImportSource(() => setFormat('auto'));
  const fileRef = useRef<HTMLInputElement>(null);
  const fileSourceId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const run = usePlanRun(dispatcher);
  const { ran, busy, done } = run;

  // Previewing 10,000 rows takes a moment; typing goes on with the previous preview meanwhile.
  const deferredText = useDeferredValue(loadedFile?.text ?? text);
  const preview = useMemo(
    () => previewImport(deferredText, { interfaces, entries, ...(format === 'auto' ? {} : { format }) }),
    [deferredText, interfaces, entries, format],
  );
  const previewRows = useMemo(() => previewOutcomeRows(ran ?? preview), [ran, preview]);

  const ready = preview.counts.ready;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={shape.surface}>
        <DialogBody className={shape.body}>
          <DialogTitle>Bulk add anycast addresses</DialogTitle>
          <DialogContent className={shape.content}>
            {!ran && (
              <div className={styles.source}>
                {loadedFile?.text !== undefined ? (
                  <div className={styles.fileSource} role="group" aria-labelledby={fileSourceId}>
                    <Text id={fileSourceId} weight="semibold">
                      Addresses to add
                    </Text>
                    <Text>
                      {loadedFile.name} is too long to show here (more than {MAX_SHOWN_CHARS.toLocaleString('en-US')} characters); the preview below
                      reads it as it is. To change it, edit the file and import it again.
                    </Text>
                    <div>
                      <Button
                        onClick={() => {
                          setLoadedFile(null);
                          // The text box takes the place of this button once React has drawn it.
                          requestAnimationFrame(() => textRef.current?.focus());
                        }}
                      >
                        Type or paste instead
                      </Button>
                    </div>
                  </div>
                ) : (
                  <Field
                    label="Addresses to add"
                    hint={
                      <>
                        One per line: the address, then the interface alias, LUID or index, as in <code>192.0.2.10 Ethernet</code> or{' '}
                        <code>198.51.100.7 "vEthernet (Lab)"</code>. Lines starting with # are ignored. CSV and JSON are read by their column names.
                      </>
                    }
                  >
                    <Textarea
                      ref={textRef}
                      className={styles.text}
                      value={text}
                      onChange={(_, data) => {
                        setText(data.value);
                        setLoadedFile(null);
                      }}
                      onPaste={refuseHugePaste}
                      // No placeholder: the hint gives examples, and grey rows in the box read as rows already typed.
                      rows={6}
                      resize="vertical"
                      spellCheck={false}
                    />
                  </Field>
                )}
                <div className={styles.side}>
                  <Field
                    label="Read as"
                    hint={format === 'auto' && (loadedFile?.text !== undefined || text.trim() !== '') ? `Detected: ${FORMAT_LABEL[preview.source]}` : undefined}
                  >
                    <Select value={format} onChange={(_, data) => setFormat(data.value as FormatChoice)}>
                      <option value="auto">Detect automatically</option>
                      <option value="paste">List</option>
                      <option value="csv">CSV</option>
                      <option value="json">JSON</option>
                    </Select>
                  </Field>
                  <div>
                    <Button icon={<FolderOpen20Regular />} onClick={() => fileRef.current?.click()}>
                      Import file…
                    </Button>
                    <input
                      ref={fileRef}
                      className={styles.hiddenInput}
                      type="file"
                      aria-label="Import file"
                      accept=".csv,.json,.txt,text/csv,application/json,text/plain"
                      onChange={(event) => void readFile(event)}
                    />
                  </div>
                  {loadedFile && <Caption1 className={styles.loaded}>Loaded {loadedFile.name}</Caption1>}
                </div>
              </div>
            )}
            {refusal && <Notice intent="error" text={refusal} />}
            {!elevated && !done && (
              <Notice intent="warning" text="Not running as administrator: Windows will refuse each row with “Access denied”." />
            )}
            <RunBody run={run} verb="Adding">
              <>
                {preview.problem && !ran && <Notice intent="error" text={preview.problem} />}
                {preview.notes.map((note) => (
                  <Notice key={note} intent="info" text={note} />
                ))}
                <div className={styles.previewBar}>
                  <h3 className={styles.previewHeading}>Preview</h3>
                  <Text size={200} aria-live="polite">
                    {previewCountsText((ran ?? preview).counts)}
                  </Text>
                </div>
                <OutcomeTable label="Import preview" statusHeading="Status" rows={previewRows} />
              </>
            </RunBody>
          </DialogContent>
          <DialogActions className={shape.actions}>
            <RunActions
              run={run}
              onClose={onClose}
              idle={
                <>
                  <Button onClick={onClose}>Cancel</Button>
                  <Button appearance="primary" icon={<Add20Regular />} disabled={ready === 0} onClick={() => run.start(preview)}>
                    {ready === 0 ? 'Add' : `Add ${pluralize(ready, 'address', 'addresses')}`}
                  </Button>
                </>
              }
            />
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function Notice({ intent, text }: { intent: 'error' | 'warning' | 'info'; text: string }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
