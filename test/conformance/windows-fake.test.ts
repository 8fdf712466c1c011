/**
 * The conformance suite against the Windows backend, its koffi bindings loaded over
 * the C test library (test/native/fake-iphlpapi.c) in place of the Windows DLLs.
 */
import { buildFakeLibrary, backendOverFake, fakeControl } from '../ffi/fake-iphlpapi';
import { commandFor, findTool } from '../ffi/native-build';
import { describeBackendConformance } from './backend-conformance';

const cc = commandFor(findTool('cc', 'gcc'), 'Conformance of the Windows backend over the C test library');

if (cc) {
  const library = buildFakeLibrary(cc);
  const fake = fakeControl(library);
  describeBackendConformance({
    name: 'WindowsBackend over the C test library',
    makeBackend: ({ elevated, ipv4Stack }) => {
      // One library, one machine: each test starts from a clean one.
      fake.reset();
      fake.setElevated(elevated);
      fake.setIpv4Stack(ipv4Stack);
      return backendOverFake(library);
    },
  });
} else {
  describe.skip('WindowsBackend over the C test library: anycast API rules', () => {
    it('needs a C compiler', () => {});
  });
}
