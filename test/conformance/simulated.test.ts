/** The conformance suite against the simulated backend, which demos and non-Windows runs use. */
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { describeBackendConformance } from './backend-conformance';

describeBackendConformance({
  name: 'SimulatedBackend',
  makeBackend: ({ elevated, ipv4Stack }) => new SimulatedBackend({ elevated, ipv4Stack, seedEntries: false }),
  changeInterface: (backend, iface, status) => {
    if (!backend.setOperStatus(iface.alias, status)) throw new Error(`no simulated interface is called ${iface.alias}`);
  },
});
