/**
 * The security-relevant packaging settings, checked as a list of problems so a
 * test can show that dropping or flipping any one of them is caught. The JSON
 * schema alone accepts every such edit: runAsNode: true is a valid config.
 */
export const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  onlyLoadAppFromAsar: true,
  enableEmbeddedAsarIntegrityValidation: true,
} as const;

export const KOFFI_NATIVE_UNPACK = 'node_modules/@koromix/koffi-win32-x64/win32_x64/koffi.node';

type Fields = Record<string, unknown>;

const record = (value: unknown): Fields => (typeof value === 'object' && value !== null ? (value as Fields) : {});

const targetList = (targets: unknown): unknown[] => (Array.isArray(targets) ? targets : [targets]);

/** A target entry may be a name or { target, arch }; a bare name takes its arch from `--x64`. */
function buildsX64(targets: unknown, name: string): boolean {
  return targetList(targets).some((entry) => {
    if (entry === name) return true;
    const { target, arch } = record(entry);
    return target === name && (arch === undefined || (Array.isArray(arch) ? arch.includes('x64') : arch === 'x64'));
  });
}

export function packagingProblems(config: unknown): string[] {
  const root = record(config);
  const win = record(root.win);
  const fuses = record(root.electronFuses);
  const checks: [boolean, string][] = [
    [root.appId === 'com.anycastmanager.desktop', 'appId must be com.anycastmanager.desktop'],
    [root.productName === 'Anycast Manager', 'productName must be Anycast Manager'],
    [buildsX64(win.target, 'nsis'), 'win.target must build an x64 NSIS installer'],
    [
      !targetList(win.target).some((entry) => entry === 'portable' || record(entry).target === 'portable'),
      'win.target must not build a portable exe (it unpacks to %TEMP% and runs elevated from a folder the user can write)',
    ],
    [win.icon === 'assets/icon.png', 'win.icon must be assets/icon.png'],
    [win.requestedExecutionLevel === 'requireAdministrator', 'win.requestedExecutionLevel must be requireAdministrator'],
    [win.signAndEditExecutable !== false, 'win.signAndEditExecutable must stay on (it embeds the manifest and asar integrity)'],
    [record(root.nsis).perMachine === true, 'nsis.perMachine must be true (admin-only install folder)'],
    [root.asar !== false, 'asar must stay on'],
    [root.disableAsarIntegrity !== true, 'disableAsarIntegrity must not be set'],
    [
      Array.isArray(root.asarUnpack) && root.asarUnpack.length === 1 && root.asarUnpack[0] === KOFFI_NATIVE_UNPACK,
      `asarUnpack must be ${KOFFI_NATIVE_UNPACK} alone (unpacked files escape the integrity check)`,
    ],
    [record(root.asar).smartUnpack === false, 'asar.smartUnpack must be false (it would unpack JavaScript beside native files)'],
  ];
  for (const [fuse, value] of Object.entries(REQUIRED_FUSES)) {
    checks.push([fuses[fuse] === value, `electronFuses.${fuse} must be ${value}`]);
  }
  return checks.filter(([ok]) => !ok).map(([, problem]) => problem);
}
