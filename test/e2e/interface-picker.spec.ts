/**
 * The Interface picker in the browser, on the large simulated computer: typed text
 * narrows a short list, and Enter takes only the interface named in full.
 */
import { expect, screenshotPath, test } from './fixtures';

test.describe('on a large computer', () => {
  test.use({ launchArgs: ['--large'] });

  test('typed "Ethernet 17" and Enter adds to Ethernet 17; "Ethernet 1" and Enter adds nowhere', async ({ page, preview }) => {
    await page.setViewportSize({ width: 1024, height: 640 });
    const address = page.getByRole('textbox', { name: 'Address' });
    const picker = page.getByRole('combobox', { name: 'Interface' });
    const add = page.getByRole('button', { name: 'Add', exact: true });
    // The 200 interfaces have loaded once the grid counts them, with its header and "All interfaces" rows.
    await expect(page.getByRole('grid', { name: /^Network interfaces/ })).toHaveAttribute('aria-rowcount', '202', { timeout: 15_000 });

    await address.fill('192.0.2.77');
    await picker.click();
    await page.keyboard.type('Ethernet 1');
    const listbox = page.getByRole('listbox');
    const box = await listbox.boundingBox();
    expect(box?.height, 'the open list is a short scrolling list, not the whole window').toBeLessThanOrEqual(320);
    await page.screenshot({ path: screenshotPath('interface-picker-large-1024'), animations: 'disabled' });
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('Ethernet 1');
    await expect(add).toBeDisabled();
    await expect(page.getByText('No interface is named “Ethernet 1”.', { exact: false })).toBeVisible();

    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue(/^Ethernet 17 \(index \d+\)$/);
    await add.click();
    const index = Number((await picker.inputValue()).match(/index (\d+)/)?.[1]);
    const added = async () => {
      const listed = await preview.backend.listAnycast();
      return listed.ok ? listed.value.filter((e) => e.address === '192.0.2.77').map((e) => e.interfaceIndex) : [];
    };
    await expect.poll(added).toEqual([index]);
  });
});
