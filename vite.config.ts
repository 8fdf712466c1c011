import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Builds the renderer only; main and preload are bundled separately. */
export default defineConfig({
  root: here('./renderer'),
  // Relative asset URLs: Electron loads the page from file:// or the app's own protocol.
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./dist/renderer'),
    emptyOutDir: true,
    // The polyfill would be an inline script, which the CSP (script-src 'self') forbids.
    modulePreload: { polyfill: false },
  },
});
