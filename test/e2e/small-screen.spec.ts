/**
 * A help-desk laptop's 1024x640 window: what a technician must see stays in view.
 */
import { expect, screenshotPath, test } from './fixtures';

test.describe('not elevated, at 1024x640', () => {
  test.use({ launchArgs: ['--simulate-unelevated'], viewport: { width: 1024, height: 640 } });

  test('Add stays in view with the not-elevated warning and a field message shown', async ({ page, preview }) => {
    void preview;
    // The way a keyboard user reaches the form: the skip link puts focus in the Address field.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const address = page.getByRole('textbox', { name: 'Address' });
    await expect(address).toBeFocused();
    await page.keyboard.type('127.0.0.1');
    await expect(page.getByText(/Not elevated: Windows will refuse this/)).toBeVisible();
    await expect(page.getByText(/127\.0\.0\.1 is a loopback address/)).toBeVisible();
    await expect(page.getByText(/Choose the interface for 127\.0\.0\.1/)).toBeVisible();

    const add = page.getByRole('button', { name: 'Add', exact: true });
    await page.screenshot({ path: screenshotPath('form-unelevated-1024x640'), animations: 'disabled' });
    await expect(add).toBeInViewport({ ratio: 1 });
    await expect(address).toBeInViewport({ ratio: 1 });
  });
});

function inside(inner: { x: number; y: number; width: number; height: number }, outer: typeof inner): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const viewport of [{ width: 1024, height: 640 }, { width: 1366, height: 768 }]) {
  test(`Saved set at ${viewport.width}x${viewport.height}: the export button stays inside its message bar and clear of Save`, async ({ page, preview }) => {
    void preview;
    await page.setViewportSize(viewport);
    await page.getByRole('button', { name: 'Saved set…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Saved set' });
    const exportButton = dialog.getByRole('button', { name: 'Export a persistent script…' });
    const save = dialog.getByRole('button', { name: 'Save current entries as the saved set' });
    await save.click();
    await expect(dialog.getByRole('status').getByText(/^Saved .*: 2 entries\./)).toBeVisible();
    const bar = dialog.getByRole('group', { name: 'Anycast addresses added here are gone after Windows restarts' });
    await page.screenshot({ path: screenshotPath(`saved-set-${viewport.width}x${viewport.height}`), animations: 'disabled' });
    const [exportBox, saveBox, barBox] = await Promise.all([exportButton.boundingBox(), save.boundingBox(), bar.boundingBox()]);
    if (!exportBox || !saveBox || !barBox) throw new Error('the saved set dialog is not laid out');
    expect(inside(exportBox, barBox), 'the export button overflows its message bar').toBe(true);
    expect(overlaps(exportBox, saveBox), 'the export button and Save overlap').toBe(false);
  });
}

/** Whether an element's text is cut: it needs more width than it has, or it reaches past its table's scroller. */
const clipped = (cell: import('@playwright/test').Locator) =>
  cell.evaluate((el) => {
    const scroller = el.closest('table')?.parentElement;
    if (!scroller) throw new Error('the cell is not in a table scroller');
    return el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > scroller.getBoundingClientRect().left + scroller.clientLeft + scroller.clientWidth + 0.5;
  });

const LONG_ADDRESS = '2001:db8:1234:5678:9abc:def0:1234:5678';

for (const viewport of [{ width: 1024, height: 640 }, { width: 1366, height: 768 }]) {
  test(`at ${viewport.width}x${viewport.height} a 39-character address is readable in full, and the audit log clips no word`, async ({ page, preview }) => {
    void preview;
    await page.setViewportSize(viewport);
    // Choosing the row in the grid sets the form's interface.
    await page.getByRole('grid', { name: /^Network interfaces/ }).getByRole('row', { name: /^Ethernet Intel/ }).click();
    await expect(page.getByRole('combobox', { name: 'Interface' })).toHaveValue(/^Ethernet \(index 12\)/);
    await page.getByRole('textbox', { name: 'Address' }).fill(LONG_ADDRESS);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const table = page.getByRole('table', { name: /^Anycast addresses/ });
    const cell = table.getByRole('cell', { name: LONG_ADDRESS, exact: true });
    await expect(cell).toBeVisible();
    expect(await clipped(cell), `the address cell is ${await cell.evaluate((el) => el.clientWidth)} px wide`).toBe(false);
    await expect(cell).toBeInViewport({ ratio: 1 });

    // A refused add puts a long result word in the log: ERROR_OBJECT_ALREADY_EXISTS.
    await page.getByRole('textbox', { name: 'Address' }).fill(LONG_ADDRESS);
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('alertdialog', { name: 'Address already present' }).getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Audit log' }).click();
    const log = page.getByRole('dialog', { name: 'Audit log' });
    const failed = log.getByRole('row').filter({ hasText: 'ERROR_OBJECT_ALREADY_EXISTS' }).first();
    await expect(failed).toBeVisible();
    await page.screenshot({ path: screenshotPath(`long-address-${viewport.width}x${viewport.height}`), animations: 'disabled' });
    const cells = failed.getByRole('cell');
    for (const column of [4, 5, 6]) {
      const text = await cells.nth(column).innerText();
      expect(await clipped(cells.nth(column)), `audit column ${column + 1} ("${text}") is clipped`).toBe(false);
    }
    expect(await clipped(cells.nth(6).locator('span span').last())).toBe(false);
  });
}
