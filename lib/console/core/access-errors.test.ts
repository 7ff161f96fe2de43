import { describe, expect, it } from 'vitest';
import { RemotingResponseError, RemotingTimeoutError } from '../../remoting';
import { AccessRefusedError, BrokerCallError, describeFailure, isAccessRefusal, namingAccessRefusal } from './errors';

// the remarks as the sandboxes' brokers answered: an unsigned or wrongly signed GET_BROKER_RUNTIME_INFO (28), and
// UPDATE_AND_CREATE_TOPIC (17) signed by the read-only account
const V5_UNSIGNED = new RemotingResponseError('127.0.0.1:11041', 28, 16, 'username cannot be null.');
const V5_DENIED = new RemotingResponseError('127.0.0.1:11041', 17, 16, 'User:lab_reader has no permission to access Topic:DenyProbe from 127.0.0.1, no matched policies.');
const V4_DENIED = new RemotingResponseError('127.0.0.1:11071', 17, 1, 'org.apache.rocketmq.acl.common.AclException: Need admin permission for request code=17, but accessKey=lab_reader is not, org.apache.rocketmq.acl.plain.PlainPermissionManager.checkPerm(PlainPermissionManager.java:581)');
const V4_UNSIGNED = new RemotingResponseError('127.0.0.1:11071', 28, 1, 'org.apache.rocketmq.acl.common.AclException: No accessKey is configured, org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:664)');
const V4_BAD_SIGNATURE = new RemotingResponseError('127.0.0.1:11071', 28, 1, 'org.apache.rocketmq.acl.common.AclException: Check signature failed for accessKey=rocketmq, org.apache.rocketmq.acl.plain.PlainPermissionManager.validate(PlainPermissionManager.java:684)');

describe('a broker refusing the console\'s account', () => {
  it('is told apart from other broker errors', () => {
    for (const e of [V5_UNSIGNED, V5_DENIED, V4_UNSIGNED, V4_BAD_SIGNATURE, V4_DENIED]) expect(isAccessRefusal(e)).toBe(true);
    expect(isAccessRefusal(new RemotingResponseError('a:1', 28, 1, 'java.lang.NullPointerException'))).toBe(false);
    expect(isAccessRefusal(new RemotingResponseError('a:1', 17, 1, 'create topic failed'))).toBe(false);
    expect(isAccessRefusal(new RemotingTimeoutError('a:1', 28, 1000))).toBe(false);
  });

  it('becomes a 403 naming the cluster, broker, request and account, in the broker\'s words without Java class names', () => {
    const e = namingAccessRefusal(new BrokerCallError(V4_BAD_SIGNATURE, 'broker-a'), 'prod', 'rocketmq') as AccessRefusedError;
    expect(e).toBeInstanceOf(AccessRefusedError);
    expect(e.status).toBe(403);
    expect(e.message).toBe('cluster prod: 127.0.0.1:11071 refused GET_BROKER_RUNTIME_INFO for the account rocketmq: Check signature failed for accessKey=rocketmq. Check the credentials of cluster prod in the clusters file.');
    const denied = namingAccessRefusal(V5_DENIED, 'prod', 'lab_reader') as AccessRefusedError;
    expect(denied.message).toContain('refused UPDATE_AND_CREATE_TOPIC for the account lab_reader: User:lab_reader has no permission');
    expect(denied.message).toContain('does not let this account do it');
    const v4 = namingAccessRefusal(V4_DENIED, 'prod', 'lab_reader') as AccessRefusedError;
    expect(v4.message).toBe("cluster prod: 127.0.0.1:11071 refused UPDATE_AND_CREATE_TOPIC for the account lab_reader: Need admin permission for request code=17, but accessKey=lab_reader is not. The broker's access control does not let this account do it.");
    expect((namingAccessRefusal(V4_UNSIGNED, 'prod', undefined) as Error).message).toContain('for no account (the cluster has no credentials in the clusters file): No accessKey is configured. Check the credentials');
  });

  it('leaves any other failure as it is', () => {
    const other = new BrokerCallError(new RemotingTimeoutError('a:1', 28, 1000));
    expect(namingAccessRefusal(other, 'prod', 'ak')).toBe(other);
  });

  it('is one line in a partial answer', () => {
    expect(describeFailure(V5_UNSIGNED, 'broker-a')).toBe("broker-a (127.0.0.1:11041) refused GET_BROKER_RUNTIME_INFO to the console's account (access control): username cannot be null");
  });
});
