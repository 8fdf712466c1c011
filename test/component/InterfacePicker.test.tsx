/**
 * The Interface picker chooses only what the person typed in full or highlighted: on
 * the large simulated machine (200 adapters named "Ethernet 10" to "Ethernet 209")
 * typed text narrows the list, and Enter or Tab never lands on a near miss.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { AnycastKey } from '../../app/ipc-contract';
import type { NetworkInterface } from '../../app/model';
import { largeInterfaces, seedInterfaces, type SeedInterface } from '../../main/backends/simulated/seed';
import { LARGE_INTERFACES } from '../../main/backends/simulated/create-simulated';
import { AddAnycastForm } from '../../renderer/components/AddAnycastForm';
import { PICKER_LIST_LIMIT } from '../../renderer/components/InterfacePicker';
import { renderWithProviders } from './render';

type OnAdd = (key: AnycastKey, iface: NetworkInterface) => Promise<boolean>;

const asInterface = (seed: SeedInterface): NetworkInterface => ({ ...seed, luid: String(seed.luid) });
const LARGE = largeInterfaces(LARGE_INTERFACES).map(asInterface);
const OFFICE = seedInterfaces().map(asInterface);

function byAlias(list: NetworkInterface[], alias: string): NetworkInterface {
  const found = list.find((i) => i.alias === alias);
  if (!found) throw new Error(`no interface ${alias}`);
  return found;
}

function renderForm(interfaces: NetworkInterface[]) {
  const onAdd = vi.fn<OnAdd>().mockResolvedValue(true);
  const view = renderWithProviders(<AddAnycastForm interfaces={interfaces} preferredLuid={null} elevated onAdd={onAdd} />);
  const address = screen.getByRole('textbox', { name: /^Address/ });
  const picker = screen.getByRole('combobox', { name: /^Interface/ });
  const addButton = screen.getByRole('button', { name: 'Add' });
  /**
   * Pastes an address, then enters the picker text (typed key by key, or pasted as a
   * person may, which is quicker in jsdom), presses a key, and tries Add.
   */
  const attempt = async (text: string, key: string, how: 'type' | 'paste' = 'paste') => {
    await view.user.click(address);
    await view.user.paste('192.0.2.10');
    await view.user.click(picker);
    if (how === 'type') await view.user.keyboard(text);
    else await view.user.paste(text);
    await view.user.keyboard(key);
    await view.user.click(addButton);
  };
  return { ...view, onAdd, address, picker, addButton, attempt };
}

// Each keystroke re-renders up to 50 Fluent options, which jsdom styles slowly on a busy machine.
const SLOW = { timeout: 90_000 };

const addedTo = (onAdd: ReturnType<typeof vi.fn<OnAdd>>) => onAdd.mock.calls.map(([key]) => key.interfaceIndex);

describe('Interface picker on the large machine', SLOW, () => {
  it('typed "Ethernet 17" and Enter chooses Ethernet 17, and Add adds there', async () => {
    const { picker, onAdd, attempt } = renderForm(LARGE);
    await attempt('Ethernet 17', '{Enter}', 'type');

    const target = byAlias(LARGE, 'Ethernet 17');
    expect(picker).toHaveValue(`Ethernet 17 (index ${target.index})`);
    expect(addedTo(onAdd)).toEqual([target.index]);
  });

  it('chooses nothing for a name that is only the start of others, by Enter or by Tab', async () => {
    for (const [text, key] of [['Ethernet 1', '{Enter}'], ['Ethernet 2', '{Enter}'], ['Ethernet 1', '{Tab}']] as const) {
      const { onAdd, attempt, addButton, picker, unmount } = renderForm(LARGE);
      await attempt(text, key);

      expect(onAdd).not.toHaveBeenCalled();
      expect(addButton).toBeDisabled();
      expect(picker).toHaveAttribute('aria-invalid', 'true');
      expect(picker).toHaveAccessibleDescription(expect.stringMatching(/No interface is named “Ethernet [12]”/));
      unmount();
    }
  });

  it('typed "Ethernet 150" chooses Ethernet 150, never another', async () => {
    const { onAdd, attempt } = renderForm(LARGE);
    await attempt('Ethernet 150', '{Enter}');

    expect(addedTo(onAdd)).toEqual([byAlias(LARGE, 'Ethernet 150').index]);
  });

  it('narrows the open list to what was typed, the exact alias first and highlighted', async () => {
    const { user, picker } = renderForm(LARGE);
    await user.click(picker);
    expect(screen.getAllByRole('option')).toHaveLength(PICKER_LIST_LIMIT);
    expect(screen.getByText(`${LARGE.length - PICKER_LIST_LIMIT} more: type part of a name, an index or a MAC to narrow the list.`)).toBeVisible();

    await user.paste('Ethernet 17');
    const options = screen.getAllByRole('option');
    expect(options).toHaveLength(11);
    expect(options[0]).toHaveAccessibleName(expect.stringContaining('Ethernet 17 (index'));
    expect(picker).toHaveAttribute('aria-activedescendant', options[0]?.id);
  });

  it('highlights nothing after a partial name, so only the arrow keys pick one', async () => {
    const { user, picker, onAdd, address } = renderForm(LARGE);
    await user.click(address);
    await user.paste('192.0.2.10');
    await user.click(picker);
    await user.paste('Ethernet 1');
    expect(picker).not.toHaveAttribute('aria-activedescendant');

    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add' }));
    // The list for "Ethernet 1" starts Ethernet 10, 11, …: the second highlighted is Ethernet 11.
    expect(addedTo(onAdd)).toEqual([byAlias(LARGE, 'Ethernet 11').index]);
  });

  it('forgets the choice as soon as the text is edited away from its name', async () => {
    const { user, picker, addButton, attempt } = renderForm(LARGE);
    await attempt('Ethernet 17', '{Enter}');
    await user.click(picker);
    await user.paste('Ethernet 1');

    expect(addButton).toBeDisabled();
    expect(screen.getAllByRole('option')[0]).toHaveAccessibleName(expect.stringContaining('Ethernet 10 (index'));
    expect(screen.queryAllByRole('option', { selected: true })).toHaveLength(0);
    expect(picker).toHaveValue('Ethernet 1');
  });

  it('finds an interface by index, MAC or description', async () => {
    const { user, picker } = renderForm(LARGE);
    const target = byAlias(LARGE, 'Ethernet 42');
    for (const text of [String(target.index), target.mac, target.description]) {
      await user.clear(picker);
      await user.paste(text);
      expect(screen.getAllByRole('option')[0]).toHaveAccessibleName(expect.stringContaining('Ethernet 42 (index'));
    }
  });

  it('says when nothing matches', async () => {
    const { user, picker } = renderForm(LARGE);
    await user.click(picker);
    await user.paste('Wireless');

    expect(within(screen.getByRole('listbox')).getByText(/No interface matches “Wireless”/)).toBeInTheDocument();
    expect(picker).toHaveAccessibleDescription(expect.stringContaining('No interface matches “Wireless”'));
  });
});

describe('Interface picker on the office machine', SLOW, () => {
  it('typed "Ethernet" and Enter chooses Ethernet, not Ethernet 2', async () => {
    const { picker, onAdd, attempt } = renderForm(OFFICE);
    await attempt('Ethernet', '{Enter}', 'type');

    expect(picker).toHaveValue('Ethernet (index 12)');
    expect(addedTo(onAdd)).toEqual([12]);
  });

  it('a space while typing is part of the name, not a choice', async () => {
    const { picker, onAdd, attempt } = renderForm(OFFICE);
    await attempt('Ethernet 2', '{Enter}', 'type');

    expect(picker).toHaveValue('Ethernet 2 (index 23)');
    expect(addedTo(onAdd)).toEqual([23]);
  });
});
