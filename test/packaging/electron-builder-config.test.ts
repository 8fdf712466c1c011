/**
 * electron-builder.yml against electron-builder's own JSON schema, and against the
 * security policy the schema cannot express, so a later edit cannot silently
 * drop elevation, a fuse or the unpacked koffi binary, or bring back the portable exe.
 */
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { KOFFI_NATIVE_UNPACK, packagingProblems, REQUIRED_FUSES } from './packaging-policy';

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- mutated freely below

const require = createRequire(import.meta.url);
const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
// The schema uses union types and keywords ajv's strict mode rejects; electron-builder compiles it the same way.
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

function schemaErrors(candidate: unknown): string[] {
  return validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

function edited(edit: (copy: Config) => unknown): Config {
  const copy = structuredClone(config);
  edit(copy);
  return copy;
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder', () => {
    expect(schemaErrors(config)).toEqual([]);
  });

  it('keeps every security-relevant setting', () => {
    expect(packagingProblems(config)).toEqual([]);
  });

  it('uses a 256x256 PNG icon from assets/', () => {
    const png = readFileSync(config.win.icon as string);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 256]);
  });

  it('ships koffi as a runtime dependency, its win32-x64 native package locked at the same version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toHaveProperty('koffi');
    const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, Record<string, unknown>> };
    const koffi = lock.packages['node_modules/koffi'];
    const native = lock.packages['node_modules/@koromix/koffi-win32-x64'];
    expect(native).toMatchObject({ version: koffi?.version, os: ['win32'], cpu: ['x64'] });
  });

  it('is checked by a schema that rejects what electron-builder would reject', () => {
    expect(schemaErrors(edited((c) => (c.win.requestedExecutionLevel = 'root')))).not.toEqual([]);
    expect(schemaErrors(edited((c) => (c.electronFusez = c.electronFuses)))).not.toEqual([]);
  });

  /** [what the copy has, how to make it, words the problem list must contain] */
  type Edit = [string, (c: Config) => unknown, string];
  const fuseFlips = Object.entries(REQUIRED_FUSES).map(
    ([fuse, value]): Edit => [`electronFuses.${fuse}: ${!value}`, (c) => (c.electronFuses[fuse] = !value), fuse],
  );

  it.each<Edit>([
    ...fuseFlips,
    ['no requestedExecutionLevel', (c) => delete c.win.requestedExecutionLevel, 'requestedExecutionLevel'],
    ['requestedExecutionLevel: asInvoker', (c) => (c.win.requestedExecutionLevel = 'asInvoker'), 'requestedExecutionLevel'],
    ['no electronFuses', (c) => delete c.electronFuses, 'runAsNode'],
    ['no NSIS target', (c) => (c.win.target = ['zip']), 'NSIS'],
    ['a portable target', (c) => c.win.target.push({ target: 'portable', arch: ['x64'] }), 'portable'],
    ['a portable target by name', (c) => c.win.target.push('portable'), 'portable'],
    ['an ia32-only NSIS target', (c) => (c.win.target = [{ target: 'nsis', arch: ['ia32'] }]), 'NSIS'],
    ['koffi not unpacked', (c) => (c.asarUnpack = []), KOFFI_NATIVE_UNPACK],
    ["koffi's whole package unpacked", (c) => (c.asarUnpack = ['node_modules/@koromix/koffi-win32-x64/**']), KOFFI_NATIVE_UNPACK],
    ['smart unpacking on', (c) => (c.asar = true), 'smartUnpack'],
    ['asar off', (c) => (c.asar = false), 'asar must stay on'],
    ['asar integrity off', (c) => (c.disableAsarIntegrity = true), 'disableAsarIntegrity'],
    ['executable editing off', (c) => (c.win.signAndEditExecutable = false), 'signAndEditExecutable'],
    ['a per-user install', (c) => (c.nsis.perMachine = false), 'perMachine'],
    ['another app id', (c) => (c.appId = 'com.example.app'), 'appId'],
  ])('catches a copy with %s, which the schema alone accepts', (_name, edit, problem) => {
    const copy = edited(edit);
    expect(schemaErrors(copy)).toEqual([]);
    expect(packagingProblems(copy).join('\n')).toContain(problem);
  });
});
