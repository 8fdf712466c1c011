/**
 * Success toasts after a burst of changes: at most two at once, never over the table's
 * Delete buttons or a modal, and read out as separate words.
 */
import { expect, screenshotPath, test } from './fixtures';

function overlaps(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const viewport of [{ width: 1024, height: 640 }, { width: 1366, height: 768 }]) {
  test(`four quick adds and an undo at ${viewport.width}x${viewport.height}: two toasts at most, clear of Delete and of a modal`, async ({ page, preview }) => {
    void preview;
    // Nine round trips to the service, each with a re-read of the list.
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    const address = page.getByRole('textbox', { name: 'Address' });
    await address.click();
    await page.getByRole('combobox', { name: 'Interface' }).fill('Ethernet');
    for (const n of [1, 2, 3, 4]) {
      await address.fill(`192.0.2.${100 + n}`);
      await page.getByRole('button', { name: 'Add', exact: true }).click();
      await expect(page.getByRole('row', { name: new RegExp(`^192\\.0\\.2\\.${100 + n} `) })).toBeVisible({ timeout: 15_000 });
    }
    await page.getByRole('button', { name: 'Delete 192.0.2.101 from Ethernet' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect(page.locator('.anycast-toaster').getByText('Removed 192.0.2.101 from Ethernet')).toBeVisible();

    // One snapshot of the page: an older toast may time out at any moment, and a locator
    // taken before it left would wait for it forever.
    const seen = await page.evaluate(() => {
      const rect = (e: Element) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      };
      const toastBoxes = [...document.querySelectorAll('.anycast-toaster .fui-Toast')]
        .filter((e) => /^(Added|Removed|Restored) /.test(e.textContent ?? '') && e.getBoundingClientRect().height > 0)
        .map(rect);
      const deleteBoxes = [...document.querySelectorAll('button[aria-label^="Delete "]')].map(rect);
      return { toastBoxes, deleteBoxes };
    });
    expect(seen.toastBoxes.length, 'toasts on screen').toBeGreaterThanOrEqual(1);
    expect(seen.toastBoxes.length, 'toasts on screen').toBeLessThanOrEqual(2);
    expect(seen.deleteBoxes.length, 'Delete buttons on screen').toBeGreaterThanOrEqual(3);
    for (const toastBox of seen.toastBoxes) {
      for (const box of seen.deleteBoxes) expect(overlaps(toastBox, box), 'a toast covers a Delete button').toBe(false);
    }
    await page.screenshot({ path: screenshotPath(`toasts-${viewport.width}x${viewport.height}`), animations: 'disabled' });

    // Fluent announces a toast's textContent: it reads as words, not "EthernetUndoPress".
    const announced = await page.evaluate(() => {
      const outermost = [...document.querySelectorAll('.anycast-toaster *')].find((e) => e.textContent?.includes('Removed 192.0.2.101'));
      return outermost?.textContent ?? '';
    });
    expect(announced).toBe('Removed 192.0.2.101 from Ethernet Undo Press Ctrl+M to reach Undo.');

    await page.getByRole('button', { name: 'Delete 192.0.2.102 from Ethernet' }).click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await expect(page.locator('.anycast-toaster').getByText('Removed 192.0.2.101 from Ethernet')).toBeHidden();
  });
}
