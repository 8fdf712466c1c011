/**
 * A change Windows made whose outcome the audit log could not record: the person is
 * told, as a warning, never with a plain success message.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { changeNotRecordedWarning } from '../../app/audit-errors';
import { describeWriteFault } from '../../main/audit/write-fault';
import { App } from '../../renderer/App';
import BulkAddDialog from '../../renderer/bulk/BulkAddDialog';
import { dispatcherFor } from './dispatcher';
import { inProcessApi, INTERFACES, readAfter, SEED_ENTRIES, type InProcessApi, type InProcessOptions } from './inProcessApi';
import { renderWithProviders } from './render';

/** The warning the service words, from the catalogue of audit faults, for a disk that filled up. */
const notOnRecord = (api: InProcessApi, operation: 'create' | 'delete', address: string) =>
  changeNotRecordedWarning(describeWriteFault(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }), api.auditPath), {
    operation,
    address,
    interfaceLabel: 'Ethernet (index 12)',
    path: api.auditPath,
  });

async function renderApp(options: InProcessOptions) {
  const api = inProcessApi(options);
  const view = renderWithProviders(<App api={api} />);
  await screen.findByRole('row', { name: /Intel\(R\) Ethernet/ });
  return { ...view, api };
}

describe('a change made but not on record', () => {
  it('warns after an add instead of announcing it as done', async () => {
    const { user, api } = await renderApp({ outcomeUnwritable: () => true });
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.10');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const expected = notOnRecord(api, 'create', '192.0.2.10');
    const warning = await screen.findByRole('alertdialog', { name: expected.title });
    expect(warning).toHaveTextContent(expected.what);
    expect(warning).toHaveTextContent(`112 · ERROR_DISK_FULL — ${expected.systemMessage}`);
    expect(screen.queryByText('Added 192.0.2.10 to Ethernet')).not.toBeInTheDocument();
    // The entry was added all the same, and the list is read again to show it.
    expect((await api.entries()).map((entry) => entry.address)).toContain('192.0.2.10');
    await waitFor(() => expect(readAfter(api.getSnapshot, api.createAnycast)).toBe(true));
  });

  it('warns after a delete instead of announcing it as done', async () => {
    const { user, api } = await renderApp({ outcomeUnwritable: () => true });
    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove 192.0.2.53 from Ethernet?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('alertdialog', { name: notOnRecord(api, 'delete', '192.0.2.53').title })).toBeInTheDocument();
    expect(screen.queryByText('Removed 192.0.2.53 from Ethernet')).not.toBeInTheDocument();
  });

  it('marks each bulk row added without a record, and each removal without one', async () => {
    const api = inProcessApi({ outcomeUnwritable: (address) => address === '192.0.2.11' });
    const { user } = renderWithProviders(
      <BulkAddDialog dispatcher={dispatcherFor(api)} interfaces={INTERFACES} entries={SEED_ENTRIES} elevated onClose={() => {}} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Bulk add anycast addresses' });
    await user.click(within(dialog).getByRole('textbox', { name: /^Addresses to add/ }));
    await user.paste('192.0.2.10 Ethernet\n192.0.2.11 Ethernet');
    await user.click(await within(dialog).findByRole('button', { name: 'Add 2 addresses' }));

    expect(await within(dialog).findByText('1 address was added with the result not on record in the audit log; the rows say why.')).toBeInTheDocument();
    const results = within(dialog).getByRole('table', { name: 'Results' });
    const line2 = within(results).getAllByRole('row').find((row) => row.querySelector('td')?.textContent === 'Line 2')!;
    const added = notOnRecord(api, 'create', '192.0.2.11');
    expect(line2).toHaveTextContent(`${added.title}: ${added.what}`);

    await user.click(within(dialog).getByRole('button', { name: 'Remove what was just added' }));
    expect(await within(dialog).findByText('1 removal is not on record in the audit log')).toBeInTheDocument();
    expect(within(dialog).getByText(new RegExp(`192\\.0\\.2\\.11 on Ethernet: 192\\.0\\.2\\.11 was removed from`))).toBeInTheDocument();
  });
});
