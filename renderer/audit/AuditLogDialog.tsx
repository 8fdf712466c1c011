/**
 * The audit trail: every add and remove attempted from this app, who did it, where,
 * and what Windows answered. The newest page comes first; older pages are read on
 * request, back through the rotated files. Filter what is loaded, export what is shown,
 * or collect the files themselves from the path shown. Loaded on demand (React.lazy).
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
  mergeClasses,
  SearchBox,
  Select,
  Spinner,
  TableHeaderCell,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Copy20Regular, History20Regular } from '@fluentui/react-icons';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { AUDIT_VIEWER_PAGE, type AuditCursor, type AuditRecord } from '../../app/audit';
import type { AppError } from '../../app/model';
import { useLargeDialogStyles } from '../bulk/dialogStyles';
import { copyText } from '../clipboard';
import { ErrorNotice } from '../components/ErrorNotice';
import { saveTextFile } from '../download';
import { pluralize } from '../format';
import type { Dispatcher } from '../state/dispatcher';
import { VirtualTable } from '../tables/VirtualTable';
import { AuditRow } from './AuditRow';
import { auditCsv, auditJsonl, filterAudit, OUTCOME_LABEL, type OperationFilter, type ResultFilter } from './auditView';

const ROW_HEIGHT = 32;
const COLUMN_COUNT = 7;

const useStyles = makeStyles({
  filters: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  search: { width: '300px' },
  info: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', color: tokens.colorNeutralForeground3 },
  path: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  scroller: { flexGrow: 1, minHeight: '160px' },
  // Fits a 1024-px window's dialog: Interface, Address and Result wrap rather than push the table wider.
  table: { minWidth: '880px' },
  // Widths exclude the cells' padding; the interface column takes what is left.
  wide: { width: 'min(1200px, calc(100vw - 48px))' },
  colTime: { width: '136px' },
  colUser: { width: '96px' },
  colMachine: { width: '96px' },
  colOperation: { width: '72px' },
  colAddress: { width: '136px' },
  colResult: { width: '220px' },
  empty: { padding: tokens.spacingVerticalXL, textAlign: 'center', color: tokens.colorNeutralForeground3 },
});

/** What has been read so far: the newest pages, newest first. */
interface Pages {
  records: AuditRecord[];
  skippedLines: number;
  /** Where the next older page ends; null once the oldest record kept is loaded. */
  older: AuditCursor | null;
  path: string;
  /** A request for the next older page is in flight. */
  loadingOlder: boolean;
}

type Loaded = { state: 'loading' } | { state: 'loaded'; pages: Pages } | { state: 'failed'; error: AppError };


export default function AuditLogDialog({ dispatcher, onClose }: { dispatcher: Dispatcher; onClose: () => void }) {
  const styles = useStyles();
  const shape = useLargeDialogStyles();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [text, setText] = useState('');
  const [operation, setOperation] = useState<OperationFilter>('all');
  const [result, setResult] = useState<ResultFilter>('all');
  const [pathCopied, setPathCopied] = useState<boolean | null>(null);
  const [olderError, setOlderError] = useState<AppError | null>(null);
  const open = useRef(true);

  useEffect(() => {
    open.current = true;
    void dispatcher.readAuditLog({ limit: AUDIT_VIEWER_PAGE }).then((reply) => {
      if (!open.current) return;
      setLoaded(reply.ok ? { state: 'loaded', pages: { ...reply.value, loadingOlder: false } } : { state: 'failed', error: reply.error });
    });
    return () => {
      open.current = false;
    };
  }, [dispatcher]);

  const page = loaded.state === 'loaded' ? loaded.pages : null;

  const showOlder = async () => {
    if (!page?.older || page.loadingOlder) return;
    setOlderError(null);
    setLoaded({ state: 'loaded', pages: { ...page, loadingOlder: true } });
    const reply = await dispatcher.readAuditLog({ limit: AUDIT_VIEWER_PAGE, before: page.older });
    if (!open.current) return;
    if (!reply.ok) {
      setOlderError(reply.error);
      setLoaded({ state: 'loaded', pages: { ...page, loadingOlder: false } });
      return;
    }
    const { records, skippedLines, older } = reply.value;
    setLoaded({
      state: 'loaded',
      pages: { ...page, records: [...page.records, ...records], skippedLines: page.skippedLines + skippedLines, older, loadingOlder: false },
    });
  };
  const deferredText = useDeferredValue(text);
  const shown = useMemo(
    () => (page ? filterAudit(page.records, { text: deferredText, operation, result }) : []),
    [page, deferredText, operation, result],
  );

  const copyPath = async () => page && setPathCopied(await copyText(page.path));

  return (
    <Dialog open onOpenChange={(_, data) => !data.open && onClose()}>
      <DialogSurface className={mergeClasses(shape.surface, styles.wide)}>
        <DialogBody className={shape.body}>
          <DialogTitle>Audit log</DialogTitle>
          <DialogContent className={shape.content}>
            <div className={styles.filters}>
              <SearchBox
                className={styles.search}
                aria-label="Search audit log"
                placeholder="Address, interface, user or result"
                value={text}
                onChange={(_, data) => setText(data.value)}
              />
              <Field label="Operation">
                <Select value={operation} onChange={(_, data) => setOperation(data.value as OperationFilter)}>
                  <option value="all">All</option>
                  <option value="create">Add</option>
                  <option value="delete">Remove</option>
                </Select>
              </Field>
              <Field label="Result">
                <Select value={result} onChange={(_, data) => setResult(data.value as ResultFilter)}>
                  <option value="all">All</option>
                  <option value="success">{OUTCOME_LABEL.success}</option>
                  <option value="failure">{OUTCOME_LABEL.failure}</option>
                  <option value="unrecorded">{OUTCOME_LABEL.unrecorded}</option>
                </Select>
              </Field>
            </div>
            {loaded.state === 'failed' && <ErrorNotice error={loaded.error} />}
            {page && (
              <div className={styles.info}>
                <Text size={200} role="status">
                  {shown.length === page.records.length
                    ? `${pluralize(page.records.length, 'record', 'records')}, newest first.`
                    : `${shown.length.toLocaleString('en-US')} of ${pluralize(page.records.length, 'record', 'records')} match, newest first.`}
                  {page.older && ' Older records are in the log.'}
                  {page.skippedLines > 0 && ` ${pluralize(page.skippedLines, 'line', 'lines')} of the file could not be read and ${page.skippedLines === 1 ? 'is' : 'are'} left out.`}
                </Text>
                {(page.older || page.records.length > AUDIT_VIEWER_PAGE) && (
                  <Button
                    size="small"
                    icon={page.loadingOlder ? <Spinner size="extra-tiny" /> : <History20Regular />}
                    disabledFocusable={!page.older || page.loadingOlder}
                    onClick={() => void showOlder()}
                  >
                    {page.older ? 'Show older records' : 'All records are shown'}
                  </Button>
                )}
              </div>
            )}
            {olderError && <ErrorNotice error={olderError} />}
            <VirtualTable
              aria-label="Audit records"
              regionLabel="Audit records"
              rowCount={shown.length}
              columns={COLUMN_COUNT}
              rowHeight={ROW_HEIGHT}
              // Interface and Result wrap at word boundaries rather than clip ("ERROR_OBJECT_ALREA…"), so rows are measured.
              measured
              resetKey={`${deferredText}\u0000${operation}\u0000${result}`}
              className={styles.scroller}
              tableClassName={styles.table}
              renderRow={(index, rowProps) => <AuditRow key={index} record={shown[index]!} rowProps={rowProps} />}
              header={
                <>
                  <TableHeaderCell className={styles.colTime}>Time</TableHeaderCell>
                  <TableHeaderCell className={styles.colUser}>User</TableHeaderCell>
                  <TableHeaderCell className={styles.colMachine}>Machine</TableHeaderCell>
                  <TableHeaderCell className={styles.colOperation}>Operation</TableHeaderCell>
                  <TableHeaderCell className={styles.colAddress}>Address</TableHeaderCell>
                  <TableHeaderCell>Interface</TableHeaderCell>
                  <TableHeaderCell className={styles.colResult}>Result</TableHeaderCell>
                </>
              }
            >
              {loaded.state === 'loading' && <Spinner className={styles.empty} size="small" label="Reading the audit log…" />}
              {page && shown.length === 0 && (
                <div className={styles.empty}>
                  {page.records.length === 0 ? 'No changes have been recorded yet.' : 'No record matches these filters.'}
                </div>
              )}
            </VirtualTable>
            {page && (
              <div className={styles.info}>
                <Caption1>Log file:</Caption1>
                <span className={styles.path}>{page.path}</span>
                <Button size="small" appearance="subtle" icon={<Copy20Regular />} onClick={() => void copyPath()}>
                  Copy path
                </Button>
                <Caption1 role="status">{pathCopied === true ? 'Copied' : pathCopied === false ? 'Copying is not available here; select the path above.' : ''}</Caption1>
              </div>
            )}
          </DialogContent>
          <DialogActions className={shape.actions}>
            <Button icon={<ArrowDownload20Regular />} disabled={shown.length === 0} onClick={() => saveTextFile({ fileName: 'anycast-audit.csv', text: auditCsv(shown), type: 'text/csv;charset=utf-8' })}>
              Export CSV
            </Button>
            <Button icon={<ArrowDownload20Regular />} disabled={shown.length === 0} onClick={() => saveTextFile({ fileName: 'anycast-audit.jsonl', text: auditJsonl(shown), type: 'application/x-ndjson;charset=utf-8' })}>
              Export JSONL
            </Button>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
