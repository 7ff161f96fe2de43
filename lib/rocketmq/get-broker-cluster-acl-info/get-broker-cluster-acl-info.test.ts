import { describe, expect, it } from 'vitest';
import { loadReply } from '../../../test-support/fixtures';
import { accountProbeRequest, decodeAccountProbe, decodeBrokerClusterAclInfo } from '.';

describe('GET_BROKER_CLUSTER_ACL_INFO (ACL 1.0)', () => {
  it('4.9.8: the version of the ACL data and of each ACL file, from the reply header', () => {
    const info = decodeBrokerClusterAclInfo(loadReply('get-broker-cluster-acl-info', '4.9.8', 'all'));
    expect(info).toMatchObject({ kind: 'acl1', brokerName: 'broker-a', brokerAddr: '127.0.0.1:11071', clusterName: 'DefaultCluster', version: { counter: 0, timestamp: 1796107788187 } });
    if (info.kind !== 'acl1') throw new Error('unreachable');
    expect(Object.keys(info.files)).toEqual([expect.stringMatching(/\/rmqhome\/conf\/plain_acl\.yml$/)]);
    expect(Object.values(info.files)).toEqual([{ counter: 0, timestamp: 1796107788187 }]);
  });

  it('5.5.0: no ACL 1.0 any more (removed in 5.3.3)', () => {
    expect(decodeBrokerClusterAclInfo(loadReply('get-broker-cluster-acl-info', '5.5.0', 'all'))).toEqual({ kind: 'unsupported', reason: expect.stringContaining('5.3.3') });
  });

  it('a probe signed for an account with a wrong secret: the refusal tells whether the broker has the account', () => {
    expect(decodeAccountProbe(loadReply('get-broker-cluster-acl-info', '4.9.8', 'probe-present'), 'lab_reader')).toEqual({ kind: 'present' });
    expect(decodeAccountProbe(loadReply('get-broker-cluster-acl-info', '4.9.8', 'probe-absent'), 'nobody_here')).toEqual({ kind: 'absent' });
    // the refusal names the account: one about another account is not an answer about this one
    expect(decodeAccountProbe(loadReply('get-broker-cluster-acl-info', '4.9.8', 'probe-absent'), 'lab_reader')).toMatchObject({ kind: 'unknown' });
    expect(decodeAccountProbe({ code: 0, opaque: 1, flag: 1, language: 'JAVA', version: 0, serializeTypeCurrentRPC: 'JSON' } as never, 'x')).toMatchObject({ kind: 'unknown', reason: expect.stringContaining('white list') });
  });

  it('the probe is signed for the account asked about, never the console\'s own', () => {
    const request = accountProbeRequest('lab_reader');
    expect(request.code).toBe(52);
    expect(request.extFields).toMatchObject({ AccessKey: 'lab_reader', Signature: expect.any(String) });
  });
});
