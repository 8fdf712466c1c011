/**
 * What VirtualTable gives every table: a new search, filter or sort starts at the top;
 * arrowing through the interface grid moves the filter but not the Add form's Interface,
 * which follows a row only when it is chosen; the bulk tables' scroller takes focus so
 * the keyboard can scroll it.
 */
import { render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AnycastEntry } from '../../app/model';
import { App } from '../../renderer/App';
import { AppProviders } from '../../renderer/AppProviders';
import { OutcomeTable, type OutcomeRow } from '../../renderer/bulk/OutcomeTable';
import { AnycastTable } from '../../renderer/components/AnycastTable';
import type { AnycastRowView } from '../../renderer/views/anycastRows';
import { ETHERNET, inProcessApi, WIFI } from './inProcessApi';
import { renderWithProviders } from './render';

const rowsOf = (count: number): AnycastRowView[] =>
  Array.from({ length: count }, (_, n) => {
    const entry: AnycastEntry = { address: `10.0.${n >> 8}.${n & 255}`, family: 'ipv4', interfaceLuid: ETHERNET.luid, interfaceIndex: 12, scopeId: 0 };
    return { entry, iface: ETHERNET };
  });

const rowOf = (grid: HTMLElement, first: string) =>
  within(grid).getAllByRole('row').find((row) => row.querySelector('td')?.textContent === first)!;

afterEach(() => vi.restoreAllMocks());

describe('tables', () => {
  it('scroll back to the top when the search changes, and not when the rows merely re-render', () => {
    // rerender replaces the whole tree, so the providers come with it.
    const table = (query: string, rows: AnycastRowView[]) => (
      <AppProviders>
        <AnycastTable rows={rows} query={query} filter={null} onShowAll={() => {}} onDelete={() => {}} loading={false} unavailable={false} />
      </AppProviders>
    );
    const rows = rowsOf(500);
    const view = render(table('', rows));
    const scroller = screen.getByRole('table', { name: 'Anycast addresses' }).parentElement!;
    scroller.scrollTop = 4000;
    view.rerender(table('', rows.slice()));
    expect(scroller.scrollTop).toBe(4000);
    view.rerender(table('10.0.1', rows.slice(256, 400)));
    expect(scroller.scrollTop).toBe(0);
  });

  it('the interface grid: arrows move the filter, not the Add form; Enter chooses the interface for the form', async () => {
    const { user } = renderWithProviders(<App api={inProcessApi()} />);
    const grid = screen.getByRole('grid', { name: 'Network interfaces' });
    const picker = screen.getByRole('combobox', { name: /^Interface/ });
    await screen.findByRole('row', { name: /Intel\(R\) Ethernet/ });
    const before = (picker as HTMLInputElement).value;
    expect(before).not.toContain(WIFI.alias);
    rowOf(grid, 'All interfaces').focus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(rowOf(grid, WIFI.alias)).toHaveFocus();
    expect(picker).toHaveValue(before);
    await user.keyboard('{Enter}');
    expect(picker).toHaveValue(`${WIFI.alias} (index 18)`);
    await user.keyboard('{ArrowUp}');
    expect(picker).toHaveValue(`${WIFI.alias} (index 18)`);
  });

  it('the bulk outcome table is a region the keyboard can focus and scroll', async () => {
    const rows: OutcomeRow[] = rowsOf(30).map(({ entry }, n) => ({ key: n + 1, location: `Line ${n + 1}`, raw: entry.address, address: entry.address, status: 'Ready', tone: 'brand', warnings: [] }));
    const { user } = renderWithProviders(<OutcomeTable label="Import preview" statusHeading="Status" rows={rows} />);
    await user.tab();
    const region = screen.getByRole('region', { name: 'Import preview' });
    expect(region).toHaveFocus();
    expect(within(region).getByRole('table', { name: 'Import preview' })).toBeInTheDocument();
  });
});
