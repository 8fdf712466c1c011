/** A zone typed with the address that names another interface than the one chosen is pointed out, with a switch. */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnycastKey } from '../../app/ipc-contract';
import type { NetworkInterface } from '../../app/model';
import { AddAnycastForm } from '../../renderer/components/AddAnycastForm';
import { ETHERNET, INTERFACES, WIFI } from './inProcessApi';
import { renderWithProviders } from './render';

type OnAdd = (key: AnycastKey, iface: NetworkInterface) => Promise<boolean>;

describe('Add form: a zone that names another interface', () => {
  it('says that %18 is Wi-Fi while Ethernet is chosen, and switches to Wi-Fi on request', async () => {
    const onAdd = vi.fn<OnAdd>().mockResolvedValue(true);
    const { user } = renderWithProviders(
      <AddAnycastForm interfaces={INTERFACES} preferredLuid={ETHERNET.luid} elevated onAdd={onAdd} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), 'fe80::1%18');

    expect(screen.getByText(/%18 is Wi-Fi \(index 18\), but Ethernet \(index 12\) is chosen/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Use Wi-Fi' }));
    expect(screen.getByRole('combobox', { name: /^Interface/ })).toHaveValue('Wi-Fi (index 18)');
    expect(screen.queryByText(/%18 is Wi-Fi/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(onAdd).toHaveBeenCalledWith({ address: 'fe80::1', interfaceLuid: WIFI.luid, interfaceIndex: 18 }, WIFI);
  });

  it('says nothing when the zone is the chosen interface', async () => {
    const { user } = renderWithProviders(
      <AddAnycastForm interfaces={INTERFACES} preferredLuid={ETHERNET.luid} elevated onAdd={vi.fn<OnAdd>()} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Address/ }), 'fe80::1%12');
    expect(screen.queryByRole('button', { name: /^Use / })).not.toBeInTheDocument();
  });
});
