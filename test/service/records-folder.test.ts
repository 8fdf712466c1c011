/**
 * Where the records go and what the status says about them, with the Windows calls
 * replaced by a stand-in (the real ones run under Wine in test/wine/records-folder.test.ts).
 */
import { RECORDS_FOLDER_SDDL } from '../../main/records/records-acl';
import { openRecordsFolder } from '../../main/records/records-folder';
import type { FolderSecurity } from '../../main/records/windows-folder-security';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { AnycastService } from '../../main/service/anycast-service';
import { testServiceOptions } from '../support/service-options';

const USER_DATA = 'C:\\Users\\tech1\\AppData\\Roaming\\Anycast Manager';
const FOLDER = 'C:\\ProgramData\\Anycast Manager';

function fakeSecurity(readBack: () => string, create: () => boolean = () => true) {
  const calls: string[] = [];
  const security: FolderSecurity = {
    programDataFolder: async () => 'C:\\ProgramData',
    createFolder: async (path, sddl) => {
      calls.push(`create ${path} ${sddl}`);
      return create();
    },
    readFolderSddl: async (path) => {
      calls.push(`read ${path}`);
      return readBack();
    },
    unload: () => calls.push('unload'),
  };
  return { security, calls };
}

async function open(readBack: () => string, create?: () => boolean) {
  const { security, calls } = fakeSecurity(readBack, create);
  const faults: Array<[string, string]> = [];
  const place = await openRecordsFolder({
    perMachine: true,
    userDataDir: USER_DATA,
    logFault: (method, fault) => faults.push([method, fault instanceof Error ? fault.message : String(fault)]),
    loadSecurity: async () => security,
  });
  return { place, calls, faults };
}

describe('the records folder', () => {
  it('stays in the account’s folder for the simulated computer or without elevation, without any Windows call', async () => {
    const place = await openRecordsFolder({
      perMachine: false,
      userDataDir: USER_DATA,
      logFault: () => undefined,
      loadSecurity: () => Promise.reject(new Error('no Windows call expected')),
    });
    expect(place).toEqual({ dir: USER_DATA, folder: { path: USER_DATA, access: 'per-user', problems: [] } });
  });

  it('is created under ProgramData with the administrators-only rule, then checked', async () => {
    const { place, calls, faults } = await open(() => 'O:BAD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)');
    expect(calls).toEqual([`create ${FOLDER} ${RECORDS_FOLDER_SDDL}`, `read ${FOLDER}`, 'unload']);
    expect(place).toEqual({ dir: FOLDER, folder: { path: FOLDER, access: 'administrators-only', problems: [] } });
    expect(faults).toEqual([]);
  });

  it('is reported as loosened, in the status and the fault log, when others can change it', async () => {
    const { place, faults } = await open(() => 'O:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;FA;;;BU)', () => false);
    expect(place.folder).toEqual({ path: FOLDER, access: 'loosened', problems: ['Users can change what it holds'] });
    expect(faults).toEqual([['records-folder', `${FOLDER} lets others than administrators change the records: Users can change what it holds (O:BAD:PAI(A;OICI;FA;;;BA)(A;OICI;FA;;;BU))`]]);
  });

  it('falls back to the account’s folder, marked unverified, when the folder cannot be created', async () => {
    const { place, faults } = await open(() => '', () => {
      throw new Error(`Creating ${FOLDER} failed with Windows error 5.`);
    });
    expect(place).toEqual({
      dir: USER_DATA,
      folder: { path: USER_DATA, access: 'unverified', problems: [`the per-machine folder ${FOLDER} could not be created (Creating ${FOLDER} failed with Windows error 5.)`] },
    });
    expect(faults.map(([method]) => method)).toEqual(['records-folder']);
  });

  it('is marked unverified when its permissions cannot be read', async () => {
    const { place, calls } = await open(() => {
      throw new Error('Reading the permissions failed with Windows error 5.');
    });
    expect(place.folder).toMatchObject({ path: FOLDER, access: 'unverified', problems: ['its permissions could not be read (Reading the permissions failed with Windows error 5.)'] });
    expect(calls.at(-1)).toBe('unload');
  });

  it('is part of the status the renderer reads', async () => {
    const options = testServiceOptions();
    const reply = await new AnycastService(new SimulatedBackend(), options).handle('getStatus', {});
    expect(reply).toMatchObject({ ok: true, value: { records: { path: options.dataDir, access: 'per-user', problems: [] } } });
  });
});
