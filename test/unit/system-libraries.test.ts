/** The Windows backend loads system DLLs by full System32 path, never by bare name (DLL planting). */
import { systemLibraries } from '../../main/backends/windows/windows-api';

describe('systemLibraries', () => {
  it('names each DLL in System32 under SystemRoot', () => {
    expect(systemLibraries('D:\\WINNT')).toEqual({
      iphlpapi: 'D:\\WINNT\\System32\\iphlpapi.dll',
      kernel32: 'D:\\WINNT\\System32\\kernel32.dll',
      advapi32: 'D:\\WINNT\\System32\\advapi32.dll',
    });
  });

  it('falls back to C:\\Windows when SystemRoot is unset', () => {
    expect(Object.values(systemLibraries(undefined))).toEqual([
      'C:\\Windows\\System32\\iphlpapi.dll',
      'C:\\Windows\\System32\\kernel32.dll',
      'C:\\Windows\\System32\\advapi32.dll',
    ]);
  });
});
