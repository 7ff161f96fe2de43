import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { decodeBrokerStatsData, viewBrokerStatsDataRequest } from '.';

describe('VIEW_BROKER_STATS_DATA', () => {
  it('asks for one statistic by name and key', () => {
    expect(viewBrokerStatsDataRequest('GROUP_ACK_NUMS', 'LabGrpcTopic@lab_grpc_push')).toEqual({ code: 315, extFields: { statsName: 'GROUP_ACK_NUMS', statsKey: 'LabGrpcTopic@lab_grpc_push' } });
  });

  it('5.5.0: a gRPC group\'s acknowledgements over the last minute, hour and day', () => {
    expect(decodeBrokerStatsData(loadReply('view-broker-stats-data', '5.5.0', 'group-ack'))).toEqual({
      kind: 'stats',
      minute: { sum: 10, tps: 0.16666666666666666, avgpt: 1 },
      hour: { sum: 6, tps: 0.01, avgpt: 1 },
      day: { sum: 0, tps: 0, avgpt: 0 },
    });
  });

  it('5.5.0: a group\'s gets; the windows fill as the broker samples (the last minute is empty here, the hour is not)', () => {
    expect(decodeBrokerStatsData(loadReply('view-broker-stats-data', '5.5.0', 'group-get'))).toMatchObject({ kind: 'stats', minute: { sum: 0 }, hour: { sum: 90, tps: 0.15 } });
  });

  it('a statistic never counted is "not recorded", not zero', () => {
    const reply = loadReply('view-broker-stats-data', '5.5.0', 'not-recorded');
    expect(reply.code).toBe(1);
    expect(decodeBrokerStatsData(reply)).toEqual({ kind: 'not-recorded' });
  });
});
