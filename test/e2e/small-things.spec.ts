/** Small things a careful user notices: names, placeholders and a button that must not wrap. */
import { expect, screenshotPath, test } from './fixtures';

test('each search has its own clear button name, and the Address field shows no address it was not given', async ({ page, preview }) => {
  void preview;
  await expect(page.getByRole('button', { name: 'Clear the interface search' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Clear the address search' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'clear', exact: true })).toHaveCount(0);
  expect(await page.getByRole('textbox', { name: 'Address' }).getAttribute('placeholder')).toBeNull();
});

// A narrow window (a remote session beside other work), where the dialog's buttons have little room.
test.describe('with clipboard access, in a 560 px wide window', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'], viewport: { width: 560, height: 640 } });

  test('"Copy details" stays on one line when "Copied" appears beside it', async ({ page, preview }) => {
    void preview;
    await page.getByRole('textbox', { name: 'Address' }).fill('192.0.2.53');
    await page.getByRole('combobox', { name: 'Interface' }).fill('Ethernet');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    const copy = dialog.getByRole('button', { name: 'Copy details' });
    // Measured once the dialog's opening motion is over: mid-motion the button is a fraction of a pixel smaller.
    await dialog.evaluate((surface) => Promise.all(surface.getAnimations({ subtree: true }).map((motion) => motion.finished)));
    const before = await copy.boundingBox();
    await copy.click();
    await expect(dialog.getByText('Copied')).toBeVisible();
    const after = await copy.boundingBox();
    // Wrapping to two lines adds about 20 px; anything under half a pixel is rendering.
    expect(after!.height).toBeCloseTo(before!.height, 0);
    await page.screenshot({ path: screenshotPath('error-dialog-copied-560x640'), animations: 'disabled' });
  });
});
