/**
 * Property tests keep their random seeds (that is how fuzzing finds new things); a failure
 * names its seed and path, and FC_SEED / FC_PATH replay exactly that run.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
const path = process.env.FC_PATH;

fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(seed === undefined ? {} : { seed: Number(seed) }),
  ...(path === undefined ? {} : { path }),
  reporter(out) {
    if (!out.failed) return;
    const replay = `Replay: FC_SEED=${out.seed}${out.counterexamplePath ? ` FC_PATH=${out.counterexamplePath}` : ''} npx vitest run <file> -t '<test name>'`;
    throw new Error(`${fc.defaultReportMessage(out)}\n\n${replay}`, { cause: out.errorInstance });
  },
});
