import { versionDesc } from '../../rocketmq/mq-version';
import { NotFoundError } from '../core/errors';
import { checkGroupName } from '../core/names';
import type { ClusterContext } from '../context';
import { groupConnectionsViaProxies } from '../proxies/list';
import { findConnection, groupBrokers } from './brokers';

export interface GroupConnections {
  group: string;
  online: boolean;
  clients: Array<{ clientId: string; clientAddr: string; language: string; version: string; via?: string; kind?: string }>;
  /** The clients are those of a 5.x proxy (gRPC clients heartbeat only to it): its remoting address. */
  viaProxy?: string;
  subscriptions: Array<{ topic: string; expressionType: string; subString: string }>;
  consumeType?: string;
  messageModel?: string;
  consumeFromWhere?: string;
  asOf: number;
}

/** Online clients and what they subscribe to (= mqadmin consumerConnection); an offline group answers online:false. */
export async function getGroupConnections(ctx: ClusterContext, input: { group: string }): Promise<GroupConnections> {
  const { group } = input;
  checkGroupName(group);
  const { masters, known } = await groupBrokers(ctx, group);
  const found = await findConnection(group, masters, ctx.admin);
  // not online on the brokers: a cluster-mode proxy may hold its (gRPC) clients, even of a group no broker has yet
  const proxied = found?.connection?.connections.length ? undefined : (await groupConnectionsViaProxies(ctx, group))[0];
  if (!found && !known && !proxied) throw new NotFoundError(`consumer group ${group} does not exist on any broker or proxy`, 'group');
  const c = found?.connection ?? proxied?.connection;
  return {
    group,
    online: Boolean(c && c.connections.length > 0),
    clients: (c?.connections ?? []).map((x) => ({
      clientId: x.clientId,
      clientAddr: x.clientAddr,
      language: x.language,
      // a proxy reports its own version for its gRPC clients (theirs do not parse as an MQVersion)
      version: proxied ? `${versionDesc(x.version)} (the proxy's)` : versionDesc(x.version),
      ...(proxied ? { via: proxied.proxy, kind: c?.consumeType === 'CONSUME_ACTIVELY' ? 'gRPC simple consumer (POP)' : 'gRPC push consumer' } : {}),
    })),
    ...(proxied ? { viaProxy: proxied.proxy } : {}),
    subscriptions: (c?.subscriptions ?? []).map((s) => ({ topic: s.topic, expressionType: s.expressionType, subString: s.subString })),
    consumeType: c?.consumeType,
    messageModel: c?.messageModel ?? ctx.lag.peek()?.groups.find((g) => g.group === group)?.messageModel,
    consumeFromWhere: c?.consumeFromWhere,
    asOf: Date.now(),
  };
}

