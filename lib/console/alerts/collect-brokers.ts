/**
 * Observations of the broker kinds, read at an evaluation when a rule asks for them: one GET_BROKER_RUNTIME_INFO per
 * registered broker process (an answer: up, with its commit-log disk ratio; no answer within the fan-out deadline:
 * down), the masters and slaves the console saw registered and no longer are (down, for the 30 minutes it keeps
 * them), and for slave-behind the HA figures of the HA page (the master's HA status on 5.x, the commit-log offsets
 * on 4.x). A namesrv that does not answer leaves every broker the engine knew unknown, not healthy.
 */
import { getBrokerRuntimeInfo } from '../../rocketmq/get-broker-runtime-info';
import { describeFailure } from '../core/errors';
import { fanOut } from '../core/fanout';
import type { ClusterContext } from '../context';
import { getHaOverview } from '../ha/overview';
import { getOrAdd } from './evaluate';
import type { BrokerKind, Observation } from './rules';

const subjectOf = (n: { brokerName: string; brokerId: number }) => `${n.brokerName}/${n.brokerId}`;

/** Broker subjects seen, with the kinds observed for each: what a namesrv outage leaves unknown. */
export type KnownBrokerSubjects = Map<string, Set<BrokerKind>>;

export async function brokerObservations(ctx: ClusterContext, kinds: ReadonlySet<BrokerKind>, known: KnownBrokerSubjects): Promise<Observation[]> {
  const cluster = ctx.name;
  const out: Observation[] = [];
  const push = (o: Observation & { kind: BrokerKind }) => {
    out.push(o);
    getOrAdd(known, o.subject, () => new Set<BrokerKind>()).add(o.kind);
  };
  let nodes;
  try {
    nodes = await ctx.admin.brokerNodes(0);
  } catch (error) {
    const reason = `the namesrv did not answer: ${describeFailure(error, 'namesrv')}`;
    for (const [subject, seen] of known) for (const kind of seen) if (kinds.has(kind)) out.push({ kind, cluster, subject, unknown: reason });
    return out;
  }
  if (kinds.has('broker-down') || kinds.has('disk-ratio')) {
    const { results, failures } = await fanOut(nodes, (n) => getBrokerRuntimeInfo(ctx.admin, n.addr, ctx.admin.config.requestTimeoutMs), ctx.admin.config.fanOutDeadlineMs);
    for (const { target, value } of results) {
      const subject = subjectOf(target);
      if (kinds.has('broker-down')) push({ kind: 'broker-down', cluster, subject, value: 0 });
      const ratio = Number(value.commitLogDiskRatio);
      if (kinds.has('disk-ratio')) push({ kind: 'disk-ratio', cluster, subject, ...(value.commitLogDiskRatio !== undefined && Number.isFinite(ratio) ? { value: ratio * 100 } : { unknown: 'the broker reports no commitLogDiskRatio' }) });
    }
    for (const { target, failure } of failures) {
      const subject = subjectOf(target);
      if (kinds.has('broker-down')) push({ kind: 'broker-down', cluster, subject, value: 1 });
      if (kinds.has('disk-ratio')) push({ kind: 'disk-ratio', cluster, subject, unknown: failure.error });
    }
    // the cluster info brokerNodes(0) just read: no second namesrv call
    for (const { node } of await ctx.admin.missingBrokers()) {
      const subject = subjectOf(node);
      if (kinds.has('broker-down')) push({ kind: 'broker-down', cluster, subject, value: 1 });
      if (kinds.has('disk-ratio')) push({ kind: 'disk-ratio', cluster, subject, unknown: `${node.brokerName} (${node.addr}) is no longer registered with the namesrv` });
    }
  }
  if (kinds.has('slave-behind')) {
    const ha = await getHaOverview(ctx).catch((error: unknown) => describeFailure(error, 'the HA overview'));
    if (typeof ha === 'string') {
      for (const [subject, seen] of known) if (seen.has('slave-behind')) out.push({ kind: 'slave-behind', cluster, subject, unknown: ha });
      return out;
    }
    for (const g of ha.groups) {
      for (const r of g.replicas) {
        if (r.role !== 'slave') continue;
        const subject = subjectOf({ brokerName: g.brokerName, brokerId: r.brokerId });
          const why = r.error ?? (g.masterDown ? `the master of ${g.brokerName} is down` : 'the master did not give its commit-log offset');
        push({ kind: 'slave-behind', cluster, subject, ...(r.behindBytes !== undefined ? { value: r.behindBytes } : { unknown: why }) });
      }
    }
  }
  return out;
}
