/**
 * What a help-desk technician does under time pressure, end to end in the browser
 * preview against the real service and the simulated computer: bulk add, export and
 * re-import, undo, the audit log, live interface changes, the saved set and search.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';

const anycastTable = (page: Page) => page.getByRole('table', { name: /^Anycast addresses/ });
const interfaceGrid = (page: Page) => page.getByRole('grid', { name: /^Network interfaces/ });
const rowWith = (page: Page, address: string) => anycastTable(page).getByRole('row', { name: new RegExp(`^${address.replace(/[.]/g, '\\.')} `) });

async function openToolbarDialog(page: Page, button: string, title: string) {
  await page.getByRole('toolbar', { name: 'Anycast address actions' }).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function deleteEntry(page: Page, address: string, alias: string) {
  await anycastTable(page).getByRole('button', { name: `Delete ${address} from ${alias}` }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(rowWith(page, address)).toHaveCount(0);
}

async function exportAs(page: Page, format: RegExp): Promise<Download> {
  const dialog = await openToolbarDialog(page, 'Export…', 'Export anycast addresses');
  await dialog.getByRole('radio', { name: format }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save file' }).click();
  const download = await downloading;
  await expect(dialog).toBeHidden();
  return download;
}

async function importFile(page: Page, path: string, expectPreview: RegExp, expectResult: string) {
  const dialog = await openToolbarDialog(page, 'Bulk add…', 'Bulk add anycast addresses');
  await dialog.getByLabel('Import file').setInputFiles(path);
  await expect(dialog.getByText(expectPreview)).toBeVisible();
  await dialog.getByRole('button', { name: /^Add \d+ address/ }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Done:/ })).toContainText(expectResult);
  return dialog;
}

test('bulk add shows every row before and after: ready, already present and invalid', async ({ page, preview }) => {
  const dialog = await openToolbarDialog(page, 'Bulk add…', 'Bulk add anycast addresses');
  await dialog.getByRole('textbox', { name: 'Addresses to add' }).fill(
    [
      '# pasted from the change ticket',
      '192.0.2.60 Ethernet',
      '2001:db8::60, Wi-Fi',
      '224.0.0.1 Ethernet',
      '192.0.2.53 Ethernet',
      '192.0.2.61 Token Ring',
      '192.0.2.60 Ethernet',
    ].join('\n'),
  );
  await expect(dialog.getByText('2 ready · 1 already present · 1 repeated · 2 invalid')).toBeVisible();
  const previewTable = dialog.getByRole('table', { name: 'Import preview' });
  // A refused address is not shown as an address: the line read goes with the reason.
  await expect(previewTable.getByRole('row', { name: /^Line 4 — — Invalid/ })).toContainText(/multicast.*Read: 224\.0\.0\.1 Ethernet/);
  await expect(previewTable.getByRole('row', { name: /^Line 6 192\.0\.2\.61/ })).toContainText('No interface matches');
  await expect(previewTable.getByRole('row', { name: /^Line 7 192\.0\.2\.60/ })).toContainText(/Repeated in this list.*Line 2 already adds 192\.0\.2\.60/);
  await page.screenshot({ path: screenshotPath('bulk-add-preview'), animations: 'disabled' });
  expect(preview.apiCalls.filter((call) => call.startsWith('createAnycast'))).toEqual([]);

  await dialog.getByRole('button', { name: 'Add 2 addresses' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Done:/ })).toHaveText('Done: 2 added · 1 already present · 3 skipped');
  const results = dialog.getByRole('table', { name: 'Results' });
  await expect(results.getByRole('row', { name: /^Line 2 192\.0\.2\.60/ })).toContainText('Added');
  await expect(results.getByRole('row', { name: /^Line 3 2001:db8::60/ })).toContainText('Added');
  await expect(results.getByRole('row', { name: /^Line 5 192\.0\.2\.53/ })).toContainText('Already present');
  await expect(results.getByRole('row', { name: /^Line 4 — — Skipped/ })).toContainText('Read: 224.0.0.1 Ethernet');
  expect(preview.apiCalls.filter((call) => call.startsWith('createAnycast'))).toHaveLength(2);
  await page.screenshot({ path: screenshotPath('bulk-add-results'), animations: 'disabled' });

  await dialog.getByRole('button', { name: 'Remove what was just added' }).click();
  await expect(dialog.getByText('Removed the 2 addresses this run added.')).toBeVisible();
  expect(preview.apiCalls.filter((call) => call.startsWith('deleteAnycast'))).toHaveLength(2);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rowWith(page, '192.0.2.60')).toHaveCount(0);
  await expect(rowWith(page, '192.0.2.53')).toHaveCount(1);
});

test('export as CSV and JSON, and both re-import what was deleted', async ({ page, preview }) => {
  void preview;
  const csv = await exportAs(page, /^CSV/);
  expect(csv.suggestedFilename()).toBe('anycast-entries.csv');
  const csvPath = await csv.path();
  const csvText = readFileSync(csvPath, 'utf8');
  expect(csvText).toMatch(/^\uFEFFaddress,family,interfaceLuid,interfaceIndex,interfaceAlias,scopeId\r\n/);
  expect(csvText).toContain('192.0.2.53,ipv4,');
  expect(csvText).toContain('2001:db8:53::53,ipv6,');

  const dialog = await openToolbarDialog(page, 'Export…', 'Export anycast addresses');
  await dialog.getByRole('radio', { name: /^JSON/ }).check();
  await page.screenshot({ path: screenshotPath('export-dialog'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const json = await exportAs(page, /^JSON/);
  const jsonPath = await json.path();
  const doc = JSON.parse(readFileSync(jsonPath, 'utf8')) as { format: string; machine: string; entries: Array<{ address: string; interfaceAlias: string }> };
  expect(doc.format).toBe('anycast-manager/entries');
  expect(doc.entries.map((e) => `${e.address} ${e.interfaceAlias}`)).toEqual(['192.0.2.53 Ethernet', '2001:db8:53::53 Ethernet']);

  await deleteEntry(page, '192.0.2.53', 'Ethernet');
  const fromJson = await importFile(page, jsonPath, /1 ready · 1 already present/, 'Done: 1 added · 1 already present');
  await fromJson.getByRole('button', { name: 'Close' }).click();
  await expect(rowWith(page, '192.0.2.53')).toContainText('Ethernet');

  await deleteEntry(page, '2001:db8:53::53', 'Ethernet');
  const fromCsv = await importFile(page, csvPath, /1 ready · 1 already present/, 'Done: 1 added · 1 already present');
  await page.screenshot({ path: screenshotPath('import-csv-results'), animations: 'disabled' });
  await fromCsv.getByRole('button', { name: 'Close' }).click();
  await expect(rowWith(page, '2001:db8:53::53')).toContainText('Ethernet');
});

test('a script export offers the persistent store and writes it', async ({ page, preview }) => {
  void preview;
  const dialog = await openToolbarDialog(page, 'Export…', 'Export anycast addresses');
  await dialog.getByRole('radio', { name: /^PowerShell script/ }).check();
  await dialog.getByRole('radio', { name: /^Persistent/ }).check();
  await expect(dialog.getByText(/persistent store is where Windows keeps addresses across restarts/)).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save file' }).click();
  const script = readFileSync(await (await downloading).path(), 'utf8');
  expect(script).toContain("Add-AnycastEntry -InterfaceAlias 'Ethernet' -IPAddress '192.0.2.53'");
  expect(script).toContain('Store: persistent');
});

test('undo brings back an entry right after it was deleted', async ({ page, preview }) => {
  await deleteEntry(page, '192.0.2.53', 'Ethernet');
  const toast = page.getByText('Removed 192.0.2.53 from Ethernet', { exact: true });
  await expect(toast).toBeVisible();
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeVisible();
  // Not with animations disabled: the toast's timeout is a CSS animation, and finishing it dismisses the toast.
  await page.waitForTimeout(400);
  await page.screenshot({ path: screenshotPath('undo-toast') });
  await undo.click();
  await expect(rowWith(page, '192.0.2.53')).toContainText('Ethernet');
  await expect(page.getByText('Restored 192.0.2.53 to Ethernet', { exact: true })).toBeVisible();
  const creates = preview.apiCalls.filter((call) => call.startsWith('createAnycast'));
  expect(creates).toHaveLength(1);
  expect(creates[0]).toMatch(/"address":"192\.0\.2\.53".*"interfaceIndex":12/);
});

test('undo is reachable from the keyboard: Ctrl+M moves into the toast', async ({ page, preview }) => {
  await deleteEntry(page, '192.0.2.53', 'Ethernet');
  await expect(page.getByText('Press Ctrl+M to reach Undo.', { exact: true })).toBeVisible();
  await page.keyboard.press('Control+m');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(rowWith(page, '192.0.2.53')).toContainText('Ethernet');
  expect(preview.apiCalls.filter((call) => call.startsWith('createAnycast'))).toHaveLength(1);
});

test('the audit log records a success and a failure, and filters them', async ({ page, preview }) => {
  void preview;
  await page.getByRole('textbox', { name: 'Address' }).fill('192.0.2.10');
  await page.getByRole('combobox', { name: 'Interface' }).click();
  await page.getByRole('option', { name: /^Ethernet \(index 12\)/ }).click();
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(rowWith(page, '192.0.2.10')).toHaveCount(1);
  await page.getByRole('textbox', { name: 'Address' }).fill('192.0.2.53');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();

  const dialog = await openToolbarDialog(page, 'Audit log', 'Audit log');
  const records = dialog.getByRole('table', { name: 'Audit records' });
  await expect(records.getByRole('row')).toHaveCount(3);
  await expect(records.getByRole('row').nth(1)).toContainText(/Add\s*192\.0\.2\.53\s*Ethernet \(index 12\)\s*Failed\s*ERROR_OBJECT_ALREADY_EXISTS \(5010\)/);
  await expect(records.getByRole('row').nth(2)).toContainText(/Add\s*192\.0\.2\.10\s*Ethernet \(index 12\)\s*Succeeded/);
  await expect(dialog.getByText(/audit\.jsonl$/)).toBeVisible();
  await page.screenshot({ path: screenshotPath('audit-log'), animations: 'disabled' });

  await dialog.getByRole('combobox', { name: 'Result' }).selectOption('failure');
  await expect(records.getByRole('row')).toHaveCount(2);
  await expect(dialog.getByText('1 of 2 records match, newest first.')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export JSONL' }).click();
  const lines = readFileSync(await (await downloading).path(), 'utf8').trim().split('\n');
  expect(lines.map((line) => JSON.parse(line) as { address: string; result: string })).toMatchObject([
    { address: '192.0.2.53', result: 'ERROR_OBJECT_ALREADY_EXISTS' },
  ]);

  await dialog.getByRole('combobox', { name: 'Result' }).selectOption('all');
  await dialog.getByRole('searchbox', { name: 'Search audit log' }).fill('192.0.2.10');
  await expect(records.getByRole('row')).toHaveCount(2);
});

test('an interface that comes up is shown as up without a reload', async ({ page, preview }) => {
  const ethernet2 = interfaceGrid(page).getByRole('row', { name: /^Ethernet 2 / });
  await expect(ethernet2).toContainText('Down');
  const reloads = preview.apiCalls.filter((call) => call.startsWith('getSnapshot')).length;

  expect(preview.backend.setOperStatus('Ethernet 2', 'up')).toBe(true);

  await expect(ethernet2).toContainText('Up', { timeout: 5_000 });
  expect(preview.apiCalls.filter((call) => call.startsWith('getSnapshot')).length).toBeGreaterThan(reloads);
  await page.screenshot({ path: screenshotPath('live-interface-change'), animations: 'disabled' });
});

test('the saved set is saved, then re-applied after the entries are gone', async ({ page, preview }) => {
  void preview;
  let dialog = await openToolbarDialog(page, 'Saved set…', 'Saved set');
  await expect(dialog.getByText('Anycast addresses added here are gone after Windows restarts')).toBeVisible();
  await expect(dialog.getByText('Nothing has been saved yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save current entries as the saved set' }).click();
  await expect(dialog.getByText(/^Saved \d{4}-\d\d-\d\d \d\d:\d\d:\d\d: 2 entries\.$/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  // As after a restart: the entries created through the API are gone.
  await deleteEntry(page, '192.0.2.53', 'Ethernet');
  await deleteEntry(page, '2001:db8:53::53', 'Ethernet');

  dialog = await openToolbarDialog(page, 'Saved set…', 'Saved set');
  await expect(dialog.getByText(/^Last saved .*: 2 entries\.$/)).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Saved entries' }).getByRole('row', { name: /^Entry 1 192\.0\.2\.53/ })).toContainText('Ready');
  await page.screenshot({ path: screenshotPath('saved-set'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Re-apply saved set' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Done:/ })).toHaveText('Done: 2 added');
  await page.screenshot({ path: screenshotPath('saved-set-reapplied'), animations: 'disabled' });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(rowWith(page, '192.0.2.53')).toHaveCount(1);
  await expect(rowWith(page, '2001:db8:53::53')).toHaveCount(1);

  dialog = await openToolbarDialog(page, 'Saved set…', 'Saved set');
  await dialog.getByRole('button', { name: 'Re-apply saved set' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Done:/ })).toHaveText('Done: 2 already present');
});

test('search narrows both tables and the headers sort', async ({ page, preview }) => {
  void preview;
  await page.getByRole('searchbox', { name: 'Search interfaces' }).fill('realtek');
  await expect(interfaceGrid(page).getByRole('row')).toHaveCount(3);
  await expect(interfaceGrid(page).getByRole('row', { name: /^Ethernet 2 / })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search anycast addresses' }).fill('2001');
  await expect(anycastTable(page).getByRole('row')).toHaveCount(2);
  await expect(rowWith(page, '2001:db8:53::53')).toBeVisible();
  await page.screenshot({ path: screenshotPath('search'), animations: 'disabled' });

  await page.getByRole('searchbox', { name: 'Search anycast addresses' }).fill('');
  const addressHeader = anycastTable(page).getByRole('columnheader', { name: 'Address' });
  await addressHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(addressHeader).toHaveAttribute('aria-sort', 'ascending');
  await page.keyboard.press('Enter');
  await expect(addressHeader).toHaveAttribute('aria-sort', 'descending');
  await expect(anycastTable(page).getByRole('row').nth(1)).toContainText('2001:db8:53::53');
});

test.describe('on a large computer', () => {
  test.use({ launchArgs: ['--large'] });

  test('10,000 entries and 200 interfaces stay virtualised, searchable and sortable', async ({ page, preview }) => {
    void preview;
    await expect(anycastTable(page)).toHaveAttribute('aria-rowcount', '10001', { timeout: 15_000 });
    expect(await anycastTable(page).getByRole('row').count()).toBeLessThan(80);
    await expect(interfaceGrid(page)).toHaveAttribute('aria-rowcount', '202');
    expect(await interfaceGrid(page).getByRole('row').count()).toBeLessThan(80);

    // Arrow keys reach rows that were not rendered yet: the grid scrolls them in and focuses them.
    await interfaceGrid(page).getByRole('row', { name: /^All interfaces/ }).click();
    await page.keyboard.press('End');
    const last = interfaceGrid(page).getByRole('row', { name: /^Ethernet 209 / });
    await expect(last).toBeFocused();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect(anycastTable(page)).toHaveAttribute('aria-rowcount', '51');
    await page.keyboard.press('Home');
    await expect(anycastTable(page)).toHaveAttribute('aria-rowcount', '10001');

    await page.getByRole('searchbox', { name: 'Search interfaces' }).fill('Adapter #150');
    await expect(interfaceGrid(page).getByRole('row')).toHaveCount(3);

    const search = page.getByRole('searchbox', { name: 'Search anycast addresses' });
    // The MAC address of one adapter, whose 50 entries are spread through the list.
    await search.fill('02-00-00-00-00-95');
    await expect(anycastTable(page)).toHaveAttribute('aria-rowcount', '51');
    await anycastTable(page).getByRole('columnheader', { name: 'Address' }).click();
    await expect(anycastTable(page).getByRole('columnheader', { name: 'Address' })).toHaveAttribute('aria-sort', 'ascending');
    await page.screenshot({ path: screenshotPath('large-search-sorted'), animations: 'disabled' });
  });
});

test.describe('with clipboard access', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('a row copies its details for a ticket', async ({ page, preview }) => {
    void preview;
    await anycastTable(page).getByRole('button', { name: 'More actions for 192.0.2.53 on Ethernet' }).click();
    const copy = page.getByRole('menuitem', { name: 'Copy details' });
    await expect(copy).toBeVisible();
    await page.screenshot({ path: screenshotPath('row-more-actions'), animations: 'disabled' });
    await copy.click();
    // The toast and its screen-reader announcement both carry the words.
    await expect(page.getByText('Copied the details of 192.0.2.53', { exact: true }).first()).toBeVisible();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Anycast Manager entry: 192\.0\.2\.53 on Ethernet \(index 12\)$/m);
    expect(text).toMatch(/^Machine: .+$/m);
    expect(text).toContain('Interface LUID: ');
  });
});
