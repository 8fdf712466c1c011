import type { Page } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures';

async function chooseInterface(page: Page, label: string) {
  await page.getByRole('combobox', { name: 'Interface' }).click();
  await page.getByRole('option', { name: new RegExp(`^${label.replace(/[()]/g, '\\$&')}`) }).click();
}

async function addAddress(page: Page, address: string, iface: string) {
  await page.getByRole('textbox', { name: 'Address' }).fill(address);
  await chooseInterface(page, iface);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
}

const anycastTable = (page: Page) => page.getByRole('table', { name: /^Anycast addresses/ });

test('the main window lists interfaces, their stacks and the anycast entries', async ({ page, preview }) => {
  void preview;
  const interfaces = page.getByRole('grid', { name: /^Network interfaces/ });
  await expect(interfaces.getByRole('row', { name: /Teredo Tunneling Pseudo-Interface/ })).toBeVisible();
  await expect(interfaces.getByRole('row', { name: /vEthernet \(Lab\)/ })).toContainText('IPv4');
  await expect(anycastTable(page).getByRole('row', { name: /192\.0\.2\.53/ })).toBeVisible();
  await expect(page.getByText('Simulated computer')).toBeVisible();
  await page.screenshot({ path: screenshotPath('main-window'), fullPage: true });
});

test('adds an IPv4 and an IPv6 anycast address', async ({ page, preview }) => {
  void preview;
  await addAddress(page, '192.0.2.10', 'Ethernet (index 12)');
  await expect(anycastTable(page).getByRole('row', { name: /192\.0\.2\.10/ })).toContainText('Ethernet');
  await expect(page.getByRole('textbox', { name: 'Address' })).toHaveValue('');

  await addAddress(page, '2001:DB8::0:100', 'Wi-Fi (index 18)');
  const row = anycastTable(page).getByRole('row', { name: /2001:db8::100/ });
  await expect(row).toContainText('Wi-Fi');
  await expect(row).toContainText('IPv6');
  await page.screenshot({ path: screenshotPath('after-adding'), fullPage: true });
});

test('a duplicate shows the ERROR_OBJECT_ALREADY_EXISTS dialog', async ({ page, preview }) => {
  void preview;
  await addAddress(page, '192.0.2.53', 'Ethernet (index 12)');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Address already present');
  await expect(dialog).toContainText('5010');
  await expect(dialog).toContainText('ERROR_OBJECT_ALREADY_EXISTS');
  await expect(dialog).toContainText('The object already exists.');
  await page.screenshot({ path: screenshotPath('duplicate-error-dialog') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('an invalid address gets an inline message and no request is sent', async ({ page, preview }) => {
  const address = page.getByRole('textbox', { name: 'Address' });
  await chooseInterface(page, 'Ethernet (index 12)');
  await address.fill('224.0.0.1');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/224\.0\.0\.1 is a multicast address/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add', exact: true })).toBeDisabled();
  await address.press('Enter');
  await page.screenshot({ path: screenshotPath('invalid-address-inline') });
  expect(preview.apiCalls.filter((call) => call.startsWith('createAnycast'))).toEqual([]);
});

test('an IPv6 address cannot be put on an IPv4-only interface', async ({ page, preview }) => {
  void preview;
  await page.getByRole('textbox', { name: 'Address' }).fill('2001:db8::1');
  await page.getByRole('combobox', { name: 'Interface' }).click();
  await expect(page.getByRole('option', { name: /^vEthernet \(Lab\)/ })).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByRole('option', { name: /^Teredo/ })).not.toHaveAttribute('aria-disabled', 'true');
  await page.screenshot({ path: screenshotPath('interface-picker') });
});

test('deletes an entry after confirmation', async ({ page, preview }) => {
  void preview;
  await anycastTable(page).getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }).click();
  const confirm = page.getByRole('alertdialog');
  await expect(confirm).toContainText('192.0.2.53');
  await page.screenshot({ path: screenshotPath('delete-confirmation') });
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(anycastTable(page).getByRole('row', { name: /192\.0\.2\.53/ })).toHaveCount(0);
  await expect(anycastTable(page).getByRole('row', { name: /2001:db8:53::53/ })).toBeVisible();
});

test('adding works from the keyboard alone', async ({ page, preview }) => {
  void preview;
  await page.getByRole('textbox', { name: 'Address' }).focus();
  await page.keyboard.type('198.51.100.20');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: 'Interface' })).toHaveValue(/Ethernet \(index 12\)|Wi-Fi/);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(anycastTable(page).getByRole('row', { name: /198\.51\.100\.20/ })).toBeVisible();
});

test.describe('without administrator rights', () => {
  test.use({ launchArgs: ['--simulate-unelevated'] });

  test('a write explains that elevation is needed', async ({ page, preview }) => {
    void preview;
    await expect(page.getByText(/administrator/i).first()).toBeVisible();
    await addAddress(page, '192.0.2.99', 'Ethernet (index 12)');
    const dialog = page.getByRole('alertdialog');
    await expect(dialog).toContainText('ERROR_ACCESS_DENIED');
    await expect(dialog).toContainText('Run as administrator');
    await page.screenshot({ path: screenshotPath('access-denied-dialog') });
  });
});
