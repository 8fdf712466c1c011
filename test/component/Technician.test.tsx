/** The main screen's technician features: search and sort, undo, live updates, row details. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnycastEntry } from '../../app/model';
import { App } from '../../renderer/App';
import { EVENT_SETTLE_MS } from '../../renderer/hooks/useLiveRefresh';
import { win32Error } from '../../app/error-catalogue';
import { ERROR_OBJECT_ALREADY_EXISTS } from '../../app/win32-errors';
import { ETHERNET, IDENTITY, INTERFACES, inProcessApi, LAB, SEED_ENTRIES, WIFI, type InProcessOptions } from './inProcessApi';
import { renderWithProviders } from './render';

async function renderApp(options: InProcessOptions = {}) {
  const api = inProcessApi(options);
  const view = renderWithProviders(<App api={api} />);
  const interfaces = screen.getByRole('grid', { name: 'Network interfaces' });
  const anycast = screen.getByRole('table', { name: 'Anycast addresses' });
  await within(interfaces).findByRole('row', { name: /Intel\(R\) Ethernet/ });
  return { ...view, api, interfaces, anycast };
}

const firstCells = (table: HTMLElement) =>
  within(table)
    .queryAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent);

const MORE: AnycastEntry[] = [
  ...SEED_ENTRIES,
  { address: '192.0.2.9', family: 'ipv4', interfaceLuid: LAB.luid, interfaceIndex: LAB.index, scopeId: 0 },
  { address: '192.0.2.10', family: 'ipv4', interfaceLuid: WIFI.luid, interfaceIndex: WIFI.index, scopeId: 0 },
];

describe('Search and sort', () => {
  it('filters the anycast table by address prefix, alias, description and MAC, and counts "N of M"', async () => {
    const { user, anycast } = await renderApp({ entries: MORE });
    const search = screen.getByRole('searchbox', { name: 'Search anycast addresses' });
    expect(screen.getByText('5 addresses')).toBeInTheDocument();

    await user.type(search, '2001');
    await waitFor(() => expect(firstCells(anycast)).toEqual(['2001:db8:53::53']));
    expect(screen.getByText('1 of 5')).toBeInTheDocument();

    // An address prefix matches addresses from their start, not a "2" anywhere in the row.
    await user.clear(search);
    await user.type(search, '192.0.2.');
    await waitFor(() => expect(firstCells(anycast)).toEqual(['192.0.2.53', '192.0.2.9', '192.0.2.10']));

    await user.clear(search);
    await user.type(search, 'hyper-v');
    await waitFor(() => expect(firstCells(anycast)).toEqual(['192.0.2.9']));

    await user.clear(search);
    await user.type(search, '8C-C6-81');
    await waitFor(() => expect(firstCells(anycast)).toEqual(['198.51.100.7', '192.0.2.10']));

    await user.clear(search);
    await user.type(search, 'token ring');
    expect(await screen.findByText('No anycast addresses match “token ring”')).toBeInTheDocument();
    expect(screen.getByText('0 of 5')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    await waitFor(() => expect(firstCells(anycast)).toHaveLength(5));
    expect(screen.getByText('5 addresses')).toBeInTheDocument();
  });

  it('"Ethernet 2" shows only Ethernet 2\'s rows, in both tables, with "N of M"', async () => {
    const ethernet2 = INTERFACES.find((i) => i.alias === 'Ethernet 2')!;
    const onEthernet2: AnycastEntry[] = [
      { address: '192.0.2.20', family: 'ipv4', interfaceLuid: ethernet2.luid, interfaceIndex: ethernet2.index, scopeId: 0 },
      { address: '2001:db8:2::2', family: 'ipv6', interfaceLuid: ethernet2.luid, interfaceIndex: ethernet2.index, scopeId: 0 },
    ];
    // Ethernet's 192.0.2.53 and 2001:db8:53::53 hold a "2": word-by-word matching would show them too.
    const { user, anycast, interfaces } = await renderApp({ entries: [...SEED_ENTRIES, ...onEthernet2] });

    await user.type(screen.getByRole('searchbox', { name: 'Search anycast addresses' }), 'Ethernet 2');
    await waitFor(() => expect(firstCells(anycast)).toEqual(['192.0.2.20', '2001:db8:2::2']));
    expect(screen.getByText('2 of 5')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search interfaces' }), 'Ethernet 2');
    await waitFor(() => expect(firstCells(interfaces)).toEqual(['All interfaces', 'Ethernet 2']));
    expect(screen.getByText(`1 of ${INTERFACES.length}`)).toBeInTheDocument();
  });

  it('sorts addresses as numbers from the column header, by mouse and by keyboard, with aria-sort', async () => {
    const { user, anycast } = await renderApp({ entries: MORE });
    const header = within(anycast).getByRole('columnheader', { name: 'Address' });
    expect(header).toHaveAttribute('aria-sort', 'none');

    await user.click(within(header).getByRole('button'));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(firstCells(anycast)).toEqual(['192.0.2.9', '192.0.2.10', '192.0.2.53', '198.51.100.7', '2001:db8:53::53']);

    within(header).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells(anycast)[0]).toBe('2001:db8:53::53');

    const byInterface = within(anycast).getByRole('columnheader', { name: 'Interface' });
    within(byInterface).getByRole('button').focus();
    await user.keyboard(' ');
    expect(byInterface).toHaveAttribute('aria-sort', 'ascending');
    expect(header).toHaveAttribute('aria-sort', 'none');
    expect(firstCells(anycast)).toEqual(['192.0.2.53', '2001:db8:53::53', '192.0.2.9', '198.51.100.7', '192.0.2.10']);
  });

  it('searches and sorts the interface grid, keeping "All interfaces" first', async () => {
    const { user, interfaces } = await renderApp();
    await user.type(screen.getByRole('searchbox', { name: 'Search interfaces' }), 'intel');
    await waitFor(() => expect(firstCells(interfaces)).toEqual(['All interfaces', 'Ethernet', 'Wi-Fi']));
    expect(screen.getByText(`2 of ${INTERFACES.length}`)).toBeInTheDocument();

    const index = within(interfaces).getByRole('columnheader', { name: 'Index' });
    await user.click(within(index).getByRole('button'));
    await user.click(within(index).getByRole('button'));
    expect(index).toHaveAttribute('aria-sort', 'descending');
    expect(firstCells(interfaces)).toEqual(['All interfaces', 'Wi-Fi', 'Ethernet']);
  });
});

describe('Undo after a delete', () => {
  it('re-creates the entry from the toast', async () => {
    const { user, api, anycast } = await renderApp();
    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(firstCells(anycast)).not.toContain('192.0.2.53'));

    await user.click(await screen.findByRole('button', { name: 'Undo' }));

    expect(api.createAnycast).toHaveBeenCalledWith({ address: '192.0.2.53', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 });
    await waitFor(() => expect(firstCells(anycast)).toContain('192.0.2.53'));
    expect((await screen.findAllByText('Restored 192.0.2.53 to Ethernet')).length).toBeGreaterThan(0);
  });

  const removeFromEthernet = async (user: Awaited<ReturnType<typeof renderApp>>['user'], anycast: HTMLElement) => {
    await user.click(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(firstCells(anycast)).not.toContain('192.0.2.53'));
  };

  it('puts focus on the restored row\'s Delete button after a click on Undo, not on the page', async () => {
    const { user, anycast } = await renderApp();
    await removeFromEthernet(user, anycast);
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' })).toHaveFocus());
  });

  it('puts focus on the restored row\'s Delete button after Undo by keyboard (Ctrl+M, Tab, Enter)', async () => {
    const { user, anycast } = await renderApp();
    await removeFromEthernet(user, anycast);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    // Ctrl+M reaches the toast, Tab its Undo.
    await user.keyboard('{Control>}m{/Control}');
    await user.tab();
    expect(undo).toHaveFocus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' })).toHaveFocus());
  });
});

describe('The interface filter chip', () => {
  it('moves focus to the table heading when removed, since the chip goes away', async () => {
    const { user, interfaces } = await renderApp();
    await user.click(within(interfaces).getByRole('row', { name: /Wi-Fi/ }));
    const chip = await screen.findByRole('button', { name: 'On Wi-Fi (index 18). Show all interfaces' });
    chip.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('heading', { name: /^Anycast addresses/ })).toHaveFocus());
    expect(chip).not.toBeInTheDocument();
  });
});

describe('Live updates', () => {
  it('reloads interfaces and entries when main says the interfaces changed, with no user action', async () => {
    const { api, interfaces } = await renderApp();
    expect(api.getSnapshot).toHaveBeenCalledTimes(1);
    // Made outside the app, as Windows would see them: an entry added, then the Wi-Fi adapter going down.
    await api.computer.createAnycast({ address: '203.0.113.5', family: 'ipv4', interfaceLuid: BigInt(WIFI.luid), interfaceIndex: 0, scopeId: 0 });
    act(() => void api.computer.setOperStatus('Wi-Fi', 'down'));

    const wifi = () => within(interfaces).getAllByRole('row').find((r) => r.querySelector('td')?.textContent === 'Wi-Fi')!;
    await waitFor(() => expect(wifi()).toHaveTextContent('Down'), { timeout: EVENT_SETTLE_MS + 2000 });
    expect(screen.getByRole('table', { name: 'Anycast addresses' })).toHaveTextContent('203.0.113.5');
    expect(api.getSnapshot).toHaveBeenCalledTimes(2);
  });

  it('stops listening when the window goes away', async () => {
    const { api, unmount } = await renderApp();
    expect(api.listenerCount()).toBe(1);
    unmount();
    expect(api.listenerCount()).toBe(0);
  });
});

describe('Details for tickets', () => {
  it('copies a row\'s details with the machine name from its More actions menu', async () => {
    const { user } = await renderApp();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    await user.click(screen.getByRole('button', { name: 'More actions for 198.51.100.7 on Wi-Fi' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy details' }));

    const text = writeText.mock.calls[0]![0];
    expect(text).toMatch(/^Anycast Manager entry: 198\.51\.100\.7 on Wi-Fi \(index 18\)$/m);
    expect(text).toContain(`Machine: ${IDENTITY.machine}`);
    expect(text).toContain(`Interface LUID: ${WIFI.luid}`);
    expect((await screen.findAllByText('Copied the details of 198.51.100.7')).length).toBeGreaterThan(0);
  });

  it('opens the More actions menu from the keyboard, and Escape returns to its button', async () => {
    const { user } = await renderApp();
    const more = screen.getByRole('button', { name: 'More actions for 198.51.100.7 on Wi-Fi' });
    more.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('menuitem', { name: 'Copy details' })).toHaveFocus());
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'More actions for 198.51.100.7 on Wi-Fi' })).toHaveFocus();
  });

  it('shows the details selected when the clipboard is refused', async () => {
    const { user } = await renderApp();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'More actions for 192.0.2.53 on Ethernet' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy details' }));

    const box = await screen.findByRole('textbox', { name: /^Details/ });
    expect((box as HTMLTextAreaElement).value).toContain('Address: 192.0.2.53');
    await waitFor(() => expect(box).toHaveFocus());
  });

  it('names the address, not "details", when copying only the address is refused', async () => {
    const { user } = await renderApp();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('Denied', 'NotAllowedError'));
    await user.click(screen.getByRole('button', { name: 'More actions for 192.0.2.53 on Ethernet' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Copy address' }));

    const dialog = await screen.findByRole('dialog', { name: 'Copy address' });
    expect((within(dialog).getByRole('textbox', { name: /^Address/ }) as HTMLTextAreaElement).value).toBe('192.0.2.53');
  });

  it('puts the machine name in the error dialog\'s ticket text', async () => {
    const { user, api } = await renderApp();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText');
    fireEvent.change(screen.getByRole('textbox', { name: /^Address/ }), { target: { value: '192.0.2.53' } });
    await user.click(screen.getByRole('combobox', { name: /^Interface/ }));
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    const title = win32Error(ERROR_OBJECT_ALREADY_EXISTS, api.systemMessage(ERROR_OBJECT_ALREADY_EXISTS), { operation: 'create' }).title;
    const dialog = await screen.findByRole('alertdialog', { name: title });
    await user.click(within(dialog).getByRole('button', { name: 'Copy details' }));
    expect(writeText.mock.calls[0]![0]).toContain(`Machine: ${IDENTITY.machine}`);
  });
});
