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
    // The initial bundle is one chunk (dialogs load on demand); its budget, 300 kB gzipped, is what
    // `npm run bench` reports. Rollup's default warning is about raw size and would fire on every build.
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      onwarn(warning, warn) {
        // Comments in a dependency that Rollup cannot place; it drops them, nothing is wrong with the build.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
});
