// The npm registry this project's machines reach serves only the packages of their own platform, so `npm install`
// writes a package-lock.json without the other platforms' optional binaries (@next/swc-darwin-*, tailwind oxide...)
// and `npm ci` then refuses the lock as out of sync. This adds each missing optional dependency with its pinned
// version; npm ci skips an optional package it cannot fetch or cannot use. Run after changing dependencies:
//   npm install && node sandbox/scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve(import.meta.dirname, '../../package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const meta of Object.values(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (packages[key]) continue;
    packages[key] = { version, optional: true };
    added++;
  }
}
const sorted = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
lock.packages = sorted;
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform packages added`);
