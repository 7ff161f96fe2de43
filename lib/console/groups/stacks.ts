import { RemotingResponseError } from '../../remoting';
import { ResponseCode } from '../../rocketmq/codes';
import { getConsumerRunningInfo } from '../../rocketmq/get-consumer-running-info';
import { parseJstack, type JavaThread } from '../../rocketmq/get-consumer-running-info/jstack';
import { BadInputError, ConflictError, NotFoundError } from '../core/errors';
import { checkGroupName } from '../core/names';
import type { ClusterContext } from '../context';
import { findConnection, groupBrokers } from './brokers';

export interface ThreadView extends JavaThread {
  /** A thread of the client's consume pool (ConsumeMessageThread_...): it runs the group's listener. */
  consumeThread: boolean;
  /** A consume thread inside the listener rather than parked waiting for the next task. */
  busy: boolean;
}

export interface ClientStacks {
  group: string;
  clientId: string;
  /** The broker that relayed the call to the client. */
  brokerName: string;
  takenAt: number;
  /** Busy consume threads first, then the idle ones, then every other thread by state and name. */
  threads: ThreadView[];
  /** Threads per Thread.State. */
  states: Record<string, number>;
  consumeThreads: { total: number; busy: number; /** The client's consumeThreadMax, when it reports it. */ max?: number };
}

const CONSUME_THREAD = /^ConsumeMessageThread_/;
// a pool thread with nothing to do waits in the executor for its next task
const IDLE_FRAME = /ThreadPoolExecutor\.getTask\(/;
const STATE_ORDER = ['RUNNABLE', 'BLOCKED', 'WAITING', 'TIMED_WAITING', 'NEW', 'TERMINATED'];

export function checkClientId(clientId: string): void {
  if (clientId.trim() === '') throw new BadInputError('clientId: give the id of an online client of the group (as the clients table shows it)', 'clientId');
  if (clientId.length > 255) throw new BadInputError(`clientId: ${clientId.length} characters; a client id has at most 255`, 'clientId');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(clientId)) throw new BadInputError('clientId: control characters are not part of a client id', 'clientId');
}

/** Orders and counts a client's threads: what an operator looks at first is a consume thread stuck in the listener. */
export function viewThreads(threads: JavaThread[]): Pick<ClientStacks, 'threads' | 'states'> & { consumeThreads: { total: number; busy: number } } {
  const views: ThreadView[] = threads.map((t) => {
    const consumeThread = CONSUME_THREAD.test(t.name);
    return { ...t, consumeThread, busy: consumeThread && !t.frames.some((f) => IDLE_FRAME.test(f)) };
  });
  const rank = (t: ThreadView) => (t.busy ? 0 : t.consumeThread ? 1 : 2);
  // a state not in the list (a JVM newer than this list) goes last
  const stateRank = (t: ThreadView) => (STATE_ORDER.includes(t.state) ? STATE_ORDER.indexOf(t.state) : STATE_ORDER.length);
  views.sort((a, b) => rank(a) - rank(b) || stateRank(a) - stateRank(b) || a.name.localeCompare(b.name, 'en', { numeric: true }));
  const states: Record<string, number> = {};
  for (const t of views) states[t.state] = (states[t.state] ?? 0) + 1;
  const consume = views.filter((t) => t.consumeThread);
  return { threads: views, states, consumeThreads: { total: consume.length, busy: consume.filter((t) => t.busy).length } };
}

/**
 * One client's thread stacks, as `mqadmin consumerStatus -g <group> -i <clientId> -s` gets them: GET_CONSUMER_RUNNING_INFO
 * with jstackEnable, relayed by a master the client heartbeats to.
 */
export async function getClientStacks(ctx: ClusterContext, input: { group: string; clientId: string }): Promise<ClientStacks> {
  const { group, clientId } = input;
  checkGroupName(group);
  checkClientId(clientId);
  const { masters, known } = await groupBrokers(ctx, group);
  if (!known) throw new NotFoundError(`consumer group ${group} does not exist`, 'group');
  const found = await findConnection(group, masters, ctx.admin);
  if (!found?.connection.connections.some((c) => c.clientId === clientId)) throw new NotFoundError(`${clientId} is not an online client of ${group}`, 'clientId');
  const info = await getConsumerRunningInfo(ctx.admin, found.node.addr, group, clientId, { jstack: true }).catch((error: unknown) => {
    // the client left between the two calls
    if (error instanceof RemotingResponseError && error.code === ResponseCode.SYSTEM_ERROR) throw new NotFoundError(`${clientId} is no longer an online client of ${group}`, 'clientId');
    throw error;
  });
  if (!info.jstack) throw new ConflictError(`${clientId} answered without a thread dump (its client does not send one)`, 'clientId', 'no_thread_dump');
  const view = viewThreads(parseJstack(info.jstack));
  const max = Number(info.properties.consumeThreadMax);
  return {
    group,
    clientId,
    brokerName: found.node.brokerName,
    takenAt: Date.now(),
    ...view,
    consumeThreads: { ...view.consumeThreads, ...(Number.isInteger(max) && max > 0 ? { max } : {}) },
  };
}
