/**
 * Why the Windows backend could not start, in terms a start-up dialog can explain:
 * the FFI module itself would not load, a system DLL would not load, or a DLL lacks a
 * function the app cannot do without.
 */
export type BackendLoadFailure = 'ffi' | 'library' | 'export';

export class BackendLoadError extends Error {
  constructor(
    readonly failure: BackendLoadFailure,
    /** The module, the DLL's path, or "<DLL path>!<function>". */
    readonly subject: string,
    cause: unknown,
  ) {
    super(`${describe(failure)} ${subject}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'BackendLoadError';
  }
}

function describe(failure: BackendLoadFailure): string {
  if (failure === 'ffi') return 'Cannot load the FFI module';
  if (failure === 'library') return 'Cannot load the system library';
  return 'Missing export';
}
