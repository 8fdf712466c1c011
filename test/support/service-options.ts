/** Service options for tests: a fresh data folder per service, so audit trails and saved sets never mix. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appFilesIn } from '../../main/service/app-files';
import type { ServiceOptions } from '../../main/service/anycast-service';

export const TEST_IDENTITY = { machine: 'TEST-PC', user: 'technician' };

export function testServiceOptions(overrides: Partial<ServiceOptions> = {}): ServiceOptions & { dataDir: string } {
  const dataDir = mkdtempSync(join(tmpdir(), 'anycast-service-'));
  return { simulatedReason: 'not-windows', identity: TEST_IDENTITY, files: appFilesIn(dataDir), dataDir, ...overrides };
}
