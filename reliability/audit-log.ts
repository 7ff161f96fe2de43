/**
 * The audit log cannot be changed or deleted through the console: no route but reads and undo (which writes a new
 * entry), and no statement in the product's code that updates or deletes a row of an audit table.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const AUDIT_WRITE = /(updateTable|deleteFrom)\(\s*['"]audit_|\b(UPDATE|DELETE\s+FROM)\s+audit_/i;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sources(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Files of the product (lib/, app/) with a statement that would update or delete audit rows (goal: none). */
export function auditWriters(): { files: number; writers: string[] } {
  const files = [...sources(path.join(root, 'lib')), ...sources(path.join(root, 'app'))];
  const writers = files.filter((f) => AUDIT_WRITE.test(readFileSync(f, 'utf8'))).map((f) => path.relative(root, f));
  return { files: files.length, writers };
}
