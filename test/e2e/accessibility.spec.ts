/**
 * axe-core over every state a person reaches: the main view, each dialog, the large
 * computer and the unelevated one, at a help-desk laptop's 1024x640 and at 1366x768.
 * A serious or critical violation fails the test, and so does content outside any
 * landmark ("region", moderate in axe, but content a screen reader can miss), except the one violation
 * that comes from Fluent UI itself (see README, Accessibility).
 */
import axe, { type AxeResults, type Result } from 'axe-core';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// axe is injected as a script, which the app's CSP (script-src 'self') rightly refuses;
// only this test's browser context ignores the CSP.
test.use({ bypassCSP: true });

const VIEWPORTS = [
  { width: 1024, height: 640 },
  { width: 1366, height: 768 },
];

/**
 * Fluent's focus management (Tabster) puts focusable, aria-hidden "dummy" elements at the
 * edges of a focus trap so that Tab wraps around; axe flags them as aria-hidden-focus.
 * They are Fluent's own (marked data-tabster-dummy), not the app's markup.
 */
function isFluentFocusDummy(rule: Result, node: Result['nodes'][number]): boolean {
  return rule.id === 'aria-hidden-focus' && /^<[^>]*data-tabster-dummy/.test(node.html);
}

/**
 * Menus, popovers and toasts are drawn by Fluent in portals at the end of <body>, outside
 * the page's landmarks; they are found by their own roles (menu, status), not as regions.
 */
function isInFluentPortal(rule: Result, node: Result['nodes'][number] & { inPortal?: boolean }): boolean {
  return rule.id === 'region' && node.inPortal === true;
}

async function seriousViolations(page: Page): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(async () => {
    const found = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    for (const rule of found.violations) {
      for (const node of rule.nodes) {
        const selector = node.target[0];
        const element = typeof selector === 'string' ? document.querySelector(selector) : null;
        Object.assign(node, { inPortal: element?.closest('[data-portal-node]') != null });
      }
    }
    return found;
  });
  return (results as AxeResults).violations
    .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical' || rule.id === 'region')
    .flatMap((rule) =>
      rule.nodes
        .filter((node) => !isFluentFocusDummy(rule, node) && !isInFluentPortal(rule, node))
        .map((node) => `${rule.id} (${rule.impact}): ${rule.help} at ${node.target.join(' ')}: ${node.html.slice(0, 160)}`),
    );
}

async function expectAccessible(page: Page, state: string) {
  // Fluent's dialogs, menus and toasts animate in; axe must see them settled (contrast mid-fade is not
  // real). Their motions last well under 2 s; the toast's own timer is a longer animation, left running.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => {
      const duration = Number(animation.effect?.getComputedTiming().duration ?? 0);
      return animation.playState !== 'running' || duration >= 2_000;
    }),
  );
  expect(await seriousViolations(page), `axe, ${state}`).toEqual([]);
}

const toolbarButton = (page: Page, name: string) =>
  page.getByRole('toolbar', { name: 'Anycast address actions' }).getByRole('button', { name });

async function openDialog(page: Page, button: string, title: string) {
  await toolbarButton(page, button).click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test.describe(`at ${size}`, () => {
    test.use({ viewport });

    test('the main view and each dialog have no serious violation', async ({ page, preview }) => {
      void preview;
      test.setTimeout(120_000);
      const table = page.getByRole('table', { name: /^Anycast addresses/ });
      await expect(table.getByRole('row', { name: /^192\.0\.2\.53 / })).toBeVisible({ timeout: 15_000 });
      await expectAccessible(page, 'main view');

      await page.getByRole('searchbox', { name: 'Search anycast addresses' }).fill('no such address');
      await expectAccessible(page, 'main view, a search that matches nothing');
      await page.getByRole('searchbox', { name: 'Search anycast addresses' }).fill('');

      const bulk = await openDialog(page, 'Bulk add…', 'Bulk add anycast addresses');
      await expectAccessible(page, 'Bulk add, empty');
      const lines = Array.from({ length: 12 }, (_, i) => `192.0.2.${100 + i} Ethernet`);
      await bulk.getByRole('textbox', { name: 'Addresses to add' }).fill([...lines, '224.0.0.1 Ethernet', '192.0.2.53 Ethernet'].join('\n'));
      await expect(bulk.getByRole('table', { name: 'Import preview' })).toBeVisible();
      await expectAccessible(page, 'Bulk add, preview of 14 rows');
      await bulk.getByRole('button', { name: 'Add 12 addresses' }).click();
      // Twelve adds, one after another: slow on a loaded machine.
      await expect(bulk.getByRole('status').filter({ hasText: /^Done:/ })).toBeVisible({ timeout: 20_000 });
      await expectAccessible(page, 'Bulk add, results');
      await bulk.getByRole('button', { name: 'Close' }).click();

      await openDialog(page, 'Export…', 'Export anycast addresses');
      await expectAccessible(page, 'Export');
      await page.keyboard.press('Escape');

      const saved = await openDialog(page, 'Saved set…', 'Saved set');
      await saved.getByRole('button', { name: 'Save current entries as the saved set' }).click();
      await expect(saved.getByRole('table')).toBeVisible();
      await expectAccessible(page, 'Saved set, with a saved set');
      await saved.getByRole('button', { name: 'Close' }).click();

      await openDialog(page, 'Audit log', 'Audit log');
      await expectAccessible(page, 'Audit log');
      await page.keyboard.press('Escape');

      await table.getByRole('button', { name: 'More actions for 192.0.2.53 on Ethernet' }).click();
      await expect(page.getByRole('menuitem', { name: 'Copy details' })).toBeVisible();
      await expectAccessible(page, 'row menu');
      await page.keyboard.press('Escape');

      await table.getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }).click();
      const confirm = page.getByRole('alertdialog');
      await expect(confirm).toBeVisible();
      await expectAccessible(page, 'delete confirmation');
      await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
      await expectAccessible(page, 'undo toast');
    });

    test.describe('without administrator rights', () => {
      test.use({ launchArgs: ['--simulate-unelevated'] });

      test('the warning and the error dialog have no serious violation', async ({ page, preview }) => {
        void preview;
        await expect(page.getByText('Not running as administrator')).toBeVisible();
        await expectAccessible(page, 'main view, unelevated');
        await page.getByRole('table', { name: /^Anycast addresses/ }).getByRole('button', { name: 'Delete 192.0.2.53 from Ethernet' }).click();
        await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
        await expect(page.getByRole('alertdialog', { name: 'Administrator rights needed' })).toContainText('ERROR_ACCESS_DENIED');
        await expectAccessible(page, 'error dialog');
      });
    });

    test.describe('on a large computer', () => {
      test.use({ launchArgs: ['--large'] });

      test('10,000 entries and 200 interfaces have no serious violation', async ({ page, preview }) => {
        void preview;
        await expect(page.getByRole('table', { name: /^Anycast addresses/ })).toHaveAttribute('aria-rowcount', '10001', { timeout: 15_000 });
        await expectAccessible(page, 'main view, --large');
      });
    });
  });
}
