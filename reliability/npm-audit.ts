/** `npm audit` of the production dependencies at high severity: the count, or why it could not be asked. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

export function npmAuditFigures(): { ran: true; high: number; critical: number; total: number } | { ran: false; reason: string } {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  let report: { metadata?: { vulnerabilities?: Record<string, number> }; error?: { summary?: string; code?: string }; message?: string };
  try {
    report = JSON.parse(r.stdout || '{}') as typeof report;
  } catch {
    return { ran: false, reason: (r.stderr || r.stdout || 'no answer').trim().split('\n').slice(-1)[0]!.slice(0, 200) };
  }
  const v = report.metadata?.vulnerabilities;
  // this machine's registry mirror refuses the advisories endpoint (405): say so rather than count nothing as 0
  if (!v) return { ran: false, reason: (report.message ?? report.error?.summary ?? r.stderr ?? 'no report').trim().split('\n')[0]!.slice(0, 200) };
  return { ran: true, high: v.high ?? 0, critical: v.critical ?? 0, total: Object.values(v).reduce((n, x) => n + x, 0) };
}
