import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/components/ErrorBoundary';
import { renderWithProviders } from './render';

/** Throws while drawing for as long as `broken.now` is set. */
const broken = { now: true };
function AddressTable() {
  if (broken.now) throw new TypeError("Cannot read properties of undefined (reading 'address')");
  return <p>Anycast addresses</p>;
}

function renderFault(reload = vi.fn()) {
  const view = renderWithProviders(
    <ErrorBoundary reload={reload}>
      <AddressTable />
    </ErrorBoundary>,
  );
  return { ...view, reload };
}

describe('a fault while drawing the window', () => {
  beforeEach(() => {
    broken.now = true;
    // React reports every caught render fault on the console; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows what happened and the way back instead of a blank window, and moves focus there', () => {
    renderFault();
    const heading = screen.getByRole('heading', { level: 1, name: 'This view of Anycast Manager stopped working' });
    expect(heading).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('Addresses already added or removed stay as they are');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Reload the window' })).toBeVisible();
  });

  it('gives details for a ticket: the error and the component it happened in', () => {
    renderFault();
    const details = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Details for a ticket' });
    expect(details).toHaveAttribute('readonly');
    expect(details.value).toMatch(/^Anycast Manager window fault\nTime: \d{4}-\d\d-\d\dT/);
    expect(details.value).toContain("Error: TypeError: Cannot read properties of undefined (reading 'address')");
    expect(details.value).toMatch(/Components:\n\s*at AddressTable/);
  });

  it('draws the view again with Try again, once the fault is gone', async () => {
    const { user } = renderFault();
    broken.now = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Anycast addresses')).toBeVisible();
    expect(screen.queryByRole('heading', { name: /stopped working/ })).toBeNull();
  });

  it('shows the fault again when Try again meets it again', async () => {
    const { user } = renderFault();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('heading', { name: /stopped working/ })).toBeVisible();
  });

  it('reloads the window on request', async () => {
    const { user, reload } = renderFault();
    await user.click(screen.getByRole('button', { name: 'Reload the window' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('copies the details, or says how to copy them by hand', async () => {
    const { user } = renderFault();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(writeText).toHaveBeenCalledWith(expect.stringContaining('TypeError'));
    expect(await screen.findByRole('status')).toHaveTextContent('Copied');

    writeText.mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy details' }));
    expect(await screen.findByText(/select the details below and press Ctrl\+C/)).toBeVisible();
  });

  it('draws its children when nothing goes wrong', () => {
    broken.now = false;
    renderFault();
    expect(screen.getByText('Anycast addresses')).toBeVisible();
  });
});
