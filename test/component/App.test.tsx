import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { appError, createFakeApi, ETHERNET, TEREDO, WIFI, type FakeOptions } from './fakeApi';
import { renderWithProviders } from './render';

async function renderApp(options: FakeOptions = {}) {
  const api = createFakeApi(options);
  const view = renderWithProviders(<App api={api} />);
  const interfaces = screen.getByRole('grid', { name: 'Network interfaces' });
  const anycast = screen.getByRole('table', { name: 'Anycast addresses' });
  await within(interfaces).findByRole('row', { name: /Intel\(R\) Ethernet/ });
  return { ...view, api, interfaces, anycast };
}

/** The row whose first cell is exactly `first` (an alias or an address). */
const rowOf = (table: HTMLElement, first: string) => {
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.querySelector('td')?.textContent === first);
  if (!row) throw new Error(`no row starting with ${first}`);
  return row;
};
const addressesIn = (table: HTMLElement) =>
  within(table)
    .queryAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent);

describe('Anycast Manager main screen', () => {
  it('shows a loading state first, then the interfaces with their details and anycast counts', async () => {
    const api = createFakeApi();
    renderWithProviders(<App api={api} />);
    expect(screen.getByText('Loading network interfaces…')).toBeInTheDocument();

    const interfaces = screen.getByRole('grid', { name: 'Network interfaces' });
    const ethernet = await within(interfaces).findByRole('row', { name: /Intel\(R\) Ethernet Connection/ });
    expect(within(ethernet).getAllByRole('gridcell').map((c) => c.textContent)).toEqual([
      'Ethernet', 'Intel(R) Ethernet Connection (7) I219-LM', '12', 'Up', 'IPv4IPv6', '3C-52-82-4A-1B-7E', '2',
    ]);
    expect(within(rowOf(interfaces, TEREDO.alias)).getAllByRole('gridcell')[4]).toHaveTextContent(/^IPv6$/);
    expect(within(rowOf(interfaces, 'All interfaces')).getAllByRole('gridcell').at(-1)).toHaveTextContent('3');
    expect(screen.getByText(/^Last updated \d\d:\d\d:\d\d$/)).toBeInTheDocument();
  });

  it('names the live backend in the header', async () => {
    await renderApp();
    expect(screen.getByText('Windows backend')).toBeVisible();
  });

  it('marks a simulated computer in the header and with a banner', async () => {
    await renderApp({ status: { backend: 'simulated', simulatedReason: 'preview' } });
    expect(screen.getByText('Simulated backend')).toBeVisible();
    expect(screen.getByText(/browser preview/)).toBeVisible();
  });

  it('lists all anycast addresses with family, interface and scope id', async () => {
    const { anycast } = await renderApp();
    expect(addressesIn(anycast)).toEqual(['192.0.2.53', '2001:db8:53::53', '198.51.100.7']);
    const v6 = rowOf(anycast, '2001:db8:53::53');
    expect(within(v6).getAllByRole('cell').slice(0, 4).map((c) => c.textContent)).toEqual([
      '2001:db8:53::53', 'IPv6', 'Ethernet (index 12)', '0',
    ]);
    expect(anycast).toHaveAttribute('aria-rowcount', '4');
  });

  it('filters the anycast table to the interface selected with the mouse, and "All interfaces" clears it', async () => {
    const { user, interfaces, anycast } = await renderApp();

    await user.click(rowOf(interfaces, 'Wi-Fi'));
    expect(rowOf(interfaces, 'Wi-Fi')).toHaveAttribute('aria-selected', 'true');
    expect(rowOf(interfaces, 'All interfaces')).toHaveAttribute('aria-selected', 'false');
    expect(addressesIn(anycast)).toEqual(['198.51.100.7']);

    await user.click(rowOf(interfaces, 'All interfaces'));
    expect(addressesIn(anycast)).toHaveLength(3);
  });

  it('moves the selection with the arrow keys from a single tab stop', async () => {
    const { user, interfaces, anycast } = await renderApp();
    const all = rowOf(interfaces, 'All interfaces');
    expect(all).toHaveAttribute('tabindex', '0');
    expect(rowOf(interfaces, 'Ethernet')).toHaveAttribute('tabindex', '-1');

    all.focus();
    await user.keyboard('{ArrowDown}');
    expect(rowOf(interfaces, 'Ethernet')).toHaveFocus();
    expect(rowOf(interfaces, 'Ethernet')).toHaveAttribute('aria-selected', 'true');
    expect(addressesIn(anycast)).toEqual(['192.0.2.53', '2001:db8:53::53']);

    await user.keyboard('{ArrowDown}');
    expect(addressesIn(anycast)).toEqual(['198.51.100.7']);
    await user.keyboard('{Home}');
    expect(addressesIn(anycast)).toHaveLength(3);
  });

  it('says so when there are no anycast addresses, for the computer and for one interface', async () => {
    const { user, interfaces } = await renderApp({ entries: [] });
    expect(screen.getByText('No anycast addresses on this computer yet')).toBeVisible();

    await user.click(rowOf(interfaces, TEREDO.alias));
    expect(screen.getByText(`No anycast addresses on ${TEREDO.alias}`)).toBeVisible();
  });

  it('adds an address: sends the canonical address with LUID and index, refreshes, and announces it', async () => {
    const { user, api, anycast } = await renderApp();
    expect(api.listAnycast).toHaveBeenCalledTimes(1);

    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.10');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    expect(api.createAnycast).toHaveBeenCalledWith({ address: '192.0.2.10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 });
    await waitFor(() => expect(addressesIn(anycast)).toContain('192.0.2.10'));
    expect(api.listAnycast).toHaveBeenCalledTimes(2);
    expect((await screen.findAllByText('Added 192.0.2.10 to Ethernet')).length).toBeGreaterThan(0);
  });

  it('reports an add that Windows did not return when read back as done, with a warning, after re-reading the list', async () => {
    const notFound = appError({ code: 1168, symbol: 'ERROR_NOT_FOUND', systemMessage: 'Element not found.', operation: 'get' });
    const { user, api, anycast } = await renderApp({ readBackFails: notFound });

    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.11');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const warning =
      'Added 192.0.2.11 to Ethernet, but Windows did not return the entry when read back ' +
      '(code 1168, ERROR_NOT_FOUND: Element not found.); the list has been re-read.';
    expect((await screen.findAllByText(warning)).length).toBeGreaterThan(0);
    expect(api.listAnycast).toHaveBeenCalledTimes(2);
    expect(addressesIn(anycast)).toContain('192.0.2.11');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByText('Added 192.0.2.11 to Ethernet')).not.toBeInTheDocument();
  });

  it('picks the interface selected in the table for the form', async () => {
    const { user, interfaces } = await renderApp();
    await user.click(rowOf(interfaces, 'Wi-Fi'));
    expect(screen.getByRole('combobox', { name: /^Interface/ })).toHaveValue(`${WIFI.alias} (index 18)`);
  });

  it('shows a refused add in the error dialog, then returns focus to the form', async () => {
    const { user } = await renderApp({ fail: { createAnycast: appError() } });
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.53');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    const add = screen.getByRole('button', { name: 'Add' });
    await user.click(add);

    const dialog = await screen.findByRole('alertdialog', { name: 'Address already present' });
    expect(dialog).toHaveTextContent('5010 · ERROR_OBJECT_ALREADY_EXISTS — The object already exists.');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    await waitFor(() => expect(add).toHaveFocus());
    expect(screen.getByRole('textbox', { name: /^Address/ })).toHaveValue('192.0.2.53');
  });

  it('asks before deleting, then deletes the row by address, LUID and index', async () => {
    const { user, api, anycast } = await renderApp();

    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove 192.0.2.53 from Ethernet?' });
    expect(api.deleteAnycast).not.toHaveBeenCalled();
    await waitFor(() => expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await user.click(within(confirm).getByRole('button', { name: 'Delete' }));

    expect(api.deleteAnycast).toHaveBeenCalledWith({ address: '192.0.2.53', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 });
    await waitFor(() => expect(addressesIn(anycast)).toEqual(['2001:db8:53::53', '198.51.100.7']));
    expect((await screen.findAllByText('Removed 192.0.2.53 from Ethernet')).length).toBeGreaterThan(0);
  });

  it('deletes nothing when the confirmation is cancelled', async () => {
    const { user, api, anycast } = await renderApp();
    const trigger = screen.getByRole('button', { name: 'Delete 198.51.100.7 from Wi-Fi' });
    await user.click(trigger);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(api.deleteAnycast).not.toHaveBeenCalled();
    await waitFor(() => expect(trigger).toHaveFocus());
    // The page behind the dialog becomes accessible again a moment after the dialog has gone.
    await waitFor(() => expect(addressesIn(anycast)).toHaveLength(3));
  });

  it('turns a refused delete (not elevated) into the Access denied explanation', async () => {
    const denied = appError({
      code: 5, symbol: 'ERROR_ACCESS_DENIED', systemMessage: 'Access is denied.', title: 'Administrator rights needed', operation: 'delete',
    });
    const { user } = await renderApp({ status: { elevated: false }, fail: { deleteAnycast: denied } });
    expect(screen.getByText('Not running as administrator')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));

    const dialog = await screen.findByRole('alertdialog', { name: 'Administrator rights needed' });
    expect(dialog).toHaveTextContent('5 · ERROR_ACCESS_DENIED — Access is denied.');
  });

  it('reports a failed load in the error dialog and still shows what did load', async () => {
    const api = createFakeApi({ fail: { listAnycast: appError({ title: 'Windows reported an error', operation: 'list-anycast' }) } });
    renderWithProviders(<App api={api} />);

    expect(await screen.findByRole('alertdialog', { name: 'Windows reported an error' })).toBeInTheDocument();
    expect(within(screen.getByRole('grid', { name: 'Network interfaces', hidden: true })).getAllByRole('row', { hidden: true }).length).toBeGreaterThan(2);
    expect(screen.getByText('Anycast addresses could not be read')).toBeInTheDocument();
  });

  it('does not pop up an error for the anycast list when the banner already says the API is missing', async () => {
    const missing = appError({ code: 127, symbol: 'ERROR_PROC_NOT_FOUND', title: 'Anycast functions unavailable', operation: 'list-anycast' });
    await renderApp({ status: { anycastApi: false }, fail: { listAnycast: missing } });
    expect(screen.getByText('Anycast functions unavailable')).toBeVisible();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('reloads with the Refresh button and with F5', async () => {
    const { user, api } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.listInterfaces).toHaveBeenCalledTimes(2));

    fireEvent.keyDown(window, { key: 'F5' });
    await waitFor(() => expect(api.listInterfaces).toHaveBeenCalledTimes(3));
  });
});
