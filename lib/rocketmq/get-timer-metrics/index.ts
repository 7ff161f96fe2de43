import type { RemotingCommand, RemotingRequest } from '../../remoting';
import { RequestCode, ResponseCode } from '../codes';
import { asObject, entries, optNumber, optObject, parseFastjson } from '../fastjson';
import { DEFAULT_TIMEOUT_MS, expectCode, requireBody, type Invoker } from '../invoke';

/**
 * GET_TIMER_METRICS (61) at a 5.x broker: how many timer messages (TIMER_DELIVER_MS / TIMER_DELAY_*) wait in its
 * timer wheel per real topic. `unsupported`: a 4.x broker (code 3), or the wheel is off (code 1, "The timer message
 * store is null").
 */
export type TimerMetrics = { kind: 'metrics'; topics: Array<{ topic: string; count: number; updatedAt: number }> } | { kind: 'unsupported'; reason: string };

export function getTimerMetricsRequest(): RemotingRequest {
  return { code: RequestCode.GET_TIMER_METRICS };
}

export function decodeTimerMetrics(reply: RemotingCommand, addr = ''): TimerMetrics {
  if (reply.code === ResponseCode.REQUEST_CODE_NOT_SUPPORTED) return { kind: 'unsupported', reason: 'the broker has no timer wheel (4.x)' };
  if (reply.code === ResponseCode.SYSTEM_ERROR && /timer message store is null/i.test(reply.remark ?? '')) return { kind: 'unsupported', reason: 'the timer wheel is off (timerWheelEnable=false)' };
  expectCode(reply, addr, RequestCode.GET_TIMER_METRICS);
  const root = asObject(parseFastjson(requireBody(reply, 'TimerMetricsSerializeWrapper')), 'TimerMetricsSerializeWrapper');
  const topics = entries(optObject(root.timingCount) ?? {}).map(([topic, value]) => {
    const o = asObject(value, `timingCount ${String(topic)}`);
    return { topic: String(topic), count: optNumber(o.count) ?? 0, updatedAt: optNumber(o.timeStamp) ?? 0 };
  });
  return { kind: 'metrics', topics: topics.sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)) };
}

export async function getTimerMetrics(invoker: Invoker, brokerAddr: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<TimerMetrics> {
  return decodeTimerMetrics(await invoker.invoke(brokerAddr, getTimerMetricsRequest(), { timeoutMs }), brokerAddr);
}
