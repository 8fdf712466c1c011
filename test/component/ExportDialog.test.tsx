import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportEntriesCsv } from '../../app/entry-export';
import type { NetworkInterface } from '../../app/model';
import { saveTextFile } from '../../renderer/download';
import ExportDialog from '../../renderer/export/ExportDialog';
import { INTERFACES, SEED_ENTRIES, WIFI } from './inProcessApi';
import { renderWithProviders } from './render';

vi.mock('../../renderer/download', () => ({ saveTextFile: vi.fn() }));
const saved = vi.mocked(saveTextFile);

function renderExport(props: { shown?: typeof SEED_ENTRIES; interfaces?: NetworkInterface[] } = {}) {
  const onSaved = vi.fn();
  const view = renderWithProviders(
    <ExportDialog
      entries={SEED_ENTRIES}
      shownEntries={props.shown ?? SEED_ENTRIES}
      interfaces={props.interfaces ?? INTERFACES}
      machine="PC-HELPDESK-07"
      initial={{}}
      onSaved={onSaved}
      onClose={() => {}}
    />,
  );
  const dialog = screen.getByRole('dialog', { name: 'Export anycast addresses' });
  return { ...view, dialog, onSaved };
}

const lastFile = () => saved.mock.calls.at(-1)![0];

describe('Export', () => {
  afterEach(() => saved.mockClear());

  it('saves every entry as the CSV the entry export writes', async () => {
    const { user, dialog, onSaved } = renderExport();
    await user.click(within(dialog).getByRole('button', { name: 'Save file' }));

    expect(lastFile()).toEqual({ fileName: 'anycast-entries.csv', text: exportEntriesCsv(SEED_ENTRIES, INTERFACES), type: 'text/csv;charset=utf-8' });
    expect(onSaved).toHaveBeenCalledWith('anycast-entries.csv');
  });

  it('saves only the rows the table shows when asked, as JSON with the machine name', async () => {
    const { user, dialog } = renderExport({ shown: [SEED_ENTRIES[2]!] });
    await user.click(within(dialog).getByRole('radio', { name: /^JSON/ }));
    await user.click(within(dialog).getByRole('radio', { name: 'Only the 1 address shown in the table' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save file' }));

    const doc = JSON.parse(lastFile().text) as { format: string; machine: string; entries: Array<{ address: string; interfaceAlias: string }> };
    expect(lastFile().fileName).toBe('anycast-entries.json');
    expect(doc).toMatchObject({ format: 'anycast-manager/entries', machine: 'PC-HELPDESK-07' });
    expect(doc.entries).toMatchObject([{ address: '198.51.100.7', interfaceAlias: 'Wi-Fi' }]);
  });

  it('offers the filtered choice only when a filter or search is active', () => {
    const { dialog } = renderExport();
    expect(within(dialog).getByRole('radio', { name: /^Only those shown in the table/ })).toBeDisabled();
  });

  it('writes a persistent-store PowerShell script and explains the store', async () => {
    const { user, dialog } = renderExport();
    expect(within(dialog).queryByRole('radiogroup', { name: /^Store/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /^PowerShell script/ }));
    expect(within(dialog).getByText(/persistent store is where Windows keeps addresses across restarts/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /^Persistent/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save file' }));

    expect(lastFile().fileName).toBe('anycast-entries.ps1');
    expect(lastFile().text).toContain('Store: persistent: each entry is added now and is kept after a restart.');
    expect(lastFile().text).toContain("Add-AnycastEntry -InterfaceAlias 'Wi-Fi' -IPAddress '198.51.100.7'");
  });

  it('lists the entries a netsh script leaves out, with the reason', async () => {
    const quoted: NetworkInterface = { ...WIFI, alias: 'Wi-Fi "guest"' };
    const { user, dialog } = renderExport({ interfaces: INTERFACES.map((i) => (i.luid === WIFI.luid ? quoted : i)) });
    await user.click(within(dialog).getByRole('radio', { name: /^netsh batch file/ }));

    expect(within(dialog).getByText('1 address is left out of the script')).toBeInTheDocument();
    expect(within(dialog).getByText(/contains a double quote, which a netsh command cannot express/)).toBeInTheDocument();
    expect(within(dialog).getByText('anycast-entries.cmd: 2 addresses')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Save file' }));
    expect(lastFile().text).not.toContain('address=198.51.100.7');
  });
});
