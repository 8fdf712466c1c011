/**
 * Run by footprint.ts in a fresh Node process (with --expose-gc): the main process's
 * memory before the binding is loaded, and after it has listed 10,000 anycast rows from
 * the C library, with the rows still held as the service would hold a reply. Prints JSON.
 */
const [libraryPath, interfaces, rows] = process.argv.slice(2);

/** Collects first where the process allows it, so the figures are live memory, not garbage awaiting collection. */
function usage(): NodeJS.MemoryUsage {
  globalThis.gc?.();
  return process.memoryUsage();
}

async function main(): Promise<void> {
  if (!libraryPath) throw new Error('usage: footprint-child <library> <interfaces> <rows>');
  const before = usage();
  // Imported only now, so `before` is a Node process without koffi or the binding.
  const { loadBenchLibrary } = await import('./bench-library');
  const { backendOverFake } = await import('../ffi/fake-iphlpapi');
  loadBenchLibrary(libraryPath).seed(Number(interfaces), Number(rows));
  const backend = backendOverFake(libraryPath);
  const entries = await backend.listAnycast();
  if (!entries.ok) throw new Error(`listAnycast failed with ${entries.code}`);
  const after = usage();
  process.stdout.write(`${JSON.stringify({ before, after, listed: entries.value.length })}\n`);
  backend.close();
}

main().catch((fault: unknown) => {
  console.error(fault);
  process.exit(1);
});
