import { getConsumerRunningInfo } from '../../rocketmq/get-consumer-running-info';
import type { MessageQueue } from '../../rocketmq/message-queue';
import type { BrokerFailure } from '../core/fanout';
import type { ClusterContext } from '../context';
import { findConnection, runningInfoTimeoutMs } from '../groups/brokers';
import type { GroupSample } from './diff';

/** Running infos asked at once for one group: a group of 100 clients must not open 100 relays on one broker. */
const CLIENTS_AT_ONCE = 8;

/**
 * One look at a group's clients and the queues each holds (as mqadmin consumerStatus reads them), or undefined
 * when the connection list could not be read (a broker failed and no other one knew the group): nothing is
 * recorded then. A client whose running info fails is left out of `held` (unknown), never taken as holding nothing.
 */
export async function readGroupSample(ctx: Pick<ClusterContext, 'admin'>, group: string): Promise<GroupSample | undefined> {
  const { admin } = ctx;
  const masters = await admin.readableBrokers();
  const failures: BrokerFailure[] = [];
  const found = await findConnection(group, masters, admin, failures);
  if (!found) return failures.length === 0 ? { clients: [], held: new Map() } : undefined;
  const clients = found.connection.connections.map((c) => c.clientId);
  const held = new Map<string, MessageQueue[]>();
  const timeoutMs = runningInfoTimeoutMs(admin);
  for (let i = 0; i < clients.length; i += CLIENTS_AT_ONCE) {
    await Promise.all(
      clients.slice(i, i + CLIENTS_AT_ONCE).map(async (clientId) => {
        try {
          const info = await getConsumerRunningInfo(admin, found.node.addr, group, clientId, { timeoutMs });
          // a dropped process queue is one the client is letting go of in this rebalance: no longer its own
          held.set(clientId, info.queues.filter((q) => !q.droped).map((q) => ({ topic: q.topic, brokerName: q.brokerName, queueId: q.queueId })));
        } catch {
          // unknown this round (gone, or slow to answer through the broker): see diffAssignment
        }
      }),
    );
  }
  return { clients, held, broadcasting: found.connection.messageModel === 'BROADCASTING' };
}
