// A worker thread's bootstrap under vitest (see thread.ts): tsx first, then the TypeScript entry named in argv.
import { argv } from 'node:process';
import { register } from 'tsx/esm/api';

register();
await import(argv[2]);
