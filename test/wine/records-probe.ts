/**
 * Runs inside the Windows build of Node under Wine: creates the records folder through
 * the real calls (SHGetKnownFolderPath, ConvertStringSecurityDescriptorToSecurityDescriptorW,
 * SHCreateDirectoryExW, GetNamedSecurityInfoW, ConvertSecurityDescriptorToStringSecurityDescriptorW)
 * and writes what came back, as JSON, to the path in argv[2].
 */
import { writeFileSync } from 'node:fs';
import { systemDirectory } from '../../main/backends/windows/windows-api';
import { RECORDS_FOLDER_SDDL } from '../../main/records/records-acl';
import { openRecordsFolder, type RecordsPlace } from '../../main/records/records-folder';
import { loadFolderSecurity } from '../../main/records/windows-folder-security';

export interface RecordsProbeResult {
  place: RecordsPlace;
  faults: string[];
  /** The folder's descriptor as Windows (here, Wine) reads it back. */
  sddl: string;
  /** createFolder on the folder that now exists: false, and nothing changed. */
  createdAgain: boolean;
}

async function probe(): Promise<RecordsProbeResult> {
  const faults: string[] = [];
  const place = await openRecordsFolder({
    perMachine: true,
    userDataDir: 'C:\\unused-user-folder',
    logFault: (method, fault) => faults.push(`${method}: ${fault instanceof Error ? fault.message : String(fault)}`),
  });
  const security = loadFolderSecurity(systemDirectory());
  try {
    return {
      place,
      faults,
      sddl: await security.readFolderSddl(place.dir),
      createdAgain: await security.createFolder(place.dir, RECORDS_FOLDER_SDDL),
    };
  } finally {
    security.unload();
  }
}

void probe().then((result) => writeFileSync(process.argv[2]!, JSON.stringify(result, null, 2)));
