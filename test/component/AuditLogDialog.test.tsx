import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditRecord } from '../../app/audit';
import AuditLogDialog from '../../renderer/audit/AuditLogDialog';
import { saveTextFile } from '../../renderer/download';
import { AUDIT_PATH, createFakeApi, ETHERNET, WIFI } from './fakeApi';
import { renderWithProviders } from './render';

vi.mock('../../renderer/download', () => ({ saveTextFile: vi.fn() }));

const record = (time: string, operation: AuditRecord['operation'], address: string, iface: typeof ETHERNET, resultCode = 0, user = 'CONTOSO\\tech1'): AuditRecord => ({
  time, user, machine: 'PC-HELPDESK-07', backend: 'windows', operation, address, family: 'ipv4',
  interfaceLuid: iface.luid, interfaceIndex: iface.index, interfaceLabel: `${iface.alias} (index ${iface.index})`,
  resultCode, result: resultCode === 0 ? 'NO_ERROR' : resultCode === 5010 ? 'ERROR_OBJECT_ALREADY_EXISTS' : 'ERROR_ACCESS_DENIED',
});

// Oldest first, as in the file.
const AUDIT = [
  record('2025-03-14T08:00:00.000Z', 'create', '192.0.2.10', ETHERNET),
  record('2025-03-14T08:05:00.000Z', 'create', '192.0.2.10', ETHERNET, 5010),
  record('2025-03-14T08:10:00.000Z', 'delete', '198.51.100.7', WIFI, 0, 'CONTOSO\\tech2'),
  record('2025-03-14T08:15:00.000Z', 'delete', '=cmd|calc', WIFI, 5),
];

async function renderAudit() {
  const api = createFakeApi({ audit: AUDIT });
  const view = renderWithProviders(<AuditLogDialog api={api} onClose={() => {}} />);
  const dialog = screen.getByRole('dialog', { name: 'Audit log' });
  const table = within(dialog).getByRole('table', { name: 'Audit records' });
  await within(dialog).findByText('4 records, newest first.');
  const addresses = () => within(table).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('td')[4]?.textContent);
  return { ...view, api, dialog, table, addresses };
}

describe('Audit log viewer', () => {
  afterEach(() => vi.mocked(saveTextFile).mockClear());

  it('shows time, user, machine, operation, address, interface and result, newest first, and where the file is', async () => {
    const { api, dialog, table } = await renderAudit();
    expect(api.readAuditLog).toHaveBeenCalledWith({ limit: 10_000 });
    const [, newest] = within(table).getAllByRole('row');
    expect(within(newest!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      expect.stringMatching(/^2025-03-14 \d\d:15:00$/), 'CONTOSO\\tech1', 'PC-HELPDESK-07', 'Remove', '=cmd|calc', 'Wi-Fi (index 18)', 'FailedERROR_ACCESS_DENIED (5)',
    ]);
    expect(within(dialog).getByText(AUDIT_PATH)).toBeInTheDocument();
  });

  it('filters by operation, by result and by text together', async () => {
    const { user, dialog, addresses } = await renderAudit();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Result' }), 'failure');
    await waitFor(() => expect(addresses()).toEqual(['=cmd|calc', '192.0.2.10']));
    expect(within(dialog).getByText('2 of 4 records match, newest first.')).toBeInTheDocument();

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Operation' }), 'create');
    await waitFor(() => expect(addresses()).toEqual(['192.0.2.10']));

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Result' }), 'success');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Operation' }), 'all');
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search audit log' }), 'tech2');
    await waitFor(() => expect(addresses()).toEqual(['198.51.100.7']));

    await user.clear(within(dialog).getByRole('searchbox', { name: 'Search audit log' }));
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search audit log' }), 'token ring');
    expect(await within(dialog).findByText('No record matches these filters.')).toBeInTheDocument();
  });

  it('exports what the filters show as CSV (formulas defused) and as JSONL', async () => {
    const { user, dialog } = await renderAudit();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Operation' }), 'delete');
    await user.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    await user.click(within(dialog).getByRole('button', { name: 'Export JSONL' }));

    const [csv, jsonl] = vi.mocked(saveTextFile).mock.calls.map(([file]) => file);
    if (!csv || !jsonl) throw new Error('expected two saved files');
    expect(csv.fileName).toBe('anycast-audit.csv');
    expect(csv.text.split('\r\n')[0]).toBe('\uFEFFtime,user,machine,backend,operation,address,family,interfaceLuid,interfaceIndex,interfaceLabel,resultCode,result');
    expect(csv.text).toContain(",'=cmd|calc,");
    expect(csv.text.trim().split('\r\n')).toHaveLength(3);
    expect(jsonl.fileName).toBe('anycast-audit.jsonl');
    expect(jsonl.text.trim().split('\n').map((line) => JSON.parse(line) as AuditRecord)).toEqual([AUDIT[3], AUDIT[2]]);
  });

  it('says when nothing has been recorded yet', async () => {
    renderWithProviders(<AuditLogDialog api={createFakeApi()} onClose={() => {}} />);
    expect(await screen.findByText('No changes have been recorded yet.')).toBeInTheDocument();
  });
});
