/**
 * The layer rules fire: fixture files laid out as the project is (app/, main/, renderer/)
 * are linted with the project's own eslint.config.mjs, and app/ is type-checked with
 * tsconfig.app.json's options. app/ importing Node, the DOM or Electron, renderer/
 * importing main/, main/ importing renderer/, and an import cycle are each reported; a
 * file that breaks none of them is not.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');

const FIXTURES: Record<string, string> = {
  'app/uses-node.ts': "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
  'app/uses-bare-node.ts': "import { join } from 'path';\nexport const joined = join('a', 'b');\n",
  'app/uses-react-dom.ts': "import { createRoot } from 'react-dom/client';\nexport const root = createRoot;\n",
  'app/uses-electron.ts': "import { app } from 'electron';\nexport const electronApp = app;\n",
  'app/uses-dom-global.ts': 'export const title = (): string => document.title;\n',
  'app/cycle-a.ts': "import { b } from './cycle-b';\nexport const a = (): number => b() + 1;\n",
  'app/cycle-b.ts': "import { a } from './cycle-a';\nexport const b = (): number => (Math.random() > 2 ? a() : 0);\n",
  'app/clean.ts': "import { leaf } from './leaf';\nexport const clean = leaf + 1;\n",
  'app/leaf.ts': 'export const leaf = 1;\n',
  'main/service/thing.ts': 'export const thing = 1;\n',
  'main/imports-renderer.ts': "import { view } from '../renderer/view';\nexport const shown = view;\n",
  'renderer/view.tsx': 'export const view = 1;\n',
  'renderer/imports-main.tsx': "import { thing } from '../main/service/thing';\nexport const used = thing;\n",
};

let dir: string;
const reports = new Map<string, ESLint.LintResult['messages']>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'anycast-layers-'));
  for (const [file, text] of Object.entries(FIXTURES)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  // The layer rules read imports alone; the type-aware rules need the fixtures in a tsconfig, so they are off here.
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: path.join(ROOT, 'eslint.config.mjs'),
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/switch-exhaustiveness-check': 'off' },
    },
  });
  for (const result of await eslint.lintFiles(Object.keys(FIXTURES))) reports.set(path.relative(dir, result.filePath), result.messages);
}, 120_000);

const rulesFor = (file: string) => reports.get(file)!.map((m) => `${m.ruleId}: ${m.message}`);

describe('the layer rules in eslint.config.mjs', () => {
  it.each([
    ['app/uses-node.ts', 'app/ runs in both processes: no Node modules.'],
    ['app/uses-bare-node.ts', 'app/ runs in both processes: no Node modules.'],
    ['app/uses-react-dom.ts', 'app/ is pure TypeScript: no Electron or UI.'],
    ['app/uses-electron.ts', 'app/ is pure TypeScript: no Electron or UI.'],
    ['renderer/imports-main.tsx', 'The renderer reaches main only through the typed API in app/ipc-contract.'],
    ['main/imports-renderer.ts', 'main/ never imports the UI.'],
  ])('reports %s', (file, message) => {
    expect(rulesFor(file)).toEqual([expect.stringContaining(message)]);
    expect(reports.get(file)!.map((m) => m.ruleId)).toEqual(['no-restricted-imports']);
  });

  it('reports an import cycle from both of its files', () => {
    for (const file of ['app/cycle-a.ts', 'app/cycle-b.ts']) expect(rulesFor(file)).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
  });

  it('reports nothing in files that keep to their layer', () => {
    for (const file of ['app/clean.ts', 'app/leaf.ts', 'main/service/thing.ts', 'renderer/view.tsx']) expect({ file, messages: rulesFor(file) }).toEqual({ file, messages: [] });
  });
});

describe("tsconfig.app.json's check of app/", () => {
  function appDiagnostics(file: string): string[] {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.app.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const program = ts.createProgram([path.join(dir, file)], { ...config!.options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('refuses a DOM global in app/', () => {
    expect(appDiagnostics('app/uses-dom-global.ts')).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it('accepts a file that uses neither', () => {
    expect(appDiagnostics('app/clean.ts')).toEqual([]);
  });
});
