import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnycastEntry } from '../../app/model';
import { AnycastTable, ROW_HEIGHT, VIRTUALIZE_ABOVE, type AnycastRowView } from '../../renderer/components/AnycastTable';
import { ETHERNET } from './inProcessApi';
import { renderWithProviders } from './render';

function manyRows(count: number): AnycastRowView[] {
  return Array.from({ length: count }, (_, n): AnycastRowView => {
    const entry: AnycastEntry = {
      address: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      family: 'ipv4',
      interfaceLuid: ETHERNET.luid,
      interfaceIndex: ETHERNET.index,
      scopeId: 0,
    };
    return { entry, iface: ETHERNET };
  });
}

function renderTable(rows: AnycastRowView[], onDelete = vi.fn()) {
  const view = renderWithProviders(
    <AnycastTable rows={rows} filter={null} onShowAll={() => {}} onDelete={onDelete} loading={false} unavailable={false} />,
  );
  const table = screen.getByRole('table', { name: 'Anycast addresses' });
  const bodyRows = () => within(table).getAllByRole('row').slice(1);
  return { ...view, table, bodyRows, onDelete };
}

describe('Anycast table with a large list', () => {
  const VIEWPORT = 600;
  beforeEach(() => {
    // jsdom does no layout; give the scroll container the height of a typical window.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
  });
  afterEach(() => vi.restoreAllMocks());

  it('renders only the rows in view for 10,000 entries, and tells assistive technology the full size', () => {
    const { table, bodyRows } = renderTable(manyRows(10_000));

    expect(table).toHaveAttribute('aria-rowcount', '10001');
    const rendered = bodyRows();
    expect(rendered.length).toBeGreaterThan(VIEWPORT / ROW_HEIGHT - 2);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '2');
    expect(rendered[0]).toHaveTextContent('10.0.0.0');
  });

  it('renders the rows further down after scrolling, with their real positions', () => {
    const { table, bodyRows } = renderTable(manyRows(10_000));
    const scroller = table.parentElement!;

    scroller.scrollTop = 5_000 * ROW_HEIGHT;
    fireEvent.scroll(scroller);

    const indexes = bodyRows().map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(indexes).toContain(5_000 + 2);
    expect(Math.min(...indexes)).toBeGreaterThan(4_900);
    expect(within(table).getByRole('button', { name: `Delete 10.0.19.136 from ${ETHERNET.alias}` })).toBeInTheDocument();
  });

  it('renders small lists in full', () => {
    const { bodyRows, table } = renderTable(manyRows(VIRTUALIZE_ABOVE));
    expect(bodyRows()).toHaveLength(VIRTUALIZE_ABOVE);
    expect(table).toHaveAttribute('aria-rowcount', String(VIRTUALIZE_ABOVE + 1));
  });

  it('passes the row and its button to the delete handler', async () => {
    const rows = manyRows(3);
    const { user, onDelete } = renderTable(rows);
    const button = screen.getByRole('button', { name: `Delete 10.0.0.1 from ${ETHERNET.alias}` });
    await user.click(button);
    expect(onDelete).toHaveBeenCalledWith(rows[1], button);
  });
});
