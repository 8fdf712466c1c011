/**
 * Runs inside the Windows build of Node under Wine: the headless self-test as the app runs
 * it, over Wine's own iphlpapi.dll (loaded from System32), with a round trip on the
 * interface named in argv[4]. Writes the report to argv[2], keeps the audit log in the
 * folder argv[3], and exits with the self-test's exit code.
 */
import { createWindowsBackend } from '../../main/backends/windows/windows-backend';
import { runHeadlessSelfTest } from '../../main/diagnostics/headless-self-test';
import { AnycastService } from '../../main/service/anycast-service';
import { appFilesIn } from '../../main/service/app-files';
import { currentIdentity } from '../../main/service/identity';

async function probe(): Promise<number> {
  const [reportFile, dataDir, interfaceName] = process.argv.slice(2);
  const backend = createWindowsBackend();
  const files = appFilesIn(dataDir!);
  try {
    const service = new AnycastService(backend, { simulatedReason: null, identity: currentIdentity(), files });
    return await runHeadlessSelfTest(service, { interface: interfaceName!, reportFile: reportFile! }, () => undefined);
  } finally {
    backend.close();
    files.audit.close();
  }
}

void probe().then((code) => {
  process.exitCode = code;
});
