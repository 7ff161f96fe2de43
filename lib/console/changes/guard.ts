import { randomUUID } from 'node:crypto';
import { ConflictError } from '../core/errors';
import type { ChangeContext } from '../context';
import type { AuditStore } from '../store/audit';
import type { ChangeTarget } from './types';

/**
 * A lock outlives a process that died holding it by this much at most (its audit entry shows as running until then,
 * interrupted after); the holder renews it every third of it while the change runs.
 */
export const CHANGE_LOCK_TTL_MS = 20_000;

/** The lock a running change holds: it records the change's audit entry so a refused second change can name it. */
export interface HeldChangeLock {
  noteAudit(auditId: number): Promise<void>;
}

/**
 * Runs `work` holding the target's lock in the store, so that one change at a time runs on a target across every
 * console process sharing the store (one PostgreSQL). A second change is refused with 409 `code` naming who runs
 * the first, since when, and its audit entry. Every change the console makes (resets and resends included) takes
 * its lock here.
 */
export async function withChangeLock<T>(ctx: ChangeContext, target: ChangeTarget, work: (lock: HeldChangeLock) => Promise<T>, refusal: { field: string; code: string } = { field: 'previewId', code: 'change_running' }): Promise<T> {
  const store = await ctx.store();
  const key = { cluster: ctx.name, target: `${target.kind}:${target.name}` };
  const holder = `${randomUUID()} ${ctx.actor.user}`;
  const taken = await store.locks.acquire(key, holder, Date.now(), CHANGE_LOCK_TTL_MS);
  if (!taken.acquired) {
    const { held } = taken;
    const by = held.holder.split(' ').slice(1).join(' ') || 'someone';
    throw new ConflictError(
      `another change of ${target.kind} ${target.name} is running (by ${by}${held.auditId ? `, audit #${held.auditId}` : ''}, since ${new Date(held.since).toISOString()})`,
      refusal.field,
      refusal.code,
    );
  }
  const renewal = setInterval(() => void store.locks.renew(key, holder, Date.now() + CHANGE_LOCK_TTL_MS).catch(() => undefined), CHANGE_LOCK_TTL_MS / 3);
  renewal.unref();
  try {
    return await work({ noteAudit: (auditId) => store.locks.noteAudit(key, holder, auditId) });
  } finally {
    clearInterval(renewal);
    await store.locks.release(key, holder);
  }
}

type AuditBegin = Parameters<AuditStore['begin']>[0];

/**
 * Writes the change's audit entry, naming who makes it (the signed-in user and the channel) and its target, before
 * the first call to a broker; notes it on the held lock.
 */
export async function beginChangeAudit(ctx: ChangeContext, lock: HeldChangeLock, entry: Omit<AuditBegin, 'actor' | 'channel' | 'cluster' | 'at'> & { target: ChangeTarget }): Promise<{ auditId: number; started: number }> {
  const store = await ctx.store();
  const started = Date.now();
  const auditId = await store.audit.begin({ ...entry, at: started, actor: ctx.actor.user, channel: ctx.actor.channel, cluster: ctx.name });
  await lock.noteAudit(auditId);
  return { auditId, started };
}
