import { versionDesc } from '../../rocketmq/mq-version';
import { NotFoundError } from '../core/errors';
import { checkGroupName } from '../core/names';
import type { ClusterContext } from '../context';
import { findConnection, groupBrokers } from './brokers';

export interface GroupConnections {
  group: string;
  online: boolean;
  clients: Array<{ clientId: string; clientAddr: string; language: string; version: string }>;
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
  if (!found && !known) throw new NotFoundError(`consumer group ${group} does not exist on any broker`, 'group');
  const c = found?.connection;
  return {
    group,
    online: Boolean(c && c.connections.length > 0),
    clients: (c?.connections ?? []).map((x) => ({ clientId: x.clientId, clientAddr: x.clientAddr, language: x.language, version: versionDesc(x.version) })),
    subscriptions: (c?.subscriptions ?? []).map((s) => ({ topic: s.topic, expressionType: s.expressionType, subString: s.subString })),
    consumeType: c?.consumeType,
    messageModel: c?.messageModel ?? ctx.lag.peek()?.groups.find((g) => g.group === group)?.messageModel,
    consumeFromWhere: c?.consumeFromWhere,
    asOf: Date.now(),
  };
}

