/** A change running on one target: since when, and its audit entry once written. */
export interface HeldLock {
  since: number;
  auditId?: number;
}

/**
 * One change at a time per target (a group, say) within a cluster, in this process: a second one is refused with
 * the running one's details. One table per cluster, so the same group name on two clusters never collides.
 */
export class LockTable {
  private readonly held = new Map<string, HeldLock>();

  /** Takes the lock, or returns the one already held. */
  tryLock(target: string): HeldLock | undefined {
    const current = this.held.get(target);
    if (current) return current;
    this.held.set(target, { since: Date.now() });
    return undefined;
  }

  noteAudit(target: string, auditId: number): void {
    const current = this.held.get(target);
    if (current) current.auditId = auditId;
  }

  unlock(target: string): void {
    this.held.delete(target);
  }

  /** Audit ids of changes running now (an entry without outcome that is not running was interrupted). */
  runningAuditIds(): Set<number> {
    return new Set([...this.held.values()].flatMap((l) => (l.auditId === undefined ? [] : [l.auditId])));
  }
}
