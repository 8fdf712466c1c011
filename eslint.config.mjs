// Lint rules, including the layer boundaries: app/ is pure, renderer/ reaches main only
// through the typed API, main/ never imports the UI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeModules = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'net', 'crypto', 'url'];

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/', '.cache/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Type-aware: a promise nobody awaits loses its failure, and a switch over a union must name every member.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  {
    files: ['app/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeModules, message: 'app/ runs in both processes: no Node modules.' },
            { group: ['electron', 'react', 'react-dom', '@fluentui/*'], message: 'app/ is pure TypeScript: no Electron or UI.' },
            { group: ['**/main/**', '**/renderer/**'], message: 'app/ is the core; it imports from neither process.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only matters for the React Compiler, which this project does not use.
      'react-hooks/incompatible-library': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: [...nodeModules, 'electron'], message: 'The renderer is sandboxed: it reaches main only through the typed API.' },
            { group: ['**/main/**'], message: 'The renderer reaches main only through the typed API in app/ipc-contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', '@fluentui/*'], message: 'main/ never imports the UI.' }] },
      ],
    },
  },
  {
    // The packaged app leaves the browser preview out (electron-builder.yml): the Electron side must not need it.
    files: ['main/electron/**/*.ts', 'main/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'react-dom', '@fluentui/*'], message: 'main/ never imports the UI.' },
            { group: ['**/preview/**'], message: 'The Electron app does not ship the browser preview: share the code from another folder.' },
          ],
        },
      ],
    },
  },
  {
    // The service, the backends and the fault log also run in the browser preview, and could move
    // to a process of their own: they take what they need from Electron as arguments.
    files: ['main/service/**/*.ts', 'main/backends/**/*.ts', 'main/diagnostics/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', 'react', 'react-dom', '@fluentui/*'], message: 'main/ never imports the UI.' },
            {
              group: ['electron', 'electron/*', 'electron-log/main', '**/electron/**'],
              message: 'The service and backends run without Electron: inject what they need.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/launcher.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
