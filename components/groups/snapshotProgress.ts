import type { SnapshotProgress } from '@/lib/console/lag/types';
import { formatCount } from '../format';

/** What the first lag snapshot's build is doing, as the group list says it while there are no rows yet. */
export function snapshotProgressText(p: SnapshotProgress, now = Date.now()): string {
  const of = (unit: string) => `${formatCount(p.done)} / ${formatCount(p.total)} ${unit}`;
  const found = p.groups === undefined ? '' : `, ${formatCount(p.groups)} groups`;
  const step = {
    starting: 'starting the lag snapshot',
    configs: `reading subscription groups: ${of('masters')}`,
    offsets: `reading consumer offsets: ${of('masters')}${found}`,
    connections: `reading client connections: ${of('groups')}`,
    ages: `reading lag in time: ${of('lagging groups')}`,
    assembling: `assembling ${formatCount(p.total)} groups`,
  }[p.phase];
  const seconds = Math.max(0, Math.round((now - p.startedAt) / 1000));
  return `${step} (${seconds} s so far)`;
}
