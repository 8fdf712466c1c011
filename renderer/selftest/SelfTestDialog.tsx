/**
 * "Check this computer": runs the self-test in main and shows its report, to copy or save
 * for a ticket. Naming an interface adds the round trip, which changes that interface for a
 * moment (a documentation address, removed again) and is written to the audit log, so it
 * is off until the person picks one.
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
  Spinner,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownload20Regular, Copy20Regular, Stethoscope20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { interfaceLabel, type AppError, type NetworkInterface } from '../../app/model';
import type { Dispatcher } from '../state/dispatcher';
import { selfTestDocument, selfTestProblems, type SelfTestReport } from '../../app/self-test';
import { copyText } from '../clipboard';
import { ErrorNotice } from '../components/ErrorNotice';
import { saveTextFile } from '../download';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  report: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** Read only: no round trip. */
const NO_INTERFACE = '';

type Outcome = { kind: 'report'; report: SelfTestReport } | { kind: 'error'; error: AppError };

export function SelfTestDialog({ dispatcher, interfaces, onClose }: { dispatcher: Dispatcher; interfaces: NetworkInterface[]; onClose: () => void }) {
  const styles = useStyles();
  const [luid, setLuid] = useState(NO_INTERFACE);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [copyNote, setCopyNote] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setCopyNote(null);
    // The LUID names exactly one interface, whatever its alias.
    const reply = await dispatcher.runSelfTest(luid === NO_INTERFACE ? {} : { interface: luid });
    setOutcome(reply.ok ? { kind: 'report', report: reply.value } : { kind: 'error', error: reply.error });
    setRunning(false);
  };
  const report = outcome?.kind === 'report' ? outcome.report : null;
  const problems = report ? selfTestProblems(report) : [];
  const document = report ? selfTestDocument(report) : '';

  const copy = async () =>
    setCopyNote((await copyText(document)) ? 'The report is on the clipboard.' : 'The clipboard refused: select the report above and press Ctrl+C.');
  const save = () =>
    saveTextFile({ fileName: `anycast-self-test-${report!.machine}.txt`, text: document, type: 'text/plain;charset=utf-8' });

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Check this computer</DialogTitle>
          <DialogContent className={styles.content}>
            <Caption1 className={styles.note}>
              Reads the Windows version, the anycast functions of iphlpapi.dll, administrator rights, the IP stacks and each table, and times
              each read. With an interface chosen, it also adds a documentation address there (2001:db8:5e1f:: or 192.0.2.), reads it back,
              lists it and removes it; both changes are written to the audit log.
            </Caption1>
            <Field label="Round trip on">
              <Select value={luid} onChange={(_event, data) => setLuid(data.value)} disabled={running}>
                <option value={NO_INTERFACE}>No interface: read only</option>
                {interfaces.map((iface) => (
                  <option key={iface.luid} value={iface.luid}>
                    {interfaceLabel(iface)}
                  </option>
                ))}
              </Select>
            </Field>
            {outcome?.kind === 'error' && <ErrorNotice error={outcome.error} />}
            {report && (
              <MessageBar intent={problems.length === 0 ? 'success' : 'warning'}>
                <MessageBarBody>
                  {problems.length === 0 ? 'No problems found.' : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} found: ${problems[0]}`}
                </MessageBarBody>
              </MessageBar>
            )}
            {report && (
              <Field label="Report (text, then JSON)">
                <Textarea textarea={{ className: styles.report }} value={document} readOnly rows={16} resize="vertical" />
              </Field>
            )}
            {copyNote && <Caption1 role="status">{copyNote}</Caption1>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" icon={running ? <Spinner size="extra-tiny" /> : <Stethoscope20Regular />} onClick={() => void run()} disabled={running}>
              {report ? 'Run again' : 'Run the check'}
            </Button>
            <Button icon={<Copy20Regular />} onClick={() => void copy()} disabled={!report}>
              Copy report
            </Button>
            <Button icon={<ArrowDownload20Regular />} onClick={save} disabled={!report}>
              Save report
            </Button>
            <Button onClick={onClose}>Close</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
