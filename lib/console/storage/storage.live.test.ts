import { describe, expect, it } from 'vitest';
import { encodeOffsetMessageId } from '../../rocketmq/message-id';
import { brokerConfig, brokerStatus } from '../../../test-support/mqadmin';
import { queryMsgById } from '../../../test-support/mqadmin-messages';
import { LIVE } from '../../../test-support/sandbox';
import { liveConsole } from '../../../test-support/live-console';
import { getStorageOverview, parsePutLatency } from './overview';

describe(`storage (${LIVE.version})`, () => {
  const { ctx } = liveConsole();

  it('shows every broker process with the disk ratios, commit-log offsets and put latencies of mqadmin brokerStatus and the retention of getBrokerConfig', async () => {
    const overview = await getStorageOverview(ctx);
    expect(overview.failures).toEqual([]);
    expect(overview.brokers.map((b) => `${b.brokerName}-${b.brokerId}`)).toEqual(['broker-a-0', 'broker-a-1', 'broker-b-0']);
    for (const b of overview.brokers) {
      const [status, config] = await Promise.all([brokerStatus(b.addr, false), brokerConfig(b.addr)]);
      const where = `${b.brokerName}-${b.brokerId}`;
      // the disk is the host's: other writers can move it by a point between the two reads
      expect(Math.abs(b.commitLogDiskRatio! - Number(status.commitLogDiskRatio)), where).toBeLessThanOrEqual(0.011);
      expect(Math.abs(b.consumeQueueDiskRatio! - Number(status.consumeQueueDiskRatio)), where).toBeLessThanOrEqual(0.011);
      expect(b.commitLogMinOffset, where).toBe(Number(status.commitLogMinOffset));
      // read a moment before mqadmin: the log can only have grown since
      expect(b.commitLogMaxOffset!, where).toBeLessThanOrEqual(Number(status.commitLogMaxOffset));
      expect(b.commitLogMaxOffset!, where).toBeGreaterThan(0);
      expect(b.diskCapacity, where).toBe(status.commitLogDirCapacity);
      expect(b.fileReservedHours, where).toBe(Number(config.fileReservedTime));
      expect(b.diskMaxUsedSpaceRatio, where).toBe(Number(config.diskMaxUsedSpaceRatio));
      expect(b.deleteWhen, where).toBe(config.deleteWhen);
      const theirLatency = parsePutLatency(status.putMessageDistributeTime);
      if (theirLatency) expect(b.putLatency!.map((x) => x.range), where).toEqual(theirLatency.map((x) => x.range));
      // the oldest message: the broker's figure, or (4.9 says -1) the message at the log's min offset, as mqadmin reads it
      const reported = Number(status.earliestMessageTimeStamp);
      if (reported > 0) {
        expect(b.earliestMessageTime, where).toBe(reported);
      } else {
        const oldest = await queryMsgById(encodeOffsetMessageId(b.addr, b.commitLogMinOffset!), 'LabTopic');
        expect(b.earliestMessageTime, where).toBe(oldest.storeTimestamp);
      }
      expect(b.warnings, where).toEqual([]);
    }
  });
});
