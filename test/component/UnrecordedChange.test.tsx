/**
 * A change Windows made whose outcome the audit log could not record: the person is
 * told, as a warning, never with a plain success message.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AnycastKey } from '../../app/ipc-contract';
import { App } from '../../renderer/App';
import BulkAddDialog from '../../renderer/bulk/BulkAddDialog';
import { dispatcherFor } from './dispatcher';
import { appError, createFakeApi, INTERFACES, SEED_ENTRIES, type FakeOptions } from './fakeApi';
import { renderWithProviders } from './render';

const notOnRecord = (operation: 'create' | 'delete', key: AnycastKey) =>
  appError({
    code: 112,
    symbol: 'ERROR_DISK_FULL',
    operation,
    address: key.address,
    title: `${operation === 'create' ? 'Added' : 'Removed'}, but the result is not on record`,
    what: `${key.address} was changed, but the audit log C:\\ProgramData\\Anycast Manager\\audit.jsonl could not record the result: the disk is full.`,
  });

async function renderApp(options: FakeOptions) {
  const api = createFakeApi(options);
  const view = renderWithProviders(<App api={api} />);
  await screen.findByRole('row', { name: /Intel\(R\) Ethernet/ });
  return { ...view, api };
}

describe('a change made but not on record', () => {
  it('warns after an add instead of announcing it as done', async () => {
    const { user, api } = await renderApp({ warnWrite: (operation, key) => (operation === 'create' ? notOnRecord(operation, key) : undefined) });
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.10');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const warning = await screen.findByRole('alertdialog', { name: 'Added, but the result is not on record' });
    expect(warning).toHaveTextContent('the disk is full');
    expect(warning).toHaveTextContent('112 · ERROR_DISK_FULL');
    expect(screen.queryByText('Added 192.0.2.10 to Ethernet')).not.toBeInTheDocument();
    // The entry was added all the same, and the list is read again to show it.
    expect(api.entries.map((entry) => entry.address)).toContain('192.0.2.10');
    await waitFor(() => expect(api.listAnycast).toHaveBeenCalledTimes(2));
  });

  it('warns after a delete instead of announcing it as done', async () => {
    const { user } = await renderApp({ warnWrite: (operation, key) => (operation === 'delete' ? notOnRecord(operation, key) : undefined) });
    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove 192.0.2.53 from Ethernet?' });
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(await screen.findByRole('alertdialog', { name: 'Removed, but the result is not on record' })).toBeInTheDocument();
    expect(screen.queryByText('Removed 192.0.2.53 from Ethernet')).not.toBeInTheDocument();
  });

  it('marks each bulk row added without a record, and each removal without one', async () => {
    const api = createFakeApi({ warnWrite: (operation, key) => (key.address === '192.0.2.11' ? notOnRecord(operation, key) : undefined) });
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
    expect(line2).toHaveTextContent(/Added.*Added, but the result is not on record: 192\.0\.2\.11 was changed/);

    await user.click(within(dialog).getByRole('button', { name: 'Remove what was just added' }));
    expect(await within(dialog).findByText('1 removal is not on record in the audit log')).toBeInTheDocument();
    expect(within(dialog).getByText(/192\.0\.2\.11 on Ethernet: 192\.0\.2\.11 was changed/)).toBeInTheDocument();
  });
});
