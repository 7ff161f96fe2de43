/** One reset at a time per group, in this process: a second one gets a 409 naming the running one. */
const holder = globalThis as typeof globalThis & { __resetLocks?: Map<string, { since: number; auditId?: number }> };
const locks = (holder.__resetLocks ??= new Map());

export function tryLock(group: string): { since: number; auditId?: number } | undefined {
  const held = locks.get(group);
  if (held) return held;
  locks.set(group, { since: Date.now() });
  return undefined;
}

export function noteAudit(group: string, auditId: number): void {
  const held = locks.get(group);
  if (held) held.auditId = auditId;
}

export function unlock(group: string): void {
  locks.delete(group);
}

/** Audit ids of resets running now (an entry without outcome that is not running was interrupted). */
export function runningAuditIds(): Set<number> {
  return new Set([...locks.values()].flatMap((l) => (l.auditId === undefined ? [] : [l.auditId])));
}
