#!/usr/bin/env node
// The terminal command (cli/main.ts). Its TypeScript is bundled once per version of its sources (esbuild, into
// node_modules/.cache/rmqc) and the bundle imported: through tsx every call paid 1.4 s of transpiling before its
// first request. Direct mode (--namesrv) runs the console's use cases, so its bundle is keyed by lib/ too; a call
// through a console reads only cli/ to find its bundle. One source serves the repo (`npx rmqc`) and a global
// install (`npm install -g .`); where the cache cannot be written, tsx runs the source as it is.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(root, 'cli');
const argv = process.argv.slice(2);
const direct = argv.includes('--namesrv') || (Boolean(process.env.RMQC_NAMESRV) && !argv.includes('--url'));

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path.join(dir, e.name)] : [],
  );
}

async function bundled() {
  const hash = createHash('sha1');
  const files = [...sources(cli), ...(direct ? sources(path.join(root, 'lib')) : [])].sort();
  for (const file of files) hash.update(file).update(readFileSync(file));
  const kind = direct ? 'rmqc-direct' : 'rmqc';
  const dir = path.join(root, 'node_modules', '.cache', 'rmqc');
  const out = path.join(dir, `${kind}-${hash.digest('hex').slice(0, 16)}.mjs`);
  if (existsSync(out)) return out;
  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp.mjs`;
  mkdirSync(dir, { recursive: true });
  // node_modules packages stay imports; of lib/ only what direct mode runs is bundled (the rest are erased types)
  await build({ entryPoints: [path.join(cli, 'main.ts')], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile: tmp, logLevel: 'silent' });
  renameSync(tmp, out);
  // the bundles of older sources of the same kind
  for (const old of readdirSync(dir)) if (old !== path.basename(out) && old.startsWith(`${kind}-`) && /^[0-9a-f]{16}\.mjs$/.test(old.slice(kind.length + 1))) rmSync(path.join(dir, old), { force: true });
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
