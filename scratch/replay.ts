import fc from 'fast-check';
import { malformedKey } from '/work/wt-9/test/security/malformed';
import { contract } from '/work/wt-9/app/ipc-contract';
const schema = contract.deleteAnycast.request;
const r = fc.check(fc.property(malformedKey, (p) => !schema.safeParse(p).success), { seed: 155815750, numRuns: 10000 });
console.log(r.failed, r.numRuns, JSON.stringify(r.counterexample), r.counterexamplePath);
// count acceptance over many samples
let acc = 0; const N = 200000; const samples = fc.sample(malformedKey, { numRuns: N, seed: 1 });
const seen: unknown[] = [];
for (const s of samples) if (schema.safeParse(s).success) { acc++; if (seen.length < 10) seen.push(s); }
console.log('accepted', acc, 'of', N, JSON.stringify(seen, (k, v) => typeof v === 'bigint' ? String(v) : v));
