/** The Windows backend loads system DLLs by full System32 path, never by bare name (DLL planting). */
import { systemLibraries } from '../../main/backends/windows/windows-api';

describe('systemLibraries', () => {
  it('names each DLL in the System32 folder Windows reports', () => {
    expect(systemLibraries('D:\\WINNT\\system32')).toEqual({
      iphlpapi: 'D:\\WINNT\\system32\\iphlpapi.dll',
      kernel32: 'D:\\WINNT\\system32\\kernel32.dll',
      advapi32: 'D:\\WINNT\\system32\\advapi32.dll',
    });
  });
});
