import { describe, expect, it } from 'vitest';
import { pullMessage } from '../../rocketmq/pull-message';
import { consumeUntilIdle } from '../../../test-support/consumer';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { BadInputError, ConflictError } from '../core/errors';
import { checkClientConfig } from '../../rocketmq/check-client-config';
import { checkSql92 } from './sql92';
import { testFilter } from './test';

/** Selectors the two parsers must judge alike: ours (with positions) and the broker's own compiler (CHECK_CLIENT_CONFIG). */
const SELECTORS = [
  'a > 5', "color = 'red' AND a BETWEEN 1 AND 10", "color IN ('red', 'blue') OR a IS NULL", 'NOT (a > 5) and b is not null',
  "TAGS = 'TagA'", "a <> -3.5E2 AND b NOT BETWEEN 1 AND 2 AND c NOT IN ('x')", "name CONTAINS 'x' AND name NOT CONTAINS 'y'",
  "name STARTSWITH 'x' OR name ENDSWITH 'y'", 'flag', 'TRUE', "a = 'it''s'", 'a > 5 /* c */ AND b < 2', 'a >= 10L', '.5 < a', 'a = 5E3',
  'a >', 'a > 5 AND', "color = 'red", '(a > 5', 'a > 5)', 'a.b = 1', 'color IN (1, 2)', 'a BETWEEN 1 2', 'a IS 5', '5', "'x' AND a",
  'a > 5 b < 2', 'a # 2', '', 'NOT 5', 'a IN ()', 'a == 1', "a LIKE 'x%'",
];
/** Accepted by the broker, which ignores what follows the first whole expression. */
const TRAILING = ['a > 5)', 'a > 5 b < 2', "a LIKE 'x%'"];

/** Runs the official push consumer with `filter` on a new group from the first offset until it idles; the msgIds it got. */
async function officialConsumer(filter: string): Promise<string[]> {
  const group = `lab_cg_filter_${Date.now().toString(36)}`;
  const out = await consumeUntilIdle(['--group', group, '--topic', 'LabTopic', '--filter', filter, '--print', 'true']);
  return [...out.matchAll(/^msg (\S+)$/gm)].map((m) => m[1]!).sort();
}

describe(`filter test (${LIVE.version})`, () => {
  const { ctx } = liveConsole({ requestTimeoutMs: 5000 });

  it.each([
    ['SQL92', 'a > 5', 'sql:a > 5'],
    ['TAG', 'TagA || TagDelay', 'TagA || TagDelay'],
  ] as const)('gives for %s %s exactly the messages the official consumer receives with that subscription', async (expressionType, expression, filter) => {
    const theirs = await officialConsumer(filter);
    expect(theirs.length).toBeGreaterThan(5);
    const ours = await testFilter(ctx, { topic: 'LabTopic', expressionType, expression, begin: 0, limit: 500 });
    expect(ours.failures).toEqual([]);
    expect(ours.truncated).toBe(false);
    expect(ours.matchedCount).toBe(theirs.length);
    expect(ours.matched.map((m) => m.msgId).sort()).toEqual(theirs);
    expect(ours.inWindow).toBeGreaterThan(ours.matchedCount);
  });

  it('judges every selector as the broker\'s own compiler does (CHECK_CLIENT_CONFIG)', async () => {
    for (const sql of SELECTORS) {
      const broker = await checkClientConfig(ctx.admin, LIVE.brokerAMaster, 'LabTopic', 'SQL92', sql);
      const ours = checkSql92(sql);
      if (TRAILING.includes(sql)) {
        // the broker compiles the first whole expression and drops the rest; ours refuses, saying so
        expect(broker.ok, JSON.stringify(sql)).toBe(true);
        expect(ours, JSON.stringify(sql)).toMatchObject({ ok: false, message: expect.stringContaining('the broker would stop reading there') });
      } else {
        expect(ours.ok, JSON.stringify(sql)).toBe(broker.ok);
      }
    }
  });

  it('refuses a SQL92 expression that does not compile, naming where (the broker would match every message with it)', async () => {
    const error = await testFilter(ctx, { topic: 'LabTopic', expressionType: 'SQL92', expression: 'a >', begin: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect(error).toMatchObject({ field: 'expression', message: expect.stringContaining('at position 4') });
    // why the check is ours: the broker takes the broken selector and delivers everything, messages without `a` too
    // (which queue holds a message without `a` (delayed, batch, timer) depends on where the producer's sends fell: every queue is read)
    const pulls = await Promise.all(
      [LIVE.brokerAMaster, LIVE.brokerBMaster].flatMap((addr) => [0, 1, 2, 3].map((queueId) => pullMessage(ctx.admin, addr, { topic: 'LabTopic', queueId, queueOffset: 0, maxMsgNums: 32, subscription: 'a >', expressionType: 'SQL92' }))),
    );
    expect(pulls.flatMap((p) => p.messages).some((m) => m.properties.a === undefined)).toBe(true);
  });

  it('tests an online group\'s own subscription, and says an offline group\'s is unknown', async () => {
    const ours = await testFilter(ctx, { topic: 'LabTopic', group: 'lab_cg_online', begin: 0, limit: 10 });
    expect(ours).toMatchObject({ expressionType: 'TAG', expression: '*', group: 'lab_cg_online' });
    expect(ours.matchedCount).toBe(ours.inWindow);
    expect(ours.matched).toHaveLength(10);
    expect(ours.matched[0]!.storeTimestamp).toBeGreaterThanOrEqual(ours.matched[9]!.storeTimestamp);
    await expect(testFilter(ctx, { topic: 'LabTopic', group: 'lab_cg_sql' })).rejects.toBeInstanceOf(ConflictError);
    await expect(testFilter(ctx, { topic: 'LabTopic', expressionType: 'TAG', expression: 'TagA || ', begin: 0 })).rejects.toMatchObject({ field: 'expression' });
    await expect(testFilter(ctx, { topic: 'LabTopic', expression: 'x', begin: 10, end: 5 })).rejects.toMatchObject({ field: 'begin' });
  });
});
