#!/usr/bin/env node
// The terminal command (cli/main.ts), run from its TypeScript source through tsx: one source for the repo
// (`npx rmqc`, `npm exec rmqc`) and a global install (`npm install -g .`), no separate build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
await main();
