/**
 * What the diagnosis and alerting keep in memory between snapshots, at 10,000 groups (issue 14): the stall of each
 * lagging queue of online groups (orderly-stuck), each group's %RETRY% total (failure-rate), and the rebalance
 * sampler's last assignment per sampled group (clients and the holder of every queue). Each is built at its worst
 * (every group online, lagging and sampled; 24 queues and 2 clients a group) and its heap measured after a full GC.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { RetryTotals } from '../lib/console/alerts/collect';
import type { QueueStall } from '../lib/console/lag/snapshot';
import { stallKey } from '../lib/console/lag/snapshot';
import type { Assignment } from '../lib/console/rebalance/diff';

const GROUPS = 10_000;
const QUEUES = 24;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapOf<T>(make: () => T): { value: T; mib: number } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  gc();
  return { value, mib: Math.round(((process.memoryUsage().heapUsed - before) / 1024 / 1024) * 10) / 10 };
}

export interface DiagnosisMemoryBench {
  groups: number;
  queuesPerGroup: number;
  stallsMiB: number;
  retryTotalsMiB: number;
  rebalanceAssignmentsMiB: number;
  totalMiB: number;
}

export function diagnosisMemoryBench(): DiagnosisMemoryBench {
  const queue = (g: number, i: number) => ({ topic: `Topic_${g % 2000}`, brokerName: `broker-${'ab'[i % 2]}`, queueId: Math.floor(i / 2) });
  const stalls = heapOf(() => {
    const m = new Map<string, QueueStall>();
    for (let g = 0; g < GROUPS; g++) for (let i = 0; i < QUEUES; i++) m.set(stallKey(`group_${g}`, queue(g, i)), { consumerOffset: 1_000_000 + i, since: Date.now(), lagAtSince: 10 + i });
    return m;
  });
  const retry = heapOf(() => {
    const totals = new RetryTotals();
    for (let g = 0; g < GROUPS; g++) totals.rate(`group_${g}`, 1, { sum: g * 7, queues: 2 });
    return totals;
  });
  // as the sampler keeps them: the JSON of each group's assignment (lib/console/rebalance/sampler.ts)
  const assignments = heapOf(() => {
    const m = new Map<string, string>();
    for (let g = 0; g < GROUPS; g++) {
      const clients = [`10.0.${g % 250}.1@${g}-a`, `10.0.${g % 250}.2@${g}-b`];
      const assignment: Assignment = { t: Date.now(), clients, queues: Array.from({ length: QUEUES }, (_, i) => ({ ...queue(g, i), clientId: clients[i % 2]! })) };
      m.set(`group_${g}`, JSON.stringify(assignment));
    }
    return m;
  });
  const result: DiagnosisMemoryBench = {
    groups: GROUPS,
    queuesPerGroup: QUEUES,
    stallsMiB: stalls.mib,
    retryTotalsMiB: retry.mib,
    rebalanceAssignmentsMiB: assignments.mib,
    totalMiB: Math.round((stalls.mib + retry.mib + assignments.mib) * 10) / 10,
  };
  console.log(`\n== what the diagnosis and alerts keep between snapshots: ${GROUPS.toLocaleString('en')} groups × ${QUEUES} queues, at worst ==`);
  console.log(`queue stalls ${result.stallsMiB} MiB, %RETRY% totals ${result.retryTotalsMiB} MiB, rebalance assignments ${result.rebalanceAssignmentsMiB} MiB: ${result.totalMiB} MiB of heap in all`);
  // keep the structures alive until measured
  void [stalls.value.size, retry.value, assignments.value.size];
  return result;
}
