import { getBrokerConfig } from '../../rocketmq/get-broker-config';
import { getNamesrvConfig } from '../../rocketmq/get-namesrv-config';
import { fanOut, type BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';
import { MASKED } from './change/config';
import { RUNTIME_KEYS, SECRET_KEY } from './change/schema';

export interface ConfigColumn {
  /** broker address or namesrv address */
  addr: string;
  label: string;
  clusterName?: string;
  brokerName?: string;
  brokerId?: number;
}

export interface ConfigRow {
  key: string;
  /** addr -> value; null where that node has no such key (or did not answer). */
  values: Record<string, string | null>;
  /** Nodes of one cluster disagree (keys that are per node by nature, ports, paths and names, never count). */
  differs: boolean;
  secret: boolean;
  /** RocketMQ reads it at each use: a change takes effect at once. */
  runtime: boolean;
}

export interface ConfigTable {
  columns: ConfigColumn[];
  rows: ConfigRow[];
  failures: BrokerFailure[];
  asOf: number;
}

/** Keys every node holds its own value of: never config drift. */
const PER_NODE = /^(brokerName|brokerId|brokerRole|brokerIP\d|haMasterAddress|listenPort|haListenPort|fastListenPort|.*Path.*|.*Dir|storeCheckpoint|abortFile|rocketmqHome|namesrvAddr|brokerClusterName|controllerAddr|.*Port)$/;

/** Every configuration key of every broker (or of one RocketMQ cluster), side by side; secrets masked. */
export async function getBrokerConfigTable(ctx: ClusterContext, input: { clusterName?: string; search?: string; onlyDiffering?: boolean }): Promise<ConfigTable> {
  const nodes = (await ctx.admin.brokerNodes()).filter((n) => !input.clusterName || n.clusterName === input.clusterName);
  const { results, failures } = await fanOut(nodes, async (n) => (await getBrokerConfig(ctx.admin, n.addr, ctx.admin.config.requestTimeoutMs)).properties, ctx.admin.config.fanOutDeadlineMs);
  const columns = nodes.map((n) => ({ addr: n.addr, label: `${n.brokerName} ${n.brokerId === 0 ? 'master' : `slave ${n.brokerId}`}`, clusterName: n.clusterName, brokerName: n.brokerName, brokerId: n.brokerId }));
  return table(columns, new Map(results.map((r) => [r.target.addr, r.value])), (addr) => nodes.find((n) => n.addr === addr)?.clusterName ?? '', failures.map((f) => f.failure), input);
}

/** Every namesrv's configuration side by side. */
export async function getNamesrvConfigTable(ctx: ClusterContext, input: { search?: string; onlyDiffering?: boolean }): Promise<ConfigTable> {
  const targets = ctx.config.namesrvAddrs.map((addr) => ({ brokerName: `namesrv ${addr}`, addr }));
  const { results, failures } = await fanOut(targets, async (t) => (await getNamesrvConfig(ctx.admin, t.addr, ctx.admin.config.requestTimeoutMs)).properties, ctx.admin.config.fanOutDeadlineMs);
  const columns = targets.map((t) => ({ addr: t.addr, label: t.brokerName }));
  return table(columns, new Map(results.map((r) => [r.target.addr, r.value])), () => 'namesrv', failures.map((f) => f.failure), input);
}

function table(columns: ConfigColumn[], configs: Map<string, Record<string, string>>, groupOf: (addr: string) => string, failures: BrokerFailure[], input: { search?: string; onlyDiffering?: boolean }): ConfigTable {
  const keys = [...new Set([...configs.values()].flatMap((c) => Object.keys(c)))].sort((a, b) => a.localeCompare(b));
  const search = input.search?.trim().toLowerCase();
  const rows: ConfigRow[] = [];
  for (const key of keys) {
    const secret = SECRET_KEY.test(key);
    const values = Object.fromEntries(columns.map((c) => {
      const v = configs.get(c.addr)?.[key];
      return [c.addr, v === undefined ? null : secret && v !== '' ? MASKED : v];
    }));
    if (search && !key.toLowerCase().includes(search) && !Object.values(values).some((v) => v?.toLowerCase().includes(search))) continue;
    const byGroup = new Map<string, Set<string | null>>();
    for (const c of columns) if (configs.has(c.addr)) byGroup.set(groupOf(c.addr), (byGroup.get(groupOf(c.addr)) ?? new Set()).add(configs.get(c.addr)![key] ?? null));
    const differs = !PER_NODE.test(key) && [...byGroup.values()].some((s) => s.size > 1);
    if (input.onlyDiffering && !differs) continue;
    rows.push({ key, values, differs, secret, runtime: RUNTIME_KEYS.has(key) });
  }
  return { columns, rows, failures, asOf: Date.now() };
}

