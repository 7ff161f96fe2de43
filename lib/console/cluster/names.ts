import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterContext } from '../context';
import type { BrokerFailure } from '../core/fanout';
import type { LagSnapshot } from '../lag/types';
import { topicCatalog, type TopicType } from '../topics/catalog';

/**
 * Every name an operator may jump to in one cluster, for the command palette: topics (from the cached topic catalog),
 * consumer groups (from the lag snapshot) and broker processes (from the cached cluster layout). No broker is called
 * per name: the topic list reads each visible row live and pages at 500, the group list pages at 500, and a cluster
 * of 50,000 groups would take a hundred of those.
 */
export interface ClusterNames {
  topics: Array<{ topic: string; type: TopicType }>;
  groups: Array<{ group: string; system: boolean }>;
  brokers: Array<{ clusterName: string; brokerName: string; brokerId: number; addr: string }>;
  /** The first lag snapshot is still being built: the groups are not known yet (not none). */
  groupsPending: boolean;
  failures: BrokerFailure[];
  asOf: number;
}

/** How long the first request waits for a first snapshot before answering without groups (as the group list does). */
const FIRST_SNAPSHOT_WAIT_MS = 2_000;

/** Each snapshot's names, listed once: every palette opened on a cluster of 50,000 groups shares them. */
const groupNames = new WeakMap<LagSnapshot, ClusterNames['groups']>();

function namesOf(snapshot: LagSnapshot): ClusterNames['groups'] {
  let names = groupNames.get(snapshot);
  if (!names) groupNames.set(snapshot, (names = snapshot.groups.map((g) => ({ group: g.group, system: g.system }))));
  return names;
}

async function snapshotSoon(ctx: ClusterContext): Promise<LagSnapshot | undefined> {
  const current = ctx.lag.peek();
  if (current) return current;
  const first = ctx.lag.latest();
  // settled by a later request or the schedule; this one no longer waits for it
  first.catch(() => undefined);
  return Promise.race([first, sleep(FIRST_SNAPSHOT_WAIT_MS, undefined, { ref: false })]);
}

export async function listClusterNames(ctx: ClusterContext): Promise<ClusterNames> {
  const [catalog, snapshot, nodes] = await Promise.all([topicCatalog(ctx.admin, undefined, { stale: true }), snapshotSoon(ctx), ctx.admin.brokerNodes()]);
  return {
    topics: catalog.items.map((t) => ({ topic: t.topic, type: t.type })),
    groups: snapshot ? namesOf(snapshot) : [],
    brokers: nodes.map(({ clusterName, brokerName, brokerId, addr }) => ({ clusterName, brokerName, brokerId, addr })),
    groupsPending: !snapshot,
    failures: [...catalog.failures, ...(snapshot?.failures ?? [])],
    asOf: Math.min(catalog.asOf, snapshot?.asOf ?? catalog.asOf),
  };
}
