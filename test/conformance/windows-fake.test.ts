/**
 * The conformance suite against the Windows backend, its koffi bindings loaded over
 * the C test library (test/native/fake-iphlpapi.c) in place of the Windows DLLs: once
 * as Windows answers, once with GetIpInterfaceTable stubbed as Wine 8 has it, where the
 * backend finds the stacks from the unicast address table instead.
 */
import { IF_OPER_STATUS } from '../../main/backends/windows/iphlpapi-decode';
import { buildFakeLibrary, backendOverFake, fakeControl } from '../ffi/fake-iphlpapi';
import { commandFor, findTool } from '../ffi/native-build';
import { describeBackendConformance } from './backend-conformance';

const cc = commandFor(findTool('cc', 'gcc'), 'Conformance of the Windows backend over the C test library');

if (cc) {
  const library = buildFakeLibrary(cc);
  const fake = fakeControl(library);
  for (const stubbed of [false, true]) {
    describeBackendConformance({
      name: `WindowsBackend over the C test library${stubbed ? ', GetIpInterfaceTable stubbed as on Wine 8' : ''}`,
      makeBackend: ({ elevated, ipv4Stack }) => {
        // One library, one machine: each test starts from a clean one.
        fake.reset();
        fake.setElevated(elevated);
        fake.setIpv4Stack(ipv4Stack);
        fake.setIpInterfaceTableStub(stubbed);
        return backendOverFake(library);
      },
      changeInterface: (_backend, iface, status) => {
        if (!fake.setOperStatus(iface.index, IF_OPER_STATUS[status])) throw new Error(`the fake has no interface ${iface.index}`);
      },
    });
  }
} else {
  describe.skip('WindowsBackend over the C test library: anycast API rules', () => {
    it('needs a C compiler', () => {});
  });
}
