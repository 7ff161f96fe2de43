import { setTimeout as sleep } from 'node:timers/promises';
import { isRemotingError } from '../../remoting';
import { getConsumeStats } from '../../rocketmq/get-consume-stats';
import { compareMessageQueues } from '../../rocketmq/message-queue';
import { invokeBrokerToResetOffset } from '../../rocketmq/invoke-broker-to-reset-offset';
import { updateConsumerOffset } from '../../rocketmq/update-consumer-offset';
import type { AdminClient, BrokerNode } from '../core/admin';
import { BadInputError, ConflictError, NotFoundError, describeFailure } from '../core/errors';
import { masters as mastersOf } from '../core/routes';
import { beginChangeAudit, withChangeLock, type HeldChangeLock } from '../changes/guard';
import type { ChangeContext } from '../context';
import { previewReset } from './preview';
import type { AppliedQueue, PreviewQueue, ResetPreview, ResetResult, ResetStatus } from './types';

/**
 * Applies a stored preview: checks the confirmation, takes the group's lock in the store (the one every change of
 * the group takes, in every console process on the store), re-reads the offsets (if they moved,
 * answers 409 with the difference and a fresh preview), writes the audit entry, then changes the offsets broker by
 * broker and records the outcome per queue. Only queues whose target differs from their offset are touched.
 */
export async function applyReset(ctx: ChangeContext, input: { group: string; previewId: string; confirm: unknown }): Promise<ResetResult> {
  const { group, previewId, confirm } = input;
  const preview = ctx.previews.reset.get(previewId);
  if (!preview || preview.group !== group) throw new NotFoundError('this preview expired or does not belong to this group: preview again', 'previewId');
  if (preview.requiresTypedConfirmation ? confirm !== group : confirm !== true && confirm !== group) {
    throw new BadInputError(preview.requiresTypedConfirmation ? `type the group name (${group}) to confirm` : 'confirm the reset', 'confirm');
  }
  if (preview.blockers.length > 0) throw new ConflictError(preview.blockers.join('; '), 'previewId', 'blocked');
  return withChangeLock(ctx, { kind: 'group', name: group }, async (lock) => {
    const { moved, silent } = await movedSincePreview(ctx.admin, preview);
    if (moved.length > 0) {
      ctx.previews.reset.drop(previewId);
      const fresh = await previewReset(ctx, preview.request, { undoOf: preview.undoOf, clampOffsets: preview.undoOf !== undefined });
      throw new ConflictError(
        `the group's offsets moved on ${moved.length} queue${moved.length === 1 ? '' : 's'} since the preview: check the new preview and confirm again`,
        'previewId',
        'offsets_moved',
        { moved, preview: fresh },
      );
    }
    return execute(ctx, preview, lock, silent);
  });
}

type Moved = Array<{ topic: string; brokerName: string; queueId: number; previewed: number; now: number }>;

/**
 * The queues whose offset is not what the preview saw, and the brokers that did not answer the check (down or
 * frozen): their queues are not sent, since their state is unknown and a request to them could only time out.
 */
async function movedSincePreview(admin: AdminClient, preview: ResetPreview): Promise<{ moved: Moved; silent: Map<string, string> }> {
  const masters = new Map(mastersOf(await admin.brokerNodes()).map((n) => [n.brokerName, n]));
  const moved: Moved = [];
  const silent = new Map<string, string>();
  const pairs = [...new Set(preview.queues.filter((q) => q.delta !== 0).map((q) => `${q.topic}\u0001${q.brokerName}`))];
  await Promise.all(
    pairs.map(async (pair) => {
      const [topic, brokerName] = pair.split('\u0001') as [string, string];
      const node = masters.get(brokerName);
      if (!node) return;
      let stats;
      try {
        stats = await getConsumeStats(admin, node.addr, preview.group, topic, admin.config.requestTimeoutMs);
      } catch (error) {
        // a broker that does not answer now fails its queues in the reset, unsent, and the audit says so
        if (isRemotingError(error) && error.kind !== 'response') silent.set(brokerName, describeFailure(error, brokerName));
        return;
      }
      const now = new Map(stats.queues.map((q) => [q.queueId, q.consumerOffset]));
      for (const q of preview.queues) {
        if (q.topic !== topic || q.brokerName !== brokerName || q.delta === 0) continue;
        const current = now.get(q.queueId) ?? 0;
        if (current !== q.currentOffset) moved.push({ topic, brokerName, queueId: q.queueId, previewed: q.currentOffset, now: current });
      }
    }),
  );
  return { moved, silent };
}

async function execute(ctx: ChangeContext, preview: ResetPreview, lock: HeldChangeLock, silent: Map<string, string>): Promise<ResetResult> {
  const { admin } = ctx;
  const changed = preview.queues.filter((q) => q.delta !== 0);
  const { auditId, started } = await beginChangeAudit(ctx, lock, {
    action: preview.undoOf === undefined ? 'reset-offset' : 'undo-reset-offset',
    group: preview.group,
    topic: preview.topics.length === 1 ? preview.topics[0]! : null,
    target: { kind: 'group', name: preview.group },
    params: { ...preview.request, previewId: preview.previewId, methods: preview.methods },
    plan: { queues: changed.map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, before: q.currentOffset, target: q.targetOffset, brokerOffset: q.brokerOffset })), totals: preview.totals },
    undoOf: preview.undoOf ?? null,
  });
  const { pauseAfterAuditMs, pauseBetweenBrokersMs } = ctx.testHooks;
  if (pauseAfterAuditMs) await sleep(pauseAfterAuditMs);

  const masters = new Map(mastersOf(await admin.brokerNodes()).map((n) => [n.brokerName, n]));
  const byBroker = new Map<string, PreviewQueue[]>();
  for (const q of changed) byBroker.set(q.brokerName, [...(byBroker.get(q.brokerName) ?? []), q]);
  const results: AppliedQueue[] = [];
  const store = await ctx.store();
  let part = 0;
  const onBroker = async ([brokerName, queues]: [string, PreviewQueue[]]) => {
    const node = masters.get(brokerName);
    const unanswered = silent.get(brokerName);
    const mine = !node
      ? queues.map((q) => failed(q, `${brokerName} has no master registered with the namesrv`))
      : unanswered
        ? queues.map((q) => failed(q, `${unanswered} when the offsets were checked before the reset: not sent, nothing changed there`))
        : await applyOnBroker(admin, node, preview, queues);
    results.push(...mine);
    // known before the next broker's answer: if this process dies now, the entry still says these queues' outcome
    await store.audit.progress(auditId, (part += 1), { at: Date.now(), result: { queues: mine } });
  };
  if (pauseBetweenBrokersMs) {
    for (const [i, entry] of [...byBroker].entries()) {
      if (i > 0) await sleep(pauseBetweenBrokersMs);
      await onBroker(entry);
    }
  } else {
    await Promise.all([...byBroker].map(onBroker));
  }
  results.sort(compareMessageQueues);
  const ok = results.filter((r) => r.outcome === 'reset').length;
  const unknown = results.filter((r) => r.outcome === 'unknown').length;
  const status: ResetStatus = ok === results.length ? 'completed' : ok === 0 && unknown === 0 ? 'failed' : 'partial';
  const durationMs = Date.now() - started;
  const errors = [...new Set(results.filter((r) => !r.ok).map((r) => r.error))];
  await store.audit.finish(auditId, { at: Date.now(), status, result: { queues: results }, durationMs, error: errors.length ? errors.join('; ') : null });
  ctx.previews.reset.drop(preview.previewId);
  return { auditId, group: preview.group, status, queues: results, durationMs, undoOf: preview.undoOf };
}

async function applyOnBroker(admin: AdminClient, node: BrokerNode, preview: ResetPreview, queues: PreviewQueue[]): Promise<AppliedQueue[]> {
  const method = preview.methods[node.brokerName];
  const timeout = admin.config.requestTimeoutMs;
  if (method === 'server-side') {
    // one call per queue with the exact target: the broker sets it for online and offline groups alike
    return Promise.all(
      queues.map(async (q) => {
        try {
          const r = await invokeBrokerToResetOffset(admin, node.addr, { topic: q.topic, group: preview.group, timestamp: 0, isForce: true, queueId: q.queueId, offset: q.targetOffset }, timeout * 3);
          const applied = r.kind === 'reset' ? r.offsets.find((o) => o.queueId === q.queueId)?.offset : undefined;
          const ok = r.kind === 'reset' && applied === q.targetOffset;
          return { ...base(q), applied, ok, outcome: ok ? 'reset' : 'failed', error: r.kind === 'reset' ? (ok ? undefined : `broker set ${applied}`) : 'broker says the group is not online' };
        } catch (error) {
          return failure(q, error, node);
        }
      }),
    );
  }
  if (method === 'client-push') {
    // 4.x: the broker computes offsets from a time and pushes them to the online clients, one call per topic
    const timestamp = preview.mode === 'latest' ? -1 : preview.mode === 'earliest' ? 0 : preview.timestamp!;
    const out: AppliedQueue[] = [];
    for (const topic of new Set(queues.map((q) => q.topic))) {
      const mine = queues.filter((q) => q.topic === topic);
      try {
        const r = await invokeBrokerToResetOffset(admin, node.addr, { topic, group: preview.group, timestamp, isForce: true }, timeout * 3);
        if (r.kind === 'not-online') {
          // the clients left since the preview: commit the previewed offsets instead (the group is offline now)
          out.push(...(await commit(admin, node, preview.group, mine)));
          continue;
        }
        for (const q of mine) {
          const applied = r.offsets.find((o) => o.queueId === q.queueId)?.offset;
          out.push({ ...base(q), applied, ok: applied !== undefined, outcome: applied !== undefined ? 'reset' : 'failed', error: applied === undefined ? 'the broker did not reset this queue' : undefined });
        }
      } catch (error) {
        out.push(...mine.map((q) => failure(q, error, node)));
      }
    }
    return out;
  }
  return commit(admin, node, preview.group, queues);
}

/** Offline group on a 4.x broker: commit each target (mqadmin's fallback); a live client would overwrite it. */
async function commit(admin: AdminClient, node: BrokerNode, group: string, queues: PreviewQueue[]): Promise<AppliedQueue[]> {
  return Promise.all(
    queues.map(async (q) => {
      try {
        const r = await updateConsumerOffset(admin, node.addr, { consumerGroup: group, topic: q.topic, queueId: q.queueId, commitOffset: q.targetOffset }, admin.config.requestTimeoutMs);
        return { ...base(q), applied: r.applied ? q.targetOffset : undefined, ok: r.applied, outcome: r.applied ? 'reset' : 'failed', error: r.applied ? undefined : r.remark };
      } catch (error) {
        return failure(q, error, node);
      }
    }),
  );
}

function base(q: PreviewQueue): Omit<AppliedQueue, 'ok' | 'outcome'> {
  return { topic: q.topic, brokerName: q.brokerName, queueId: q.queueId, before: q.currentOffset, target: q.targetOffset };
}

function failed(q: PreviewQueue, error: string): AppliedQueue {
  return { ...base(q), ok: false, outcome: 'failed', error };
}

/** A timeout or a connection lost after sending leaves the outcome unknown: the broker may still apply it. */
function failure(q: PreviewQueue, error: unknown, node: BrokerNode): AppliedQueue {
  const message = isRemotingError(error) ? describeFailure(error, node.brokerName) : String(error);
  const unknown = isRemotingError(error) && (error.kind === 'timeout' || error.kind === 'closed');
  return { ...base(q), ok: false, outcome: unknown ? 'unknown' : 'failed', error: unknown ? `${message}; the broker may still apply it` : message };
}
