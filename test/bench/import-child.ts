/**
 * Run by large-import.ts in a fresh Node process: reads one benchmark input with the app's
 * import code (previewImport, against the simulated computer) and prints the time it took
 * and how far it raised the process's peak memory (maxRSS), as JSON.
 */
import { resourceUsage } from 'node:process';
import { previewImport } from '../../app/bulk-import';
import { SimulatedBackend } from '../../main/backends/simulated/simulated-backend';
import { IMPORT_INPUTS, type ImportInputName } from './import-inputs';

async function main(): Promise<void> {
  const input = IMPORT_INPUTS[process.argv[2] as ImportInputName];
  if (!input) throw new Error(`usage: import-child <${Object.keys(IMPORT_INPUTS).join('|')}>`);
  const backend = new SimulatedBackend();
  const interfaces = await backend.listInterfaces();
  if (!interfaces.ok) throw new Error('the simulated computer listed no interfaces');
  // A flat copy, as a file read gives it: the input itself is not counted against the import.
  const text = Buffer.from(input.text()).toString('utf8');
  const peakBefore = resourceUsage().maxRSS * 1024;
  const start = performance.now();
  const preview = previewImport(text, { interfaces: interfaces.value, entries: [] });
  const ms = performance.now() - start;
  const peakAfter = resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakGrowthBytes: peakAfter - peakBefore, inputChars: text.length, problem: preview.problem, rows: preview.rows.length })}\n`);
  backend.close();
}

main().catch((fault: unknown) => {
  console.error(fault);
  process.exit(1);
});
