import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_VIEWER_PAGE, type AuditRecord } from '../../app/audit';
import AuditLogDialog from '../../renderer/audit/AuditLogDialog';
import { saveTextFile } from '../../renderer/download';
import { invalidRequestError } from '../../app/error-catalogue';
import { ERROR_INVALID_PARAMETER } from '../../app/win32-errors';
import { ETHERNET, inProcessApi, WIFI } from './inProcessApi';
import { dispatcherFor } from './dispatcher';
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
  const api = inProcessApi({ audit: AUDIT });
  const view = renderWithProviders(<AuditLogDialog dispatcher={dispatcherFor(api)} onClose={() => {}} />);
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
    expect(api.readAuditLog).toHaveBeenCalledWith({ limit: AUDIT_VIEWER_PAGE });
    const [, newest] = within(table).getAllByRole('row');
    expect(within(newest!).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      expect.stringMatching(/^2025-03-14 \d\d:15:00$/), 'CONTOSO\\tech1', 'PC-HELPDESK-07', 'Remove', '=cmd|calc', 'Wi-Fi (index 18)', 'FailedERROR_ACCESS_DENIED (5)',
    ]);
    expect(within(dialog).getByText(api.auditPath)).toBeInTheDocument();
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

  it('shows an attempt whose outcome is not on record as such, and filters and exports it', async () => {
    const unrecorded: AuditRecord = { ...record('2025-03-14T08:20:00.000Z', 'create', '192.0.2.99', ETHERNET), resultCode: null, result: null };
    const api = inProcessApi({ audit: [...AUDIT, unrecorded] });
    const { user } = renderWithProviders(<AuditLogDialog dispatcher={dispatcherFor(api)} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Audit log' });
    await within(dialog).findByText('5 records, newest first.');
    const [, newest] = within(dialog).getAllByRole('row');
    expect(within(newest!).getAllByRole('cell').at(-1)!.textContent).toBe('No outcome recordedthe change may or may not have been made');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Result' }), 'unrecorded');
    expect(await within(dialog).findByText('1 of 5 records match, newest first.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Export CSV' }));
    const [csv] = vi.mocked(saveTextFile).mock.calls.map(([file]) => file);
    expect(csv!.text.trim().split('\r\n')[1]).toMatch(/,192\.0\.2\.99,ipv4,1688849877041152,12,Ethernet \(index 12\),,no outcome recorded$/);
  });

  it('pages back through older records on request, keeping the filters', async () => {
    const many = Array.from({ length: AUDIT_VIEWER_PAGE * 2 + 5 }, (_, n) =>
      record(new Date(Date.UTC(2025, 2, 14, 8) + n * 60_000).toISOString(), 'create', `10.0.${n >> 8}.${n & 255}`, n % 2 ? WIFI : ETHERNET),
    );
    const api = inProcessApi({ audit: many });
    const { user } = renderWithProviders(<AuditLogDialog dispatcher={dispatcherFor(api)} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Audit log' });
    await within(dialog).findByText('1,000 records, newest first. Older records are in the log.');
    await user.type(within(dialog).getByRole('searchbox', { name: 'Search audit log' }), '10.0.0.4');
    const older = within(dialog).getByRole('button', { name: 'Show older records' });
    await user.click(older);
    await within(dialog).findByText(/of 2,000 records match, newest first\. Older records are in the log\./);
    expect(api.readAuditLog).toHaveBeenLastCalledWith({ limit: AUDIT_VIEWER_PAGE, before: expect.anything() });
    await user.click(older);
    await within(dialog).findByText(/of 2,005 records match, newest first\.$/);
    // The oldest records are on screen with the search applied: 10.0.0.4 and 10.0.0.40–49.
    await waitFor(() => expect(within(dialog).getAllByRole('row').slice(1).map((row) => row.querySelectorAll('td')[4]?.textContent)).toContain('10.0.0.4'));
    const button = within(dialog).getByRole('button', { name: 'All records are shown' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
  });

  it('says why older records could not be read, and keeps what is shown', async () => {
    const many = Array.from({ length: AUDIT_VIEWER_PAGE + 1 }, (_, n) => record(`2025-03-14T08:00:${String(n % 60).padStart(2, '0')}.000Z`, 'create', `10.1.${n >> 8}.${n & 255}`, ETHERNET));
    const api = inProcessApi({ audit: many });
    const { user } = renderWithProviders(<AuditLogDialog dispatcher={dispatcherFor(api)} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Audit log' });
    await within(dialog).findByText('1,000 records, newest first. Older records are in the log.');
    const removed = 'The older records were removed from the log while it was open.';
    api.readAuditLog.mockResolvedValueOnce({ ok: false, error: invalidRequestError(removed, api.systemMessage(ERROR_INVALID_PARAMETER), { operation: 'read-audit' }) });
    await user.click(within(dialog).getByRole('button', { name: 'Show older records' }));
    expect(await within(dialog).findByText(/The older records were removed from the log while it was open\./)).toBeInTheDocument();
    expect(within(dialog).getByText('1,000 records, newest first. Older records are in the log.')).toBeInTheDocument();
  });

  it('says when nothing has been recorded yet', async () => {
    renderWithProviders(<AuditLogDialog dispatcher={dispatcherFor(inProcessApi())} onClose={() => {}} />);
    expect(await screen.findByText('No changes have been recorded yet.')).toBeInTheDocument();
  });
});
