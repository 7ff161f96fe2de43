import type { OutgoingMessage } from '.';

/** The message sandbox/scripts/fixture-cases.ts sends to record the send-message replies (and the spec re-builds). */
export const FIXTURE_SEND: OutgoingMessage = {
  producerGroup: 'ROCKETMQ_CONSOLE_PRODUCER',
  topic: 'FixtureSendTopic',
  queueId: 1,
  brokerName: 'broker-a',
  body: Buffer.from('{"fixture":true}', 'utf8'),
  properties: { TAGS: 'TagF', KEYS: 'FIX-1 FIX-2', WAIT: 'true', UNIQ_KEY: '7F00000100012A2B3C4D00000000ABCD' },
  bornTimestamp: 1_796_000_000_000,
};
