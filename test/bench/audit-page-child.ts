/**
 * Run by audit-paging.ts in a fresh Node process: reads pages of the audit viewer through
 * the service over the log in argv[2], and prints the times and the process's peak memory
 * as JSON, so nothing else the benchmark did is counted in the memory.
 */
const [dataDir, samples, pageSize] = process.argv.slice(2);

async function readPages(): Promise<void> {
  if (!dataDir) throw new Error('usage: audit-page-child <data folder> <samples> <page size>');
  const freshPeakBytes = process.resourceUsage().maxRSS * 1024;
  const { AnycastService } = await import('../../main/service/anycast-service');
  const { SimulatedBackend } = await import('../../main/backends/simulated/simulated-backend');
  const { appFilesIn } = await import('../../main/service/app-files');
  const { midpointCursor } = await import('./audit-history');
  const files = appFilesIn(dataDir);
  const service = new AnycastService(new SimulatedBackend({ seedEntries: false }), {
    simulatedReason: 'not-windows',
    identity: { machine: 'BENCH-PC', user: 'bench' },
    files,
  });
  const limit = Number(pageSize);
  const read = async (request: object): Promise<{ ms: number; records: number }> => {
    const start = performance.now();
    const reply = await service.handle('readAuditLog', request);
    const ms = performance.now() - start;
    if (!reply.ok) throw new Error(`readAuditLog failed: ${reply.error.what}`);
    return { ms, records: (reply.value as { records: unknown[] }).records.length };
  };
  const first = await read({ limit });
  const newest: number[] = [];
  const middle: number[] = [];
  const before = await midpointCursor(files.audit.path);
  for (let s = 0; s < Number(samples); s++) {
    newest.push((await read({ limit })).ms);
    middle.push((await read({ limit, before })).ms);
  }
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(`${JSON.stringify({ first, newest, middle, freshPeakBytes, peakBytes, heapUsed: process.memoryUsage().heapUsed })}\n`);
}

readPages().catch((fault: unknown) => {
  console.error(fault);
  process.exit(1);
});
