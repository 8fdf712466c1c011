import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/App';
import { win32Error } from '../../app/error-catalogue';
import { ERROR_ACCESS_DENIED, ERROR_NOT_FOUND, ERROR_NOT_SUPPORTED, ERROR_OBJECT_ALREADY_EXISTS } from '../../app/win32-errors';
import { ETHERNET, inProcessApi, readAfter, TEREDO, WIFI, type InProcessApi, type InProcessOptions } from './inProcessApi';
import { renderWithProviders } from './render';

async function renderApp(options: InProcessOptions = {}) {
  const api = inProcessApi(options);
  const view = renderWithProviders(<App api={api} />);
  const interfaces = screen.getByRole('grid', { name: 'Network interfaces' });
  const anycast = screen.getByRole('table', { name: 'Anycast addresses' });
  await within(interfaces).findByRole('row', { name: /Intel\(R\) Ethernet/ });
  return { ...view, api, interfaces, anycast };
}

/** The catalogue's words for a code, as the service words them. */
const errorFor = (api: InProcessApi, code: number, operation: 'create' | 'delete' | 'list-anycast') =>
  win32Error(code, api.systemMessage(code), { operation });

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
    const api = inProcessApi();
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
    await renderApp({ backend: { simulatedReason: 'preview' } });
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
    expect(api.getSnapshot).toHaveBeenCalledTimes(1);

    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.10');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    expect(api.createAnycast).toHaveBeenCalledWith({ address: '192.0.2.10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 });
    await waitFor(() => expect(addressesIn(anycast)).toContain('192.0.2.10'));
    expect(readAfter(api.getSnapshot, api.createAnycast)).toBe(true);
    expect((await screen.findAllByText('Added 192.0.2.10 to Ethernet')).length).toBeGreaterThan(0);
  });

  it('reports an add that Windows did not return when read back as done, with a warning, after re-reading the list', async () => {
    const { user, api, anycast } = await renderApp({ readBackFails: ERROR_NOT_FOUND });

    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.11');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));

    const warning =
      'Added 192.0.2.11 to Ethernet, but Windows did not return the entry when read back ' +
      `(code 1168, ERROR_NOT_FOUND: ${api.systemMessage(ERROR_NOT_FOUND)}); the list has been re-read.`;
    expect((await screen.findAllByText(warning)).length).toBeGreaterThan(0);
    expect(readAfter(api.getSnapshot, api.createAnycast)).toBe(true);
    expect(addressesIn(anycast)).toContain('192.0.2.11');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(screen.queryByText('Added 192.0.2.11 to Ethernet')).not.toBeInTheDocument();
  });

  it('picks the interface selected in the table for the form', async () => {
    const { user, interfaces } = await renderApp();
    await user.click(rowOf(interfaces, 'Wi-Fi'));
    expect(screen.getByRole('combobox', { name: /^Interface/ })).toHaveValue(`${WIFI.alias} (index 18)`);
  });

  it('shows a refused add (the address is already there) in the error dialog, then returns focus to the form', async () => {
    const { user, api } = await renderApp();
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), '192.0.2.53');
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    const add = screen.getByRole('button', { name: 'Add' });
    await user.click(add);

    const refused = errorFor(api, ERROR_OBJECT_ALREADY_EXISTS, 'create');
    const dialog = await screen.findByRole('alertdialog', { name: refused.title });
    expect(dialog).toHaveTextContent(`5010 · ERROR_OBJECT_ALREADY_EXISTS — ${refused.systemMessage}`);
    expect(dialog).toHaveTextContent(refused.what);
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
    const { user, api } = await renderApp({ elevated: false });
    const denied = errorFor(api, ERROR_ACCESS_DENIED, 'delete');
    expect(screen.getByText('Not running as administrator')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));

    const dialog = await screen.findByRole('alertdialog', { name: denied.title });
    expect(dialog).toHaveTextContent(`5 · ERROR_ACCESS_DENIED — ${denied.systemMessage}`);
  });

  it('reports a failed load in the error dialog and still shows what did load', async () => {
    const api = inProcessApi({ refuse: { listAnycast: ERROR_NOT_SUPPORTED } });
    renderWithProviders(<App api={api} />);

    expect(await screen.findByRole('alertdialog', { name: errorFor(api, ERROR_NOT_SUPPORTED, 'list-anycast').title })).toBeInTheDocument();
    expect(within(screen.getByRole('grid', { name: 'Network interfaces', hidden: true })).getAllByRole('row', { hidden: true }).length).toBeGreaterThan(2);
    expect(screen.getByText('Anycast addresses could not be read')).toBeInTheDocument();
  });

  it('does not pop up an error for the anycast list when the banner already says the API is missing', async () => {
    await renderApp({ anycastApiMissing: true });
    expect(screen.getByText('Anycast functions unavailable')).toBeVisible();
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('reloads with the Refresh button and with F5', async () => {
    const { user, api } = await renderApp();
    // Counted from each key press: the 15 s poll may add reads of its own on a slow machine.
    const before = api.getSnapshot.mock.calls.length;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(api.getSnapshot.mock.calls.length).toBeGreaterThan(before));

    const afterClick = api.getSnapshot.mock.calls.length;
    fireEvent.keyDown(window, { key: 'F5' });
    await waitFor(() => expect(api.getSnapshot.mock.calls.length).toBeGreaterThan(afterClick));
  });
});
