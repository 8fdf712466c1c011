/**
 * Forced colours (Windows contrast themes), as Chromium emulates them: the page's own
 * colours give way to the system's, so what colour alone said must still show.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';

test.beforeEach(async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
});

/** A system colour as this page computes it. */
const systemColour = (page: Page, name: string) =>
  page.evaluate((colour) => {
    const probe = document.createElement('span');
    probe.style.color = colour;
    document.body.append(probe);
    const computed = getComputedStyle(probe).color;
    probe.remove();
    return computed;
  }, name);

const border = (field: Locator) =>
  field.evaluate((input) => {
    const style = getComputedStyle(input.parentElement!);
    return ['Top', 'Right', 'Bottom', 'Left'].map((side) =>
      ['Style', 'Width', 'Color'].map((part) => style.getPropertyValue(`border-${side.toLowerCase()}-${part.toLowerCase()}`)).join(' '),
    );
  });

test('the Address field keeps a border that says "error" when its colour is forced', async ({ page, preview }) => {
  void preview;
  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('192.0.2.10');
  await address.blur();
  const valid = await border(address);
  await address.fill('999.1.1.1');
  await address.blur();
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  expect(await border(address)).not.toEqual(valid);
  await page.screenshot({ path: screenshotPath('forced-colors-invalid-address'), animations: 'disabled' });
});

test('bulk rows keep the text colour under a resting pointer, not the link or highlight colour', async ({ page, preview }) => {
  void preview;
  const text = await systemColour(page, 'CanvasText');
  await page.getByRole('toolbar', { name: 'Anycast address actions' }).getByRole('button', { name: 'Bulk add…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bulk add anycast addresses' });
  // 192.0.2.53 is on Ethernet in the simulated computer.
  await dialog.getByRole('textbox', { name: 'Addresses to add' }).fill('192.0.2.53 Ethernet\n192.0.2.99 Ethernet');
  const present = dialog.getByRole('table', { name: 'Import preview' }).getByRole('row', { name: /^Line 1 192\.0\.2\.53 .*Already present/ });
  await present.hover();
  const cellColours = await present.evaluate((row) => [...row.querySelectorAll('td')].map((cell) => getComputedStyle(cell).color));
  expect(cellColours).toEqual(cellColours.map(() => text));
  await page.screenshot({ path: screenshotPath('forced-colors-bulk-preview'), animations: 'disabled' });
});
