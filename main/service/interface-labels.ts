/**
 * Interface names for errors and audit lines. Every write names its interface in the audit
 * line; listing all interfaces for each one cost most of a write's time (the benchmark
 * showed 4 ms of 5). The list is kept and re-read when an interface is missing from it or
 * it is older than LABELS_MAX_AGE_MS.
 */
import type { AnycastKey } from '../../app/ipc-contract';
import { interfaceLabel, type NetworkInterface } from '../../app/model';
import type { AnycastBackend } from '../backends/backend';

/** An alias renamed in Windows shows in audit lines within this time. */
const LABELS_MAX_AGE_MS = 5_000;

export class InterfaceLabels {
  private labels: NetworkInterface[] = [];
  private readAt = 0;

  constructor(private readonly backend: Pick<AnycastBackend, 'listInterfaces'>) {}

  /** Names the interface the way the person picked it, with the same LUID-then-index rule. */
  async labelFor(key: AnycastKey): Promise<string> {
    const luidGiven = key.interfaceLuid !== '0';
    const matches = (i: NetworkInterface) => (luidGiven ? i.luid === key.interfaceLuid : i.index === key.interfaceIndex);
    const fresh = Date.now() - this.readAt < LABELS_MAX_AGE_MS;
    const iface = (fresh ? this.labels.find(matches) : undefined) ?? (await this.refresh()).find(matches);
    if (iface) return interfaceLabel(iface);
    return luidGiven ? `interface with LUID ${key.interfaceLuid}` : `interface index ${key.interfaceIndex}`;
  }

  private async refresh(): Promise<NetworkInterface[]> {
    const list = await this.backend.listInterfaces();
    this.labels = list.ok ? list.value : [];
    this.readAt = Date.now();
    return this.labels;
  }
}
