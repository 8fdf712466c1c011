import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { SavedEntry } from '../../app/saved-set';
import { planSavedSet, toSavedEntries } from '../../app/saved-set-plan';
import SavedSetDialog from '../../renderer/savedset/SavedSetDialog';
import { dispatcherFor } from './dispatcher';
import { ETHERNET, inProcessApi, INTERFACES, SEED_ENTRIES, WIFI, type InProcessOptions } from './inProcessApi';
import { renderWithProviders } from './render';

const SAVED: SavedEntry[] = toSavedEntries(SEED_ENTRIES, INTERFACES);

function renderSavedSet(options: InProcessOptions = {}) {
  const api = inProcessApi({ now: new Date('2025-03-14T09:26:53.000Z'), ...options });
  const onExportPersistent = vi.fn();
  const view = renderWithProviders(
    <SavedSetDialog dispatcher={dispatcherFor(api)} interfaces={INTERFACES} entries={options.entries ?? SEED_ENTRIES} onExportPersistent={onExportPersistent} onClose={() => {}} />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Saved set' });
  return { ...view, api, dialog, onExportPersistent };
}

describe('Saved set', () => {
  it('says that entries do not survive a restart, and points to the persistent script', async () => {
    const { user, dialog, onExportPersistent } = renderSavedSet();
    expect(within(dialog).getByText('Anycast addresses added here are gone after Windows restarts')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Export a persistent script…' }));
    expect(onExportPersistent).toHaveBeenCalledTimes(1);
  });

  it('saves the current entries with their interface aliases, and shows when and how many', async () => {
    const { user, api, dialog } = renderSavedSet();
    expect(await within(dialog).findByText('Nothing has been saved yet.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save current entries as the saved set' }));

    expect(api.saveSavedSet).toHaveBeenCalledWith({ entries: SAVED });
    expect(SAVED[2]).toMatchObject({ address: '198.51.100.7', interfaceAlias: 'Wi-Fi', interfaceLuid: WIFI.luid });
    expect(await within(dialog).findByText(/^Saved 2025-03-14 \d\d:26:53: 3 entries\.$/)).toBeInTheDocument();
  });

  it('asks before replacing a saved set', async () => {
    const { user, api, dialog } = renderSavedSet({ savedSet: SAVED.slice(0, 1) });
    await within(dialog).findByText(/^Last saved .*: 1 entry\.$/);
    await user.click(within(dialog).getByRole('button', { name: 'Save current entries as the saved set' }));
    expect(within(dialog).getByText('Replace the saved set (1 entry) with the 3 current entries?')).toBeInTheDocument();
    expect(api.saveSavedSet).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Replace' }));
    await waitFor(() => expect(api.saveSavedSet).toHaveBeenCalledTimes(1));
  });

  it('re-applies the saved set: missing entries are created, present ones count as fine, each with its result', async () => {
    const { user, api, dialog } = renderSavedSet({
      entries: SEED_ENTRIES.slice(1),
      savedSet: SAVED,
    });
    const table = await within(dialog).findByRole('table', { name: 'Saved entries' });
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(/Entry 1.*192\.0\.2\.53.*Ready/);
    expect(within(table).getAllByRole('row')[2]).toHaveTextContent(/Entry 2.*Already present/);

    await user.click(within(dialog).getByRole('button', { name: 'Re-apply saved set' }));

    expect(await within(dialog).findByText('Done: 1 added · 2 already present')).toBeInTheDocument();
    expect(api.createAnycast).toHaveBeenCalledTimes(1);
    expect(api.createAnycast).toHaveBeenCalledWith({ address: '192.0.2.53', interfaceLuid: ETHERNET.luid, interfaceIndex: 12 });
    expect(within(dialog).getByRole('table', { name: 'Results' })).toHaveTextContent(/Entry 1.*Added/);
  });
});

describe('Saved set against the interfaces after a restart', () => {
  it('finds an interface whose LUID changed by its alias, with a warning, and refuses a vanished one', () => {
    const reinstalled = { ...ETHERNET, luid: '1688849893818368', index: 40 };
    const preview = planSavedSet(
      [...SAVED, { address: '192.0.2.77', family: 'ipv4', interfaceLuid: '1689399632855040', interfaceIndex: 9, interfaceAlias: 'USB Ethernet' }],
      { interfaces: [reinstalled, WIFI], entries: [] },
    );
    expect(preview.counts).toEqual({ ready: 3, 'already-present': 0, repeated: 0, invalid: 1 });
    expect(preview.rows[0]).toMatchObject({ status: 'ready', interface: { luid: reinstalled.luid, index: 40 } });
    expect(preview.rows[0]!.warnings[0]).toMatch(/LUID changed.*found by its alias "Ethernet"/);
    expect(preview.rows[3]).toMatchObject({ status: 'invalid', reason: expect.stringMatching(/No interface has LUID 1689399632855040 any more\. No interface matches the alias "USB Ethernet"/) });
  });
});
