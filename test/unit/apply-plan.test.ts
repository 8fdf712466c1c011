import { noStackReason, rowsToApply } from '../../app/apply-plan';
import { previewImport } from '../../app/bulk-import';
import { planSavedSet, toSavedEntries } from '../../app/saved-set-plan';
import { entry, ETHERNET, INTERFACES, WIFI } from './import-export-fixtures';

const context = { interfaces: INTERFACES, entries: [] };

describe('one apply plan for bulk add and the saved set', () => {
  it('records where its rows came from', () => {
    expect(previewImport('192.0.2.10 Ethernet', context).source).toBe('paste');
    expect(previewImport('address,interface\n192.0.2.10,Ethernet', context).source).toBe('csv');
    expect(previewImport('[{"address":"192.0.2.10","interface":"Ethernet"}]', context).source).toBe('json');
    expect(planSavedSet(toSavedEntries([entry('192.0.2.10', ETHERNET)], INTERFACES), context).source).toBe('saved-set');
  });

  it('says "has no IPv6 stack" in the same words for a pasted row and a saved entry', () => {
    const pasted = previewImport('2001:db8::5 "Wi-Fi 2"', context).rows[0];
    const saved = planSavedSet([{ address: '2001:db8::5', family: 'ipv6', interfaceLuid: WIFI.luid, interfaceIndex: WIFI.index, interfaceAlias: WIFI.alias }], context).rows[0];
    const expected = noStackReason('Wi-Fi 2 (index 7)', 'ipv6', '2001:db8::5');
    expect(expected).toBe('Wi-Fi 2 (index 7) has no IPv6 stack, so it cannot take the IPv6 address 2001:db8::5.');
    expect(pasted).toMatchObject({ status: 'invalid', reason: expected });
    expect(saved).toMatchObject({ status: 'invalid', reason: expected });
  });

  it('without an address, the wording speaks of "this" address', () => {
    expect(noStackReason('Wi-Fi 2', 'ipv4')).toBe('Wi-Fi 2 has no IPv4 stack, so it cannot take this IPv4 address.');
  });

  it('finds a saved entry already present whatever way its address was written, and sends only the rest', () => {
    const saved = toSavedEntries([entry('2001:db8::7', ETHERNET), entry('192.0.2.10', ETHERNET)], INTERFACES);
    const plan = planSavedSet(saved, { interfaces: INTERFACES, entries: [entry('2001:0db8:0:0::7', ETHERNET)] });
    expect(plan.counts).toEqual({ ready: 1, 'already-present': 1, repeated: 0, invalid: 0 });
    expect(plan.rows[0]).toMatchObject({ status: 'already-present', reason: '2001:db8::7 is already on Ethernet (index 12); nothing to do.' });
    expect(rowsToApply(plan)).toEqual([{ row: 2, request: { address: '192.0.2.10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 } }]);
  });

  it('a saved entry whose adapter was reinstalled is found by its alias, with a warning', () => {
    const moved = { ...ETHERNET, luid: '1688849860263999' };
    const plan = planSavedSet(toSavedEntries([entry('192.0.2.10', ETHERNET)], INTERFACES), { interfaces: [moved, WIFI], entries: [] });
    expect(plan.rows[0]).toMatchObject({ status: 'ready', interface: { luid: moved.luid }, warnings: [expect.stringContaining('found by its alias "Ethernet"')] });
  });
});
