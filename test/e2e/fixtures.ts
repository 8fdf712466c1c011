/**
 * Each test gets a fresh preview: the real renderer bundle from dist/renderer and
 * the real service over a fresh simulated backend, in its own private data folder,
 * on a free loopback port.
 */
import { test as base, expect } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { parseLaunchOptions } from '../../main/launch-options';
import { runPreview } from '../../main/preview/run-preview';

const rendererDir = join(__dirname, '..', '..', 'dist', 'renderer');

export interface PreviewFixture {
  url: string;
  /** Every API call the page made, so a test can prove a request was never sent. */
  apiCalls: string[];
  /** The simulated computer behind the page, to change its interfaces as Windows would. */
  backend: SimulatedBackend;
}

export const test = base.extend<{ preview: PreviewFixture; launchArgs: string[] }>({
  launchArgs: [[], { option: true }],
  preview: async ({ page, launchArgs }, use) => {
    if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first.');
    const server = await runPreview(rendererDir, parseLaunchOptions(launchArgs));
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/')) apiCalls.push(`${path.slice(5)} ${request.postData() ?? ''}`);
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.openUrl);
    await use({ url: server.url, apiCalls, backend: server.backend });
    await server.close();
    rmSync(server.dataDir, { recursive: true, force: true });
    expect(errors, 'the page logged errors (CSP violations count)').toEqual([]);
  },
});

export { expect };

export const screenshotPath = (name: string) => join('test-results', 'screenshots', `${name}.png`);
