/**
 * Retakes README's screenshots: the preview's main view at 1366x768 and at 1024x640 (a
 * help-desk laptop, a remote session window). Run after `npm run build`:
 * `node docs/screenshots.mjs`. Chromium is Debian's, as in the end-to-end tests.
 */
import { spawn } from 'node:child_process';
import process from 'node:process';
import { fileURLToPath, URL } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const child = spawn(process.execPath, ['dist/main/launcher.cjs', '--preview'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
try {
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/\S+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.on('exit', (code) => reject(new Error(`the preview exited (${code}) before printing its address`)));
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  for (const [width, height] of [[1366, 768], [1024, 640]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(url);
    await page.getByRole('table', { name: /^Anycast addresses/ }).getByRole('row', { name: /^192\.0\.2\.53 / }).waitFor();
    // The pointer off every row, so nothing shows hovered.
    await page.mouse.move(0, height - 1);
    await page.screenshot({ path: `${root}docs/screenshot-${width}x${height}.png`, animations: 'disabled' });
    await page.close();
  }
  await browser.close();
} finally {
  child.kill();
}
