import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { SystemStatus } from '../../app/model';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const SIMULATED_BECAUSE: Readonly<Record<NonNullable<SystemStatus['simulatedReason']>, string>> = {
  'demo-flag': 'Demo mode: Anycast Manager was started with --demo.',
  'not-windows': 'This computer is not running Windows.',
  preview: 'This is the browser preview.',
};

/** What the technician must know before trusting the lists or the buttons. */
export function StatusBanners({ status }: { status: SystemStatus | null }) {
  const styles = useStyles();
  if (!status) return null;
  const simulated = status.backend === 'simulated';
  const { records } = status;
  const recordsUnprotected = records.access === 'loosened' || records.access === 'unverified';
  if (!simulated && status.elevated && status.anycastApi && !recordsUnprotected) return null;
  // A named section is a landmark: axe's "region" rule, and a screen reader's list of landmarks, find it.
  return (
    <section aria-label="Status" className={styles.group}>
      {simulated && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Simulated computer</MessageBarTitle>
            {status.simulatedReason ? `${SIMULATED_BECAUSE[status.simulatedReason]} ` : ''}
            The interfaces and addresses shown are simulated; changes are not applied to this computer.
          </MessageBarBody>
        </MessageBar>
      )}
      {!status.elevated && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not running as administrator</MessageBarTitle>
            Adding or removing addresses will fail with “Access denied”. To make changes, close Anycast Manager and
            start it again with Run as administrator.
          </MessageBarBody>
        </MessageBar>
      )}
      {recordsUnprotected && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{records.access === 'loosened' ? 'Records folder not protected' : 'Records folder not checked'}</MessageBarTitle>
            The audit log and the saved set should be in a folder only administrators can change, but{' '}
            {records.problems.join('; ')}. Programs running without administrator rights may be able to change the
            records in {records.path}. An administrator can restore the folder: save its files elsewhere, delete it,
            and start Anycast Manager again, which creates it with the right permissions.
          </MessageBarBody>
        </MessageBar>
      )}
      {!status.anycastApi && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Anycast functions unavailable</MessageBarTitle>
            This system’s IP Helper API (iphlpapi.dll) does not provide the anycast address functions, so anycast
            addresses cannot be listed, added or removed here. The interface list still works.
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
