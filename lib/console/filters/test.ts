import { checkClientConfig } from '../../rocketmq/check-client-config';
import { getConsumerConnectionList } from '../../rocketmq/get-consumer-connection-list';
import { getTopicStatsInfo } from '../../rocketmq/get-topic-stats-info';
import { pullMessage } from '../../rocketmq/pull-message';
import { searchOffsetByTimestamp } from '../../rocketmq/search-offset-by-timestamp';
import type { AdminClient } from '../core/admin';
import { BadInputError, ConflictError } from '../core/errors';
import { failureOf, type BrokerFailure } from '../core/fanout';
import { checkGroupName, checkTopicName } from '../core/names';
import type { ClusterContext } from '../context';
import { toSummary, type MessageSummary } from '../messages/model';
import { routeTargets, type ReadTarget } from '../messages/targets';
import { checkSql92, checkTagExpression } from './sql92';

export interface FilterTestInput {
  topic: string;
  /** The expression to test, or (without one) the subscription of this group's online clients to the topic. */
  expressionType?: 'TAG' | 'SQL92';
  expression?: string;
  group?: string;
  /** Store-time window, epoch ms; the last hour by default. */
  begin?: number;
  end?: number;
  /** Matched messages returned (newest first); the count goes on to the end of the window. */
  limit?: number;
}

export interface FilterTestResult {
  topic: string;
  expressionType: 'TAG' | 'SQL92';
  expression: string;
  /** Set when the expression is a group's subscription. */
  group?: string;
  begin: number;
  end: number;
  /** Messages stored in the window, and how many of them the broker delivered for the expression. */
  inWindow: number;
  matchedCount: number;
  /** The scan budget ran out before the end of the window: the counts cover `scanned` messages only. */
  truncated: boolean;
  scanned: number;
  matched: MessageSummary[];
  /** Brokers that cannot evaluate the expression (SQL92 with enablePropertyFilter off), with why. */
  refusedBy: Array<{ brokerName: string; reason: string }>;
  failures: BrokerFailure[];
}

const HOUR = 3_600_000;
/** At most this many messages are pulled per test (over all queues): a filter test must not read a whole topic. */
export const SCAN_BUDGET = 20_000;

export async function testFilter(ctx: ClusterContext, input: FilterTestInput): Promise<FilterTestResult> {
  const { admin } = ctx;
  checkTopicName(input.topic);
  const end = input.end ?? Date.now();
  const begin = input.begin ?? end - HOUR;
  if (!Number.isFinite(begin) || !Number.isFinite(end) || begin > end) throw new BadInputError('begin: the window must start before it ends', 'begin');
  const limit = input.limit ?? 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new BadInputError('limit: a whole number from 1 to 500', 'limit');
  const { expressionType, expression } = await expressionOf(admin, input);
  const targets = await routeTargets(admin, input.topic);
  const refusedBy: FilterTestResult['refusedBy'] = [];
  const failures: BrokerFailure[] = [];
  const matched: MessageSummary[] = [];
  let inWindow = 0;
  let matchedCount = 0;
  let scanned = 0;
  let truncated = false;
  for (const target of targets) {
    if (expressionType === 'SQL92') {
      // the broker compiles it too (CHECK_CLIENT_CONFIG): it has the last word on its own grammar
      const verdict = await checkClientConfig(admin, target.addr, input.topic, 'SQL92', expression, admin.config.requestTimeoutMs).catch((error: unknown) => {
        failures.push(failureOf(target, error));
        return undefined;
      });
      if (!verdict) continue;
      if (!verdict.ok && verdict.kind === 'invalid') throw new BadInputError(`expression: ${target.brokerName} cannot compile it: ${compilerWords(verdict.reason)}`, 'expression');
      if (!verdict.ok) {
        refusedBy.push({ brokerName: target.brokerName, reason: 'enablePropertyFilter=false: this broker refuses SQL92 subscriptions, so a group subscribed this way gets nothing from it' });
        continue;
      }
    }
    try {
      const r = await scanBroker(admin, target, { topic: input.topic, expressionType, expression, begin, end, budget: SCAN_BUDGET - scanned });
      inWindow += r.inWindow;
      matchedCount += r.matchedCount;
      scanned += r.scanned;
      truncated ||= r.truncated;
      matched.push(...r.matched);
    } catch (error) {
      failures.push(failureOf(target, error));
    }
  }
  matched.sort((a, b) => b.storeTimestamp - a.storeTimestamp);
  return { topic: input.topic, expressionType, expression, group: input.group, begin, end, inWindow, matchedCount, truncated, scanned, matched: matched.slice(0, limit), refusedBy, failures };
}

async function expressionOf(admin: AdminClient, input: FilterTestInput): Promise<{ expressionType: 'TAG' | 'SQL92'; expression: string }> {
  if (input.expression === undefined) {
    if (!input.group) throw new BadInputError('expression: give an expression, or a group whose subscription to test', 'expression');
    checkGroupName(input.group);
    for (const node of await admin.readableBrokers()) {
      const connection = await getConsumerConnectionList(admin, node.addr, input.group, admin.config.requestTimeoutMs).catch(() => undefined);
      const sub = connection?.subscriptions.find((s) => s.topic === input.topic);
      if (sub) return { expressionType: sub.expressionType === 'SQL92' ? 'SQL92' : 'TAG', expression: sub.subString };
    }
    throw new ConflictError(`group ${input.group} has no online client subscribed to ${input.topic}: its subscription is known only from its clients`, 'group', 'not_online');
  }
  const expressionType = input.expressionType ?? 'TAG';
  if (expressionType !== 'TAG' && expressionType !== 'SQL92') throw new BadInputError('expressionType: TAG or SQL92', 'expressionType');
  const check = expressionType === 'SQL92' ? checkSql92(input.expression) : checkTagExpression(input.expression);
  if (!check.ok) throw new BadInputError(`expression: ${check.message} at position ${check.position}`, 'expression');
  return { expressionType, expression: input.expression.trim() === '' ? '*' : input.expression };
}

interface ScanInput {
  topic: string;
  expressionType: 'TAG' | 'SQL92';
  expression: string;
  begin: number;
  end: number;
  budget: number;
}

/** Pulls each queue's window with the expression: the broker returns only what it would deliver, and says how far it read. */
async function scanBroker(admin: AdminClient, target: ReadTarget, s: ScanInput) {
  const timeout = admin.config.requestTimeoutMs;
  const stats = await getTopicStatsInfo(admin, target.addr, s.topic, timeout);
  const out = { inWindow: 0, matchedCount: 0, scanned: 0, truncated: false, matched: [] as MessageSummary[] };
  for (const q of stats) {
    if (q.maxOffset <= q.minOffset || q.lastUpdateTimestamp < s.begin) continue;
    const [from, to] = await Promise.all([
      searchOffsetByTimestamp(admin, target.addr, s.topic, q.queueId, s.begin, timeout),
      s.end >= q.lastUpdateTimestamp ? q.maxOffset : searchOffsetByTimestamp(admin, target.addr, s.topic, q.queueId, s.end + 1, timeout),
    ]);
    const start = Math.max(from, q.minOffset);
    const stop = Math.min(to, q.maxOffset);
    if (stop <= start) continue;
    out.inWindow += stop - start;
    let offset = start;
    while (offset < stop) {
      if (out.scanned >= s.budget) {
        out.truncated = true;
        break;
      }
      const r = await pullMessage(admin, target.addr, { topic: s.topic, queueId: q.queueId, queueOffset: offset, maxMsgNums: 32, subscription: s.expression, expressionType: s.expressionType }, timeout);
      const next = Math.min(Math.max(r.nextBeginOffset, offset), stop);
      if (r.status === 'OFFSET_ILLEGAL' || r.status === 'NO_NEW_MSG' || next <= offset) break;
      out.scanned += next - offset;
      for (const m of r.messages) {
        if (m.queueOffset >= stop || m.storeTimestamp < s.begin || m.storeTimestamp > s.end) continue;
        out.matchedCount++;
        // every match is kept (at most the scan budget): the newest are returned once all queues are read
        out.matched.push(toSummary(m, target.brokerName));
      }
      offset = next;
    }
    if (out.truncated) break;
  }
  return out;
}

/** The compiler's first line without the Java class name: "Encountered "<EOF>" at line 1, column 3." */
function compilerWords(reason: string): string {
  return reason.split('\n')[0]!.replace(/^[\w.]+(Exception|Error): /, '').trim();
}
