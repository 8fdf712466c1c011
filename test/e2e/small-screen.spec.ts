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
