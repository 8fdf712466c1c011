import { act, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { validateAnycastAddress } from '../../app/address-validation';
import type { AnycastKey } from '../../app/ipc-contract';
import type { NetworkInterface } from '../../app/model';
import { AddAnycastForm } from '../../renderer/components/AddAnycastForm';
import { ETHERNET, INTERFACES, LAB, TEREDO } from './inProcessApi';
import { renderWithProviders } from './render';

type OnAdd = (key: AnycastKey, iface: NetworkInterface) => Promise<boolean>;

function renderForm(onAdd = vi.fn<OnAdd>().mockResolvedValue(true), options: { elevated?: boolean } = {}) {
  const view = renderWithProviders(
    <AddAnycastForm interfaces={INTERFACES} preferredLuid={null} elevated={options.elevated ?? true} onAdd={onAdd} />,
  );
  const address = screen.getByRole('textbox', { name: /^Address/ });
  const picker = screen.getByRole('combobox', { name: /^Interface/ });
  const addButton = screen.getByRole('button', { name: 'Add' });
  return { ...view, onAdd, address, picker, addButton };
}

function reasonFor(input: string): string {
  const check = validateAnycastAddress(input);
  if (check.ok) throw new Error(`${input} is valid`);
  return check.reason;
}

describe('Add anycast address form: inline validation', () => {
  it('does not complain about a pristine empty field, but does once the user types and clears it', async () => {
    const { user, address } = renderForm();
    expect(address).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(reasonFor(''))).not.toBeInTheDocument();

    await user.type(address, '1');
    await user.clear(address);

    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(address).toHaveAccessibleDescription(expect.stringContaining(reasonFor('')));
  });

  it('refuses a multicast address with the reason as the field error, wired with aria-invalid and aria-describedby', async () => {
    const { user, address, addButton } = renderForm();
    await user.type(address, '224.0.0.1');

    expect(address).toHaveAttribute('aria-invalid', 'true');
    const message = screen.getByText(/224\.0\.0\.1 is a multicast address/);
    const describedBy = address.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
    expect(describedBy).toContain(message.closest('[id]')?.id);
    expect(message).toHaveTextContent(reasonFor('224.0.0.1'));
    expect(addButton).toBeDisabled();
  });

  it('refuses a network prefix and says to drop it', async () => {
    const { user, address, addButton } = renderForm();
    await user.type(address, '10.0.0.0/24');

    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(address).toHaveAccessibleDescription(expect.stringContaining('Remove "/24" and enter 10.0.0.0 only'));
    expect(addButton).toBeDisabled();
  });

  it('accepts an IPv6 address with a zone, noting that the zone is ignored', async () => {
    const { user, address } = renderForm();
    await user.type(address, 'fe80::1%12');

    expect(address).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/The zone "%12" is not used/)).toBeVisible();
    expect(address).toHaveAccessibleDescription(expect.stringContaining('Will be added as fe80::1'));
  });

  it('accepts a loopback address but shows a warning, and Add becomes available', async () => {
    const { user, address, picker, addButton } = renderForm();
    await user.type(address, '127.0.0.1');
    await user.click(picker);
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));

    expect(address).not.toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText(/127\.0\.0\.1 is a loopback address/)).toBeVisible();
    expect(addButton).toBeEnabled();
  });

  it('never sends an invalid address, whether by Enter or by the button', async () => {
    const { user, address, picker, addButton, onAdd } = renderForm();
    await user.click(picker);
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.type(address, '224.0.0.1{Enter}');
    await user.click(addButton);

    expect(onAdd).not.toHaveBeenCalled();
  });

  it('explains what is missing when Enter is pressed on an empty form', async () => {
    const { user, address, picker } = renderForm();
    await user.type(address, '{Enter}');

    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(picker).toHaveAccessibleDescription(expect.stringContaining('Choose the interface'));
  });
  it('says why Add is still unavailable once the address is valid but no interface is chosen', async () => {
    const { user, address, picker, addButton } = renderForm();
    await user.type(address, ' 192.0.2.10 ');

    expect(addButton).toBeDisabled();
    expect(picker).toHaveAccessibleDescription('Choose the interface for 192.0.2.10, then select Add.');
    expect(picker).not.toHaveAttribute('aria-invalid', 'true');
  });
});


describe('Add anycast address form: interface picker', () => {
  async function openPickerAfterTyping(text: string) {
    const view = renderForm();
    if (text) await view.user.type(view.address, text);
    await view.user.click(view.picker);
    return view;
  }

  it('disables the IPv4-only interface for an IPv6 address, with the reason', async () => {
    await openPickerAfterTyping('2001:db8::10');

    const lab = screen.getByRole('option', { name: new RegExp(escape(LAB.alias)) });
    expect(lab).toHaveAttribute('aria-disabled', 'true');
    expect(lab).toHaveTextContent('no IPv6 stack');
    expect(screen.getByRole('option', { name: new RegExp(escape(TEREDO.alias)) })).not.toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('option', { name: /Ethernet \(index 12\)/ })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('disables the IPv6-only tunnel for an IPv4 address, and keeps IPv4 interfaces available', async () => {
    await openPickerAfterTyping('192.0.2.10');

    const teredo = screen.getByRole('option', { name: new RegExp(escape(TEREDO.alias)) });
    expect(teredo).toHaveAttribute('aria-disabled', 'true');
    expect(teredo).toHaveTextContent('no IPv4 stack');
    expect(screen.getByRole('option', { name: new RegExp(escape(LAB.alias)) })).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('shows each interface with its alias, index and stacks', async () => {
    await openPickerAfterTyping('');
    const ethernet = screen.getByRole('option', { name: /Ethernet \(index 12\)/ });
    expect(within(ethernet).getByText('IPv4')).toBeInTheDocument();
    expect(within(ethernet).getByText('IPv6')).toBeInTheDocument();
  });

  it('flags the chosen interface inline when the address family changes under it', async () => {
    const { user, address, picker, addButton } = renderForm();
    await user.type(address, '2001:db8::10');
    await user.click(picker);
    await user.click(screen.getByRole('option', { name: new RegExp(escape(TEREDO.alias)) }));
    expect(picker).not.toHaveAttribute('aria-invalid', 'true');
    expect(addButton).toBeEnabled();

    await user.clear(address);
    await user.type(address, '192.0.2.10');

    expect(picker).toHaveAttribute('aria-invalid', 'true');
    expect(picker).toHaveAccessibleDescription(expect.stringContaining(`${TEREDO.alias} has no IPv4 stack`));
    expect(addButton).toBeDisabled();
  });
});

describe('Add anycast address form: submitting', () => {
  it('sends the canonical address with the interface LUID and index, then clears the address and keeps the interface', async () => {
    const { user, address, picker, addButton, onAdd } = renderForm();
    await user.type(address, ' 2001:DB8:0:0::0010 ');
    await user.click(picker);
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(addButton);

    expect(onAdd).toHaveBeenCalledTimes(1);
    expect(onAdd).toHaveBeenCalledWith({ address: '2001:db8::10', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 }, ETHERNET);
    expect(address).toHaveValue('');
    expect(address).toHaveFocus();
    expect(address).not.toHaveAttribute('aria-invalid', 'true');
    expect(picker).toHaveValue('Ethernet (index 12)');
  });

  it('keeps the address when the add fails, so the user can correct it', async () => {
    const { user, address, picker, addButton } = renderForm(vi.fn<OnAdd>().mockResolvedValue(false));
    await user.type(address, '192.0.2.10');
    await user.click(picker);
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(addButton);

    expect(address).toHaveValue('192.0.2.10');
  });

  it('holds the Add button while the request is in flight, so it cannot be sent twice', async () => {
    let finish: (added: boolean) => void = () => {};
    const onAdd = vi.fn<OnAdd>(() => new Promise((resolve) => (finish = resolve)));
    const { user, address, picker, addButton } = renderForm(onAdd);
    await user.type(address, '192.0.2.10');
    await user.click(picker);
    await user.click(screen.getByRole('option', { name: /Ethernet \(index 12\)/ }));
    await user.click(addButton);

    expect(addButton).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('status')).toHaveTextContent('Adding 192.0.2.10');
    await user.click(addButton);
    expect(onAdd).toHaveBeenCalledTimes(1);

    await act(async () => finish(true));
    expect(addButton).not.toHaveAttribute('aria-disabled', 'true');
  });

  it('warns before adding when the app is not elevated', () => {
    renderForm(undefined, { elevated: false });
    expect(screen.getByText(/Not elevated: Windows will refuse this with “Access denied”/)).toBeVisible();
  });

  it('says that added addresses do not survive a restart', () => {
    renderForm();
    expect(screen.getByText(/last until Windows restarts/)).toBeVisible();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
