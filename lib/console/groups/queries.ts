import { setTimeout as sleep } from 'node:timers/promises';
import { getAdmin } from '../core/admin';
import { NotFoundError } from '../core/errors';
import { log } from '../core/log';
import { getStore } from '../store';
import { checkGroupName } from './detail';
import { historyOptionsFromEnv, LagHistorySampler, readLagHistory, type LagRange, type LagSeries } from '../lag/history';
import { pageGroups, type GroupPage, type GroupQuery } from './list';
import { getSnapshotService } from '../lag/service';

const REFRESH_WAIT_MS = 30_000;

/** The group list: a page of the lag snapshot. `refresh` (the button) waits for a new snapshot, up to 30 s. */
export async function listGroups(query: GroupQuery, { refresh = false } = {}): Promise<GroupPage> {
  const service = getSnapshotService();
  let snapshot = await service.latest();
  if (refresh) {
    const fresh = service.refresh();
    snapshot = (await Promise.race([fresh, sleep(REFRESH_WAIT_MS, undefined, { ref: false })])) ?? snapshot;
  }
  return pageGroups(snapshot, query, service.refreshing);
}

export async function getLagHistory(group: string, range: LagRange): Promise<LagSeries> {
  checkGroupName(group);
  const series = await readLagHistory(await getStore(), getAdmin().config.clusterKey, group, range);
  const known = (await getSnapshotService().latest()).configs.has(group);
  if (!known && series.points.length === 0) throw new NotFoundError(`consumer group ${group} does not exist and has no lag history`, 'group');
  return series;
}

const holder = globalThis as typeof globalThis & { __consoleBackground?: boolean };

/**
 * Starts the background work once per server process (from instrumentation.ts): the lag snapshot refresh and the
 * lag history sampler that writes each snapshot into the store.
 */
export function startBackgroundWork(): void {
  if (holder.__consoleBackground) return;
  holder.__consoleBackground = true;
  const service = getSnapshotService();
  const sampler = new LagHistorySampler(getStore, getAdmin().config.clusterKey, historyOptionsFromEnv());
  service.onSnapshot(async (snapshot) => {
    const written = await sampler.onSnapshot(snapshot);
    if (written) log.debug({ ...written, asOf: snapshot.asOf }, 'lag history sample written');
  });
  service.start();
  log.info({ intervalMs: service.options.intervalMs }, 'lag snapshot and history sampler started');
}
