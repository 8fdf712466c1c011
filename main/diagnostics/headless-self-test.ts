/**
 * `--self-test` without a window: asks the service for the report, as the window's
 * "Check this computer" does, prints it, and writes it to the file named. The exit code
 * says what a script needs to know: 0 nothing to fix, 1 problems found (listed in the
 * report), 2 the self-test itself could not run or its report could not be written.
 */
import { writeFile } from 'node:fs/promises';
import type { Reply } from '../../app/ipc-contract';
import { selfTestDocument, selfTestProblems } from '../../app/self-test';
import type { SelfTestOptions } from '../launch-options';
import type { AnycastService } from '../service/anycast-service';

export const SELF_TEST_EXIT = { clean: 0, problems: 1, failed: 2 } as const;

export async function runHeadlessSelfTest(
  service: Pick<AnycastService, 'handle'>,
  options: SelfTestOptions,
  print: (text: string) => void,
): Promise<number> {
  // The service's reply to a method is that method's reply: it builds it from the contract.
  const reply = (await service.handle('runSelfTest', options.interface === undefined ? {} : { interface: options.interface })) as Reply<'runSelfTest'>;
  if (!reply.ok) {
    print(`The self-test did not run: ${reply.error.what}`);
    return SELF_TEST_EXIT.failed;
  }
  const document = selfTestDocument(reply.value);
  print(document);
  if (options.reportFile !== undefined) {
    try {
      await writeFile(options.reportFile, document, 'utf8');
      print(`The report is in ${options.reportFile}.`);
    } catch (fault) {
      print(`The report could not be written to ${options.reportFile}: ${fault instanceof Error ? fault.message : String(fault)}`);
      return SELF_TEST_EXIT.failed;
    }
  }
  return selfTestProblems(reply.value).length === 0 ? SELF_TEST_EXIT.clean : SELF_TEST_EXIT.problems;
}
