/**
 * Imports too big for one sitting are refused at once, with the limits stated, and the
 * window stays usable: the text never reaches the text box or the preview.
 */
import type { Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, screenshotPath, test } from './fixtures';

const MB = 1024 * 1024;
const filesDir = mkdtempSync(join(tmpdir(), 'anycast-e2e-import-'));

async function openBulkAdd(page: Page) {
  await page.getByRole('toolbar', { name: 'Anycast address actions' }).getByRole('button', { name: 'Bulk add…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk add anycast addresses' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** A file of short rows (an address and an interface), as many as fit in `bytes`; the browser reads it from disk. */
function rowsFile(name: string, bytes: number): string {
  const row = '192.0.2.1 Ethernet\n';
  const path = join(filesDir, name);
  writeFileSync(path, row.repeat(Math.floor(bytes / row.length)));
  return path;
}

test('a 20 MB import file is refused at once, and the dialog and the window stay usable', async ({ page, preview }) => {
  const dialog = await openBulkAdd(page);
  await dialog.getByLabel('Import file').setInputFiles(rowsFile('fleet.txt', 20 * MB));

  await expect(dialog.getByText('fleet.txt is 21 MB; an import file can be at most 5 MB and 10,000 rows. Split it into smaller files.')).toBeVisible();
  const text = dialog.getByRole('textbox', { name: 'Addresses to add' });
  await expect(text).toHaveValue('');
  await page.screenshot({ path: screenshotPath('bulk-add-refused-20mb'), animations: 'disabled' });

  await text.fill('192.0.2.70 Ethernet');
  await expect(dialog.getByText('1 ready')).toBeVisible();
  await dialog.getByRole('button', { name: 'Add 1 address' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /^Done:/ })).toHaveText('Done: 1 added');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('table', { name: /^Anycast addresses/ }).getByRole('row', { name: /^192\.0\.2\.70 / })).toBeVisible();
  expect(preview.apiCalls.filter((call) => call.startsWith('createAnycast'))).toHaveLength(1);
});

test('a file under the size limit with far too many rows is refused before it reaches the text box', async ({ page, preview }) => {
  const dialog = await openBulkAdd(page);
  await dialog.getByLabel('Import file').setInputFiles(rowsFile('rows.txt', 4.5 * MB));

  await expect(dialog.getByText(/^rows\.txt was not loaded\. The input has more than 10,000 rows; one import takes at most 10,000\./)).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Addresses to add' })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  expect(preview.apiCalls.filter((call) => call.startsWith('createAnycast'))).toEqual([]);
});
