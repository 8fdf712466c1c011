/**
 * Compilers for the native test helpers in test/native/: finding them, skipping or
 * failing when one is missing, and building each C file once (cached by content in
 * the temp directory, so parallel test workers and later runs reuse the result).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const NATIVE_DIR = fileURLToPath(new URL('../native/', import.meta.url));

export type Tool = { available: true; command: string } | { available: false; reason: string };

/** `apt` names the Debian package to install, for the message a person reads. */
export function findTool(command: string, apt: string): Tool {
  const probe = spawnSync(command, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return { available: false, reason: `${command} is not installed (Debian package ${apt})` };
  }
  return { available: true, command };
}

/**
 * The command of a tool a suite needs, or null when the suite must skip. Outside CI a
 * missing tool skips the suite and says why; in CI it throws, so the run fails
 * instead of passing without having tested anything.
 */
export function commandFor(tool: Tool, suite: string): string | null {
  if (tool.available) return tool.command;
  const message = `${suite}: ${tool.reason}`;
  if (inCi()) throw new Error(`${message}; CI must have it.`);
  console.warn(`[skipped] ${message}.`);
  return null;
}

/** CI=true (or any value but "false"), as CI services set it. */
export function inCi(): boolean {
  return Boolean(process.env.CI) && process.env.CI !== 'false';
}

/** Builds test/native/<source> into a shared library and returns its path. */
export function buildSharedLibrary(cc: string, source: string, defines: string[] = []): string {
  return build(cc, source, ['-std=c11', '-O2', '-Wall', '-Wextra', '-pthread', '-fPIC', '-shared', '-fvisibility=hidden', ...defines], '.so');
}

/**
 * Builds test/native/<source> into a Windows DLL with mingw-w64, for the Windows build of Node
 * under Wine. Static, so it needs nothing beside it but kernel32 and msvcrt.
 */
export function buildWindowsLibrary(mingw: string, source: string): string {
  return build(mingw, source, ['-std=c11', '-O2', '-Wall', '-Wextra', '-pthread', '-shared', '-static'], '.dll');
}

function build(cc: string, source: string, flags: string[], extension: string): string {
  const sourcePath = path.join(NATIVE_DIR, source);
  const key = createHash('sha256')
    .update(readFileSync(sourcePath))
    .update(JSON.stringify([cc, flags]))
    .digest('hex')
    .slice(0, 16);
  const dir = path.join(tmpdir(), 'anycast-manager-native');
  const output = path.join(dir, `${path.basename(source, '.c')}-${key}${extension}`);
  if (existsSync(output)) return output;
  mkdirSync(dir, { recursive: true });
  // Build beside the target and rename: a worker never loads a half-written file.
  const partial = `${output}.${process.pid}.partial`;
  const build = spawnSync(cc, [...flags, '-o', partial, sourcePath], { encoding: 'utf8' });
  if (build.status !== 0) {
    rmSync(partial, { force: true });
    throw new Error(`${cc} failed on ${source}:\n${build.stderr || build.error?.message}`);
  }
  renameSync(partial, output);
  return output;
}
