import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { win32Error } from '../../app/error-catalogue';
import { ERROR_ACCESS_DENIED } from '../../app/win32-errors';
import BulkAddDialog from '../../renderer/bulk/BulkAddDialog';
import { dispatcherFor } from './dispatcher';
import { ETHERNET, inProcessApi, INTERFACES, SEED_ENTRIES, WIFI } from './inProcessApi';
import { renderWithProviders } from './render';

const PASTE = [
  '192.0.2.10 Ethernet',
  '2001:db8::10, Wi-Fi',
  '198.51.100.20 Wi-Fi',
  '192.0.2.53 Ethernet',
  '224.0.0.1 Ethernet',
  '192.0.2.10 Ethernet',
].join('\n');

/**
 * Windows answers 5010 for one row (someone added it after the list was read) and Access
 * denied for another (a policy on that address, say).
 */
function renderDialog() {
  const api = inProcessApi({ refuse: { createAnycast: (row) => (row.address === '198.51.100.20' ? ERROR_ACCESS_DENIED : undefined) } });
  void api.computer.createAnycast({ address: '2001:db8::10', family: 'ipv6', interfaceLuid: BigInt(WIFI.luid), interfaceIndex: 0, scopeId: 0 });
  const dispatcher = dispatcherFor(api);
  // The lists are re-read after a run.
  const onChanged = vi.spyOn(dispatcher, 'refresh');
  const onClose = vi.fn();
  const view = renderWithProviders(
    <BulkAddDialog dispatcher={dispatcher} interfaces={INTERFACES} entries={SEED_ENTRIES} elevated onClose={onClose} />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Bulk add anycast addresses' });
  return { ...view, api, dialog, onChanged, onClose };
}

const rowAt = (table: HTMLElement, location: string) => {
  const row = within(table).getAllByRole('row').find((r) => r.querySelector('td')?.textContent === location);
  if (!row) throw new Error(`no row for ${location}`);
  return row;
};

describe('Bulk add', () => {
  it('previews each pasted row as ready, already present or invalid before anything is sent', async () => {
    const { user, api, dialog } = renderDialog();
    await user.click(within(dialog).getByRole('textbox', { name: /^Addresses to add/ }));
    await user.paste(PASTE);

    expect(await within(dialog).findByText('3 ready · 1 already present · 1 repeated · 1 invalid')).toBeInTheDocument();
    const preview = within(dialog).getByRole('table', { name: 'Import preview' });
    expect(rowAt(preview, 'Line 1')).toHaveTextContent(/192\.0\.2\.10.*Ethernet \(index 12\).*Ready/);
    expect(rowAt(preview, 'Line 4')).toHaveTextContent(/Already present.*already on Ethernet/);
    expect(rowAt(preview, 'Line 5')).toHaveTextContent(/Invalid.*multicast/);
    expect(rowAt(preview, 'Line 6')).toHaveTextContent(/Repeated in this list.*Line 1 already adds 192\.0\.2\.10/);
    expect(rowAt(preview, 'Line 6')).not.toHaveTextContent('Invalid');
    expect(within(dialog).getByText(/Detected: a list/)).toBeInTheDocument();
    expect(api.createAnycast).not.toHaveBeenCalled();
  });

  it('gives the examples as a hint, not as grey rows in the box', async () => {
    const { dialog } = renderDialog();
    const box = within(dialog).getByRole('textbox', { name: /^Addresses to add/ });
    expect(box).not.toHaveAttribute('placeholder');
    expect(box).toHaveAccessibleDescription(/as in 192\.0\.2\.10 Ethernet/);
  });

  it('keeps a refused row\'s raw line out of the Address column: the address read, or a dash, and the line with the reason', async () => {
    const { user, dialog } = renderDialog();
    await user.click(within(dialog).getByRole('textbox', { name: /^Addresses to add/ }));
    await user.paste('999.1.1.1 Ethernet\n192.0.2.77 Nowhere');
    const preview = await within(dialog).findByRole('table', { name: 'Import preview' });
    await waitFor(() => expect(within(preview).getAllByRole('row')).toHaveLength(3));
    const cells = (location: string) => within(rowAt(preview, location)).getAllByRole('cell').map((c) => c.textContent);
    const [, address, iface, status] = cells('Line 1');
    expect([address, iface]).toEqual(['—', '—']);
    expect(status).toMatch(/Invalid.*999.*Read: 999\.1\.1\.1 Ethernet$/);
    expect(cells('Line 2').slice(1, 3)).toEqual(['192.0.2.77', '—']);
    expect(cells('Line 2')[3]).not.toContain('Read:');
  });

  it('adds the ready rows one by one and shows what became of every row, failures with their reason', async () => {
    const { user, api, dialog, onChanged } = renderDialog();
    await user.click(within(dialog).getByRole('textbox', { name: /^Addresses to add/ }));
    await user.paste(PASTE);
    await user.click(await within(dialog).findByRole('button', { name: 'Add 3 addresses' }));

    const summary = await within(dialog).findByText(/^Done:/);
    expect(summary).toHaveTextContent('Done: 1 added · 2 already present · 1 failed · 2 skipped');
    expect(api.createAnycast.mock.calls.map(([key]) => key)).toEqual([
      { address: '192.0.2.10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 },
      { address: '2001:db8::10', interfaceLuid: WIFI.luid, interfaceIndex: 18 },
      { address: '198.51.100.20', interfaceLuid: WIFI.luid, interfaceIndex: 18 },
    ]);
    const results = within(dialog).getByRole('table', { name: 'Results' });
    expect(rowAt(results, 'Line 1')).toHaveTextContent(/Added/);
    expect(rowAt(results, 'Line 2')).toHaveTextContent(/Already present.*Windows already had this entry/);
    const denied = win32Error(ERROR_ACCESS_DENIED, api.systemMessage(ERROR_ACCESS_DENIED), { operation: 'create' });
    expect(rowAt(results, 'Line 3')).toHaveTextContent(`Failed${denied.title} (5 ERROR_ACCESS_DENIED)`);
    expect(rowAt(results, 'Line 4')).toHaveTextContent(/Already present/);
    expect(rowAt(results, 'Line 5')).toHaveTextContent(/Skipped.*Not sent: .*multicast/);
    expect(onChanged).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus());
  });

  it('removes exactly the rows the run added, and nothing that was there before', async () => {
    const { user, api, dialog } = renderDialog();
    await user.click(within(dialog).getByRole('textbox', { name: /^Addresses to add/ }));
    await user.paste(PASTE);
    await user.click(await within(dialog).findByRole('button', { name: 'Add 3 addresses' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Remove what was just added' }));

    expect(await within(dialog).findByText('Removed the 1 address this run added.')).toBeInTheDocument();
    expect(api.deleteAnycast.mock.calls.map(([key]) => key)).toEqual([{ address: '192.0.2.10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 }]);
    expect((await api.entries()).map((e) => e.address)).not.toContain('192.0.2.10');
    expect(within(dialog).queryByRole('button', { name: 'Remove what was just added' })).not.toBeInTheDocument();
  });

  it('reads an imported CSV file into the preview', async () => {
    const { user, dialog } = renderDialog();
    const file = new File(['address,interface\r\n192.0.2.99,Wi-Fi\r\n'], 'ticket-4711.csv', { type: 'text/csv' });
    await user.upload(within(dialog).getByLabelText('Import file'), file);

    expect(await within(dialog).findByText('Loaded ticket-4711.csv')).toBeInTheDocument();
    expect(await within(dialog).findByText('1 ready')).toBeInTheDocument();
    expect(rowAt(within(dialog).getByRole('table', { name: 'Import preview' }), 'Line 2')).toHaveTextContent(/192\.0\.2\.99.*Wi-Fi \(index 18\).*Ready/);
  });

  it('refuses a file over the size limit from its size, without reading it', async () => {
    const { user, dialog } = renderDialog();
    const file = new File(['address,interface\r\n'], 'fleet.csv', { type: 'text/csv' });
    Object.defineProperty(file, 'size', { value: 20 * 1024 * 1024 });
    const read = vi.spyOn(file, 'text');
    await user.upload(within(dialog).getByLabelText('Import file'), file);

    expect(await within(dialog).findByText('fleet.csv is 21 MB; an import file can be at most 5 MB and 10,000 rows. Split it into smaller files.')).toBeVisible();
    expect(read).not.toHaveBeenCalled();
    expect(within(dialog).getByRole('textbox', { name: /^Addresses to add/ })).toHaveValue('');
  });

  it('refuses a file with too many rows before it reaches the text box, and stays usable', async () => {
    const { user, dialog } = renderDialog();
    const rows = Array.from({ length: 10_001 }, (_, i) => `192.0.${i >> 8}.${i & 255} Ethernet`).join('\n');
    await user.upload(within(dialog).getByLabelText('Import file'), new File([rows], 'many.txt', { type: 'text/plain' }));

    expect(await within(dialog).findByText(/many\.txt was not loaded\. The input has more than 10,000 rows; one import takes at most 10,000/)).toBeVisible();
    const text = within(dialog).getByRole('textbox', { name: /^Addresses to add/ });
    expect(text).toHaveValue('');
    await user.click(text);
    await user.paste('192.0.2.99 Wi-Fi');
    expect(await within(dialog).findByText('1 ready')).toBeInTheDocument();
    expect(within(dialog).queryByText(/was not loaded/)).toBeNull();
  });

  it('previews a long file as it is, without laying it out in the text box, and lets the person type instead', async () => {
    const { user, dialog } = renderDialog();
    const rows = Array.from({ length: 3_000 }, (_, i) => `198.18.${i >> 8}.${i & 255} Ethernet`).join('\n');
    await user.upload(within(dialog).getByLabelText('Import file'), new File([rows], 'lab.txt', { type: 'text/plain' }));

    expect(await within(dialog).findByText('3,000 ready')).toBeInTheDocument();
    const source = within(dialog).getByRole('group', { name: 'Addresses to add' });
    expect(source).toHaveTextContent('lab.txt is too long to show here');
    expect(within(dialog).queryByRole('textbox', { name: /^Addresses to add/ })).toBeNull();

    await user.click(within(source).getByRole('button', { name: 'Type or paste instead' }));
    const text = within(dialog).getByRole('textbox', { name: /^Addresses to add/ });
    await waitFor(() => expect(text).toHaveFocus());
    expect(text).toHaveValue('');
    expect(await within(dialog).findByText('No rows yet')).toBeInTheDocument();
  });

  it('refuses a paste with too many rows and keeps what was typed', async () => {
    const { user, dialog } = renderDialog();
    const text = within(dialog).getByRole('textbox', { name: /^Addresses to add/ });
    await user.click(text);
    await user.paste('192.0.2.99 Wi-Fi');
    await user.paste('1\n'.repeat(10_001));

    expect(await within(dialog).findByText(/The pasted text was not added\. The input has more than 10,000 rows/)).toBeVisible();
    expect(text).toHaveValue('192.0.2.99 Wi-Fi');
  });

  it('says why a whole input cannot be read, and offers nothing to add', async () => {
    const { user, dialog } = renderDialog();
    await user.click(within(dialog).getByRole('textbox', { name: /^Addresses to add/ }));
    await user.paste('[{"address": ');
    expect(await within(dialog).findByText(/The text is not valid JSON/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Add' })).toBeDisabled();
  });
});
