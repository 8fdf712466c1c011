/**
 * The saved set: entries created through the API are gone after Windows restarts, so
 * the technician saves the current entries here and re-applies them after a restart.
 * Re-applying runs the same path as bulk add (createAnycast per entry, per-row results,
 * undo). Loaded on demand (React.lazy).
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowRepeatAll20Regular, Save20Regular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { AnycastEntry, AppError, NetworkInterface } from '../../app/model';
import type { SavedSet } from '../../app/saved-set';
import { planSavedSet, toSavedEntries } from '../../app/saved-set-plan';
import { useLargeDialogStyles } from '../bulk/dialogStyles';
import { OutcomeTable } from '../bulk/OutcomeTable';
import { previewCountsText, previewOutcomeRows } from '../bulk/outcomeRows';
import { RunActions, RunBody, usePlanRun } from '../bulk/PlanRun';
import { ErrorNotice } from '../components/ErrorNotice';
import { formatDateTime, pluralize } from '../format';
import type { Dispatcher } from '../state/dispatcher';

const useStyles = makeStyles({
  state: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  stateText: { flexGrow: 1 },
  previewHeading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

interface SavedSetDialogProps {
  dispatcher: Dispatcher;
  interfaces: NetworkInterface[];
  entries: AnycastEntry[];
  /** Opens the export with a persistent-store PowerShell script chosen. */
  onExportPersistent: () => void;
  onClose: () => void;
}

type Loaded = { state: 'loading' } | { state: 'loaded'; set: SavedSet } | { state: 'failed'; error: AppError };

export default function SavedSetDialog({ dispatcher, interfaces, entries, onExportPersistent, onClose }: SavedSetDialogProps) {
  const styles = useStyles();
  const shape = useLargeDialogStyles();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [confirmReplace, setConfirmReplace] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const saveRef = useRef<HTMLButtonElement>(null);
  const run = usePlanRun(dispatcher);
  const { busy } = run;

  useEffect(() => {
    let current = true;
    void dispatcher.readSavedSet().then((reply) => {
      if (current) setLoaded(reply.ok ? { state: 'loaded', set: reply.value } : { state: 'failed', error: reply.error });
    });
    return () => {
      current = false;
    };
  }, [dispatcher]);

  const set = loaded.state === 'loaded' ? loaded.set : null;
  const preview = useMemo(() => planSavedSet(set?.entries ?? [], { interfaces, entries }), [set, interfaces, entries]);

  const save = async () => {
    setConfirmReplace(false);
    setSaving(true);
    const reply = await dispatcher.saveSet(toSavedEntries(entries, interfaces));
    setSaving(false);
    setSaveError(reply.ok ? null : reply.error);
    setJustSaved(reply.ok);
    if (reply.ok) setLoaded({ state: 'loaded', set: reply.value });
  };

  // The confirmation holding the focused button goes away: focus returns to the button that asked.
  const focusSave = () => saveRef.current?.focus();

  const requestSave = () => {
    if (set && set.entries.length > 0) setConfirmReplace(true);
    else void save();
  };

  const reapply = () => {
    setJustSaved(false);
    run.start(preview);
  };

  const shown = run.ran ?? preview;
  return (
    <Dialog open onOpenChange={(_, data) => !data.open && !busy && onClose()}>
      <DialogSurface className={mergeClasses(shape.surface, shape.fitContent)}>
        <DialogBody className={shape.body}>
          <DialogTitle>Saved set</DialogTitle>
          <DialogContent className={shape.content}>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>Anycast addresses added here are gone after Windows restarts</MessageBarTitle>
                Save the current addresses as the saved set, and re-apply it after a restart. To have Windows keep
                addresses by itself, export a script that writes them to the persistent store.
              </MessageBarBody>
              <MessageBarActions>
                {/* Opening the export closes this dialog, which would drop a run in progress and its results. */}
                <Button size="small" disabledFocusable={busy} onClick={onExportPersistent}>
                  Export a persistent script…
                </Button>
              </MessageBarActions>
            </MessageBar>
            <div className={styles.state}>
              <Text className={styles.stateText} role="status">
                {loaded.state === 'loading' && <Spinner size="tiny" label="Reading the saved set…" labelPosition="after" />}
                {set && (set.savedAt === null
                  ? 'Nothing has been saved yet.'
                  : `${justSaved ? 'Saved' : 'Last saved'} ${formatDateTime(new Date(set.savedAt))}: ${pluralize(set.entries.length, 'entry', 'entries')}.`)}
              </Text>
              <Button
                ref={saveRef}
                icon={saving ? <Spinner size="extra-tiny" /> : <Save20Regular />}
                disabledFocusable={saving || busy}
                disabled={entries.length === 0}
                onClick={requestSave}
              >
                Save current entries as the saved set
              </Button>
            </div>
            {confirmReplace && set && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  Replace the saved set ({pluralize(set.entries.length, 'entry', 'entries')}) with the {pluralize(entries.length, 'current entry', 'current entries')}?
                </MessageBarBody>
                <MessageBarActions>
                  <Button size="small" appearance="primary" onClick={() => void save().then(focusSave)}>
                    Replace
                  </Button>
                  <Button size="small" onClick={() => {
                      setConfirmReplace(false);
                      focusSave();
                    }}
                  >
                    Keep the saved set
                  </Button>
                </MessageBarActions>
              </MessageBar>
            )}
            {loaded.state === 'failed' && <ErrorNotice error={loaded.error} />}
            {saveError && <ErrorNotice error={saveError} />}
            <RunBody run={run} verb="Re-applying">
              {set && set.entries.length > 0 && (
                <>
                  <h3 className={styles.previewHeading}>
                    On this computer now: <Text weight="regular">{previewCountsText(shown.counts)}</Text>
                  </h3>
                  <OutcomeTable label="Saved entries" statusHeading="Status" rows={previewOutcomeRows(shown)} />
                </>
              )}
            </RunBody>
          </DialogContent>
          <DialogActions className={shape.actions}>
            <RunActions
              run={run}
              onClose={onClose}
              idle={
                <>
                  <Button onClick={onClose}>Close</Button>
                  <Button appearance="primary" icon={<ArrowRepeatAll20Regular />} disabled={!set || set.entries.length === 0} onClick={reapply}>
                    Re-apply saved set
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
