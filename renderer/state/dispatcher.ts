/**
 * Every action the screen can take, and the one place the renderer calls the API.
 *
 * The error policy, the same for every action:
 * - report: a failed change or a reload the person asked for opens the error dialog;
 *   a failed read inside a dialog (saved set, audit log) is returned to that dialog,
 *   which shows it in place; a bulk run's failures are its rows' results. A change
 *   carried out with a warning (not on record) is reported as a warning, not a success.
 * - refresh: every change made, and every bulk run however it ended, is followed by
 *   a reload, so the lists show what Windows has rather than what the app expected.
 *   A single change Windows refused changed nothing, so nothing is re-read.
 * - notify: a change that succeeded says so in a toast.
 */
import type { AnycastApi, AnycastKey, CreatedEntry, Reply, Request } from '../../app/ipc-contract';
import type { AppError } from '../../app/model';
import type { SavedEntry } from '../../app/saved-set';
import { runSequence, type RunControl } from './runSequence';
import type { AppStore } from './store';

export interface ToastAction {
  label: string;
  onClick: () => void;
}

/** Where the dispatcher's reports go: the error dialog's queue and the toaster. */
export interface Notifier {
  /** `returnFocusTo`: where focus goes when the dialog closes; by default, where it is now. */
  report: (error: AppError, returnFocusTo?: HTMLElement | null) => void;
  warn: (warning: AppError, returnFocusTo?: HTMLElement | null) => void;
  notify: (message: string, action?: ToastAction) => void;
  /** A toast for something that worked only in part. */
  caution: (message: string) => void;
}

/** One row of a bulk run: the entry to create or remove, and how it is named in progress and results. */
export interface PlannedChange {
  key: AnycastKey;
  /** "192.0.2.10 on Ethernet". */
  label: string;
}

export type RemoveOutcome = 'removed' | 'warned' | 'failed';

export interface RemoveFocus {
  /** Where focus returns after an error dialog (the button that asked). */
  onError: HTMLElement | null;
  /** Where focus returns after a warning dialog (the row and its button are gone). */
  onWarning: HTMLElement | null;
  /** Moves focus once Undo has put the entry back: the toast, and the Undo that had focus, are gone. */
  onUndone: () => void;
}

type SnapshotReplies = [Reply<'getStatus'>, Reply<'listInterfaces'>, Reply<'listAnycast'>];

export class Dispatcher {
  // Only the newest load may write, so a slow earlier reply cannot overwrite a newer one.
  private generation = 0;
  private inFlight = 0;

  constructor(
    private readonly api: AnycastApi,
    readonly store: AppStore,
    private readonly notifier: Notifier,
  ) {}

  /** A reload the person asked for: its failures open the error dialog. */
  async refresh(): Promise<void> {
    this.store.update({ refreshing: true });
    await this.load(false);
  }

  /**
   * A background reload (interface events, the poll), skipped while another runs. It never
   * opens a dialog: one every 15 seconds would bury the screen; `lastFailed` shows it instead.
   */
  async refreshQuietly(): Promise<void> {
    if (this.inFlight > 0) return;
    await this.load(true);
  }

  /** Interface changes as main announces them; subscribing is not a request, so nothing can fail. */
  onInterfacesChanged(listener: () => void): () => void {
    return this.api.onInterfacesChanged(listener);
  }

  /** Resolves true when the address was added. */
  async add(key: AnycastKey, alias: string): Promise<boolean> {
    return this.create(key, `Added ${key.address} to ${alias}`);
  }

  /** Puts back an entry just removed (the toast's Undo). */
  async undo(key: AnycastKey, alias: string): Promise<boolean> {
    return this.create(key, `Restored ${key.address} to ${alias}`);
  }

  async remove(key: AnycastKey, alias: string, focus: RemoveFocus): Promise<RemoveOutcome> {
    const reply = await this.api.deleteAnycast(key);
    let outcome: RemoveOutcome;
    if (!reply.ok) {
      this.notifier.report(reply.error, focus.onError);
      return 'failed';
    }
    if (reply.warning) {
      this.notifier.warn(reply.warning, focus.onWarning);
      outcome = 'warned';
    } else {
      this.notifier.notify(`Removed ${key.address} from ${alias}`, {
        label: 'Undo',
        // A failed undo opens the error dialog, which keeps focus itself.
        onClick: () => void this.undo(key, alias).then((restored) => restored && focus.onUndone()),
      });
      outcome = 'removed';
    }
    // Not awaited: the confirmation closes and focus moves on while the list is re-read.
    void this.refresh();
    return outcome;
  }

  /** Creates each planned entry in turn; one reply per row sent. */
  async applyPlan(changes: readonly PlannedChange[], control: RunControl): Promise<Array<Reply<'createAnycast'>>> {
    const replies = await runSequence(changes, (c) => c.label, (c) => this.api.createAnycast(c.key), control);
    void this.refresh();
    return replies;
  }

  /** Removes what a bulk run added; one reply per row sent. */
  async removeAdded(added: readonly PlannedChange[], control: RunControl): Promise<Array<Reply<'deleteAnycast'>>> {
    const replies = await runSequence(added, (c) => c.label, (c) => this.api.deleteAnycast(c.key), control);
    void this.refresh();
    return replies;
  }

  /** Returned to the saved set dialog, which shows a failure in place. */
  readSavedSet(): Promise<Reply<'getSavedSet'>> {
    return this.api.getSavedSet({});
  }

  /** Returned to the saved set dialog, which shows a failure in place. */
  saveSet(entries: SavedEntry[]): Promise<Reply<'saveSavedSet'>> {
    return this.api.saveSavedSet({ entries });
  }

  /** Returned to the audit log dialog, which shows a failure in place. */
  readAuditLog(request: Request<'readAuditLog'>): Promise<Reply<'readAuditLog'>> {
    return this.api.readAuditLog(request);
  }

  /**
   * Returned to the self-test dialog, which shows the report or the failure in place. A
   * round trip adds and removes an entry, so the lists are read again after one.
   */
  async runSelfTest(request: Request<'runSelfTest'>): Promise<Reply<'runSelfTest'>> {
    const reply = await this.api.runSelfTest(request);
    if (request.interface !== undefined) await this.refreshQuietly();
    return reply;
  }

  private async create(key: AnycastKey, message: string): Promise<boolean> {
    const reply = await this.api.createAnycast(key);
    if (!reply.ok) {
      this.notifier.report(reply.error);
      return false;
    }
    await this.confirmCreated(reply.value, message, reply.warning);
    return true;
  }

  /** The entry exists either way; when Windows did not return it, the warning comes once the list is re-read. */
  private async confirmCreated(created: CreatedEntry, message: string, notRecorded: AppError | undefined): Promise<void> {
    if (!notRecorded && created.readBack === 'ok') this.notifier.notify(message);
    await this.refresh();
    // After the re-read: the add form moves focus back to the address as soon as the add resolves,
    // and the warning's dialog must open after that to keep the focus.
    if (notRecorded) this.notifier.warn(notRecorded);
    if (created.readBack === 'failed') {
      const { code, symbol, systemMessage } = created.error;
      this.notifier.caution(
        `${message}, but Windows did not return the entry when read back (code ${code}, ${symbol}: ${systemMessage}); the list has been re-read.`,
      );
    }
  }

  private async load(quiet: boolean): Promise<void> {
    const mine = ++this.generation;
    this.inFlight++;
    try {
      const replies = await this.readSnapshot();
      if (mine === this.generation) this.apply(replies, quiet);
    } finally {
      this.inFlight--;
    }
  }

  /** One request, so main reads each table once; a reply that failed as a whole stands for every part. */
  private async readSnapshot(): Promise<SnapshotReplies> {
    const reply = await this.api.getSnapshot({});
    if (!reply.ok) return [reply, reply, reply];
    const { status, interfaces, entries } = reply.value;
    return [{ ok: true, value: status }, interfaces, entries];
  }

  /** Each part keeps its last good value: a failed anycast list must not hide the interfaces. */
  private apply([status, interfaces, entries]: SnapshotReplies, quiet: boolean): void {
    const old = this.store.getSnapshot();
    const allOk = status.ok && interfaces.ok && entries.ok;
    this.store.update({
      ...(status.ok ? { status: status.value } : {}),
      // An unchanged list keeps its identity, so a poll that found nothing new re-sorts and re-renders nothing.
      ...(interfaces.ok && !sameJson(old.interfaces, interfaces.value) ? { interfaces: interfaces.value } : {}),
      ...(entries.ok && !sameJson(old.entries, entries.value) ? { entries: entries.value } : {}),
      entriesUnavailable: !entries.ok,
      ...(allOk ? { lastUpdated: new Date() } : {}),
      lastFailed: allOk ? null : new Date(),
      loading: false,
      refreshing: false,
    });
    if (quiet) return;
    // A refresh that failed as a whole is one error, though it stands for every part.
    if (!status.ok) this.notifier.report(status.error);
    if (!interfaces.ok && interfaces !== status) this.notifier.report(interfaces.error);
    // Without the anycast functions the list always fails; the status banner already says why.
    const apiKnownMissing = status.ok && !status.value.anycastApi;
    if (!entries.ok && entries !== status && !apiKnownMissing) this.notifier.report(entries.error);
  }
}

/** Lists of plain records as the API returns them: equal text, equal content. */
function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
