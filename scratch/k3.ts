import { prototypeChecks } from '../test/ffi/binding-prototypes';
import { writeFileSync } from 'node:fs';
writeFileSync('scratch/protos.c', prototypeChecks());
