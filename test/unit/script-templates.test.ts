/**
 * The script templates: how slots are filled, and that esbuild (which bundles main and
 * the benchmarks) reads a template import as vite and vitest do, byte for byte: it drops
 * the ?raw query and loads .txt files as text by default, so it needs no plugin.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fillTemplate } from '../../app/templates/fill-template';

const root = join(__dirname, '..', '..');

describe('script templates', () => {
  it('fills a slot inside a line with text and a slot on its own line with lines, none removing it', () => {
    const template = 'first\n{{many}}\nsays {{word}} twice: {{word}}\n{{none}}\nlast\n';
    expect(fillTemplate(template, { many: ['a', 'b'], word: 'hi', none: [] })).toEqual(['first', 'a', 'b', 'says hi twice: hi', 'last']);
  });

  it('reads a template saved with CRLF line ends as the same lines', () => {
    expect(fillTemplate('one\r\n{{x}}\r\n', { x: 'two' })).toEqual(['one', 'two']);
  });

  it('refuses a slot without a value, a value without a slot, and lines inside a line', () => {
    expect(() => fillTemplate('a {{missing}}', {})).toThrow('{{missing}} with no value');
    expect(() => fillTemplate('a', { extra: 'x' })).toThrow('no slot for {{extra}}');
    expect(() => fillTemplate('a {{list}}', { list: ['x'] })).toThrow('takes text, not lines');
  });

  it('esbuild bundles a template import as the file text, as vite does', async () => {
    const result = await build({
      stdin: { contents: "export { default } from './app/templates/anycast-entries.cmd.txt?raw';", resolveDir: root, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
      logLevel: 'silent',
    });
    const module = { exports: {} as { default?: string } };
    new Function('module', 'exports', result.outputFiles[0]!.text)(module, module.exports);
    expect(module.exports.default).toBe(readFileSync(join(root, 'app/templates/anycast-entries.cmd.txt'), 'utf8'));
  });
});
