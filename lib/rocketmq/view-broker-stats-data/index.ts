import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode } from '../codes';
import { asObject, optNumber, parseFastjson, type JsonValue } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, requireBody, type Invoker } from '../invoke';

/** One window of a broker statistic: the count in it (sum), per second (tps), and the average of its values (avgpt). */
export interface StatsWindow {
  sum: number;
  tps: number;
  avgpt: number;
}

/**
 * A statistic over the last minute, hour and day as the broker samples it (every 10 s, 10 min and 1 h): a window's
 * sum is the growth between its first and last sample, so activity shows once a sample after it was taken.
 */
export type BrokerStatsData = { kind: 'stats'; minute: StatsWindow; hour: StatsWindow; day: StatsWindow } | { kind: 'not-recorded' };

/**
 * VIEW_BROKER_STATS_DATA (315): `statsName` one of BrokerStatsManager's (TOPIC_PUT_NUMS with key topic;
 * GROUP_GET_NUMS, and on 5.x GROUP_ACK_NUMS / GROUP_CK_NUMS (messages acknowledged / popped) with key topic@group).
 * A statistic nothing ever counted answers 1 "The stats <…> <…> not exist": not-recorded, not zero.
 */
export function viewBrokerStatsDataRequest(statsName: string, statsKey: string): RemotingRequest {
  return { code: RequestCode.VIEW_BROKER_STATS_DATA, extFields: { statsName, statsKey } };
}

function window(value: JsonValue | undefined, what: string): StatsWindow {
  const o = asObject(value ?? {}, what);
  return { sum: optNumber(o.sum) ?? 0, tps: optNumber(o.tps) ?? 0, avgpt: optNumber(o.avgpt) ?? 0 };
}

export function decodeBrokerStatsData(reply: RemotingCommand, addr = ''): BrokerStatsData {
  if (reply.code === 1 && /not exist/.test(reply.remark ?? '')) return { kind: 'not-recorded' };
  expectCode(reply, addr, RequestCode.VIEW_BROKER_STATS_DATA);
  const o = asObject(parseFastjson(requireBody(reply, 'BrokerStatsData')), 'BrokerStatsData');
  return { kind: 'stats', minute: window(o.statsMinute, 'statsMinute'), hour: window(o.statsHour, 'statsHour'), day: window(o.statsDay, 'statsDay') };
}

export async function viewBrokerStatsData(invoker: Invoker, brokerAddr: string, statsName: string, statsKey: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<BrokerStatsData> {
  return decodeBrokerStatsData(await invoker.invoke(brokerAddr, viewBrokerStatsDataRequest(statsName, statsKey), { timeoutMs }), brokerAddr);
}
