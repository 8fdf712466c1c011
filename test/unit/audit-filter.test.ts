import type { AuditRecord } from '../../app/audit';
import { interfaceLabel } from '../../app/model';
import { filterAudit, type AuditFilter } from '../../renderer/audit/auditView';

let changes = 0;

function change(address: string, alias: string, index: number, outcome: Partial<AuditRecord> = {}): AuditRecord {
  changes++;
  return {
    time: `2026-12-0${1 + (changes % 7)}T09:${String(10 + changes).padStart(2, '0')}:00.000Z`,
    user: 'DESKTOP-7Q2\\tech',
    machine: 'DESKTOP-7Q2',
    backend: 'windows',
    operation: 'create',
    address,
    family: address.includes(':') ? 'ipv6' : 'ipv4',
    interfaceLuid: String(1_689_399_632_855_040 + index),
    interfaceIndex: index,
    interfaceLabel: interfaceLabel({ alias, index }),
    resultCode: 0,
    result: 'NO_ERROR',
    ...outcome,
  };
}

const duplicate = { resultCode: 5010, result: 'ERROR_OBJECT_ALREADY_EXISTS' };
const records: AuditRecord[] = [
  change('192.0.2.1', 'Ethernet', 12),
  change('192.0.2.10', 'Ethernet', 12),
  change('192.0.2.100', 'Ethernet 2', 23, duplicate),
  change('2001:db8::1', 'Ethernet 20', 110),
  change('2001:db8::10', 'Ethernet 11', 101, { operation: 'delete' }),
  change('198.51.100.7', 'Wi-Fi', 18, { resultCode: null, result: null }),
];

const all: Omit<AuditFilter, 'text'> = { operation: 'all', result: 'all' };
const addressesFor = (text: string, filter = all) => filterAudit(records, { ...filter, text }).map((r) => r.address);

describe('the audit log search', () => {
  it('finds the addresses that begin with what is typed, not every one that contains it', () => {
    expect(addressesFor('192.0.2.1')).toEqual(['192.0.2.1', '192.0.2.10', '192.0.2.100']);
    expect(addressesFor('2.1')).toEqual([]);
    expect(addressesFor('100.7')).toEqual([]);
    expect(addressesFor('2001:DB8:0::1')).toEqual(['2001:db8::1']);
    expect(addressesFor('192.0.2.0/28')).toEqual(['192.0.2.1', '192.0.2.10']);
  });

  it('reads an interface name whole, as the main tables do: "Ethernet 2" is not Ethernet 20 or 11', () => {
    expect(addressesFor('Ethernet 2')).toEqual(['192.0.2.100']);
    expect(addressesFor('Ethernet 2 (index 23)')).toEqual(['192.0.2.100']);
    expect(addressesFor('index 110')).toEqual(['2001:db8::1']);
    expect(addressesFor('Ether')).toHaveLength(5);
  });

  it('finds the result, the operation and the outcome in words, and the Windows code', () => {
    expect(addressesFor('already exists')).toEqual(['192.0.2.100']);
    expect(addressesFor('ERROR_OBJECT_ALREADY')).toEqual(['192.0.2.100']);
    expect(addressesFor('5010')).toEqual(['192.0.2.100']);
    expect(addressesFor('remove')).toEqual(['2001:db8::10']);
    expect(addressesFor('no outcome recorded')).toEqual(['198.51.100.7']);
  });

  it('finds who made a change, on which machine and when', () => {
    expect(addressesFor('tech')).toHaveLength(records.length);
    expect(addressesFor('desktop-7q2')).toHaveLength(records.length);
    expect(addressesFor(records[2]!.time.slice(0, 10))).toContain('192.0.2.100');
    expect(addressesFor(records[2]!.time.slice(11, 16))).toEqual(['192.0.2.100']);
  });

  it('combines the text with the operation and result filters, and an empty search shows every record', () => {
    expect(addressesFor('   ')).toHaveLength(records.length);
    expect(addressesFor('Ethernet', { operation: 'delete', result: 'all' })).toEqual(['2001:db8::10']);
    expect(addressesFor('', { operation: 'all', result: 'unrecorded' })).toEqual(['198.51.100.7']);
    expect(addressesFor('Wi-Fi', { operation: 'all', result: 'success' })).toEqual([]);
  });
});
