#!/usr/bin/env node
// The terminal command (cli/main.ts). Its TypeScript is bundled once per version of its sources (esbuild, into
// node_modules/.cache/rmqc) and the bundle imported: through tsx every call paid 1.4 s of transpiling before its
// first request. One source serves the repo (`npx rmqc`) and a global install (`npm install -g .`); where the cache
// cannot be written, tsx runs the source as it is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'cli');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );
}

async function bundled() {
  const hash = createHash('sha1');
  for (const file of sources(cli).sort()) hash.update(file).update(readFileSync(file));
  const out = path.join(root, 'node_modules', '.cache', 'rmqc', `rmqc-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (existsSync(out)) return out;
  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp.mjs`;
  mkdirSync(path.dirname(out), { recursive: true });
  // commander and node: stay imports; the console's types are erased, so nothing of lib/ is bundled
  await build({ entryPoints: [path.join(cli, 'main.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: tmp, logLevel: 'silent' });
  renameSync(tmp, out);
  return out;
}

let entry;
try {
  entry = pathToFileURL(await bundled()).href;
} catch {
  const { register } = await import('tsx/esm/api');
  register();
  entry = pathToFileURL(path.join(cli, 'main.ts')).href;
}
const { main } = await import(entry);
await main();
