/**
 * "Check this computer" in the browser preview: the real service and the simulated
 * computer behind the page. The report shows in the dialog, its round trip leaves the
 * computer as it was and is on the audit record, and the saved file carries the same
 * report as text and JSON.
 */
import { readFileSync } from 'node:fs';
import { parseSelfTestDocument } from '../../app/self-test';
import { version } from '../../package.json';
import { expect, screenshotPath, test } from './fixtures';

test('checks this computer with a round trip on Ethernet, shows the report and saves it', async ({ page, preview }) => {
  const before = await preview.backend.listAnycast();
  await page.getByRole('button', { name: 'Check this computer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Check this computer' });
  await dialog.getByRole('combobox', { name: 'Round trip on' }).selectOption({ label: 'Ethernet (index 12)' });
  await dialog.getByRole('button', { name: 'Run the check' }).click();
  await expect(dialog.getByText('No problems found.', { exact: true })).toBeVisible();
  const report = dialog.getByRole('textbox', { name: 'Report (text, then JSON)' });
  await expect(report).toHaveValue(/Backend: the simulated computer/);
  await expect(report).toHaveValue(/Round trip on "\d+" \(Ethernet \(index 12\)\) with 2001:db8:5e1f::1:\n {2}create {3}ok/);
  await expect(report).toHaveValue(/test entry: removed again/);
  await page.screenshot({ path: screenshotPath('self-test') });

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save report' }).click();
  const saved = parseSelfTestDocument(readFileSync((await (await downloading).path())!, 'utf8'));
  expect(saved).toMatchObject({ appVersion: version, backend: 'simulated', roundTrip: { cleanup: 'removed' } });
  expect(saved.roundTrip!.steps.map((s) => s.step)).toEqual(['create', 'get', 'list', 'delete']);

  expect(await preview.backend.listAnycast()).toEqual(before);
  expect(preview.apiCalls.filter((call) => call.startsWith('runSelfTest'))).toHaveLength(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Check this computer' })).toBeFocused();
});
