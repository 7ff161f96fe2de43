/** What record-fixtures.ts asks the sandbox, per operation. Add a case here when an operation is added. */
import type { RemotingRequest } from '../../lib/remoting';
import { getAllTopicConfigRequest } from '../../lib/rocketmq/get-all-topic-config';
import { getAllTopicListRequest } from '../../lib/rocketmq/get-all-topic-list';
import { getBrokerClusterInfoRequest } from '../../lib/rocketmq/get-broker-cluster-info';
import { getBrokerRuntimeInfoRequest } from '../../lib/rocketmq/get-broker-runtime-info';
import { getBrokerConfigRequest } from '../../lib/rocketmq/get-broker-config';
import { getTimerMetricsRequest } from '../../lib/rocketmq/get-timer-metrics';
import { getKvConfigRequest, ORDER_TOPIC_CONFIG_NAMESPACE } from '../../lib/rocketmq/get-kv-config';
import { getKvListByNamespaceRequest } from '../../lib/rocketmq/get-kvlist-by-namespace';
import { getRouteInfoByTopicRequest } from '../../lib/rocketmq/get-route-info-by-topic';
import { getTopicStatsInfoRequest } from '../../lib/rocketmq/get-topic-stats-info';
import { ConnectionPool } from '../../lib/remoting';
import { getAllSubscriptionGroupConfigRequest } from '../../lib/rocketmq/get-all-subscriptiongroup-config';
import { getAllConsumerOffsetRequest } from '../../lib/rocketmq/get-all-consumer-offset';
import { getConsumeStatsRequest } from '../../lib/rocketmq/get-consume-stats';
import { getConsumerConnectionList, getConsumerConnectionListRequest } from '../../lib/rocketmq/get-consumer-connection-list';
import { getConsumerRunningInfoRequest } from '../../lib/rocketmq/get-consumer-running-info';
import { pullMessageRequest } from '../../lib/rocketmq/pull-message';
import { getBrokerHaStatusRequest } from '../../lib/rocketmq/get-broker-ha-status';
import { checkClientConfigRequest } from '../../lib/rocketmq/check-client-config';
import { getProducerConnectionListRequest } from '../../lib/rocketmq/get-producer-connection-list';
import { getAllProducerInfoRequest } from '../../lib/rocketmq/get-all-producer-info';
import { getMaxOffsetRequest } from '../../lib/rocketmq/get-max-offset';
import { getMinOffsetRequest } from '../../lib/rocketmq/get-min-offset';
import { invokeBrokerToResetOffsetRequest } from '../../lib/rocketmq/invoke-broker-to-reset-offset';
import { queryConsumeTimeSpanRequest } from '../../lib/rocketmq/query-consume-time-span';
import { queryConsumerOffsetRequest } from '../../lib/rocketmq/query-consumer-offset';
import { queryTopicConsumeByWhoRequest } from '../../lib/rocketmq/query-topic-consume-by-who';
import { searchOffsetByTimestampRequest } from '../../lib/rocketmq/search-offset-by-timestamp';
import { updateAndCreateSubscriptionGroupRequest } from '../../lib/rocketmq/update-and-create-subscriptiongroup';
import { updateAndCreateTopicRequest } from '../../lib/rocketmq/update-and-create-topic';
import { updateAndCreateTopicListRequest } from '../../lib/rocketmq/update-and-create-topic-list';
import { updateAndCreateSubscriptionGroupListRequest } from '../../lib/rocketmq/update-and-create-subscriptiongroup-list';
import { updateConsumerOffsetRequest } from '../../lib/rocketmq/update-consumer-offset';
import { deleteTopicInBrokerRequest } from '../../lib/rocketmq/delete-topic-in-broker';
import { deleteTopicInNamesrvRequest } from '../../lib/rocketmq/delete-topic-in-namesrv';
import { putKvConfigRequest } from '../../lib/rocketmq/put-kv-config';
import { updateBrokerConfigRequest } from '../../lib/rocketmq/update-broker-config';
import { getNamesrvConfigRequest } from '../../lib/rocketmq/get-namesrv-config';
import { updateNamesrvConfigRequest } from '../../lib/rocketmq/update-namesrv-config';
import { deleteKvConfigRequest } from '../../lib/rocketmq/delete-kv-config';
import { deleteSubscriptionGroupRequest } from '../../lib/rocketmq/delete-subscriptiongroup';
import { sendMessageRequest } from '../../lib/rocketmq/send-message';
import { FIXTURE_SEND } from '../../lib/rocketmq/send-message/fixture-message';

import { authListUserRequest } from '../../lib/rocketmq/auth-list-user';
import { authListAclRequest } from '../../lib/rocketmq/auth-list-acl';
import { authCreateUserRequest } from '../../lib/rocketmq/auth-create-user';
import { authUpdateUserRequest } from '../../lib/rocketmq/auth-update-user';
import { authDeleteUserRequest } from '../../lib/rocketmq/auth-delete-user';
import { authCreateAclRequest } from '../../lib/rocketmq/auth-create-acl';
import { authUpdateAclRequest } from '../../lib/rocketmq/auth-update-acl';
import { authDeleteAclRequest } from '../../lib/rocketmq/auth-delete-acl';
import { LIVE } from '../../test-support/sandbox';
import { viewBrokerStatsDataRequest } from '../../lib/rocketmq/view-broker-stats-data';
import { updateAndCreateAclConfigRequest } from '../../lib/rocketmq/update-and-create-acl-config';
import { deleteAclConfigRequest } from '../../lib/rocketmq/delete-acl-config';
import { accountProbeRequest, getBrokerClusterAclInfoRequest } from '../../lib/rocketmq/get-broker-cluster-acl-info';
import { updateGlobalWhiteAddrsConfigRequest } from '../../lib/rocketmq/update-global-white-addrs-config';
import { MESSAGE_CASES } from './fixture-cases-messages';

export type FixtureTarget = 'namesrv' | 'namesrv-binary' | 'broker-a-master' | 'broker-a-slave' | 'broker-b-master';

export interface FixtureCase {
  operation: string;
  name: string;
  target: FixtureTarget;
  request: () => RemotingRequest | Promise<RemotingRequest>;
  /** Requests sent first (replies not recorded), to put the peer in the state the case needs. */
  setup?: RemotingRequest[];
  /** Version prefixes this case applies to (default: all). */
  versions?: string[];
  /** Recorded from the sandbox with access control (SANDBOX_AUTH=on, signed as its administrator) instead of the plain one. */
  secured?: true;
}

/** clientId of the first online client of a group (GET_CONSUMER_RUNNING_INFO needs one). */
async function clientIdOf(group: string): Promise<string> {
  const pool = new ConnectionPool();
  try {
    const cc = await getConsumerConnectionList(pool, LIVE.brokerAMaster, group);
    if (!cc) throw new Error(`${group} is not online: run sandbox/scripts/online-consumers.sh start first`);
    return cc.connections[0]!.clientId;
  } finally {
    pool.close();
  }
}

const ADMIN_CASES: FixtureCase[] = [
  { operation: 'get-broker-cluster-info', name: 'cluster', target: 'namesrv', request: getBrokerClusterInfoRequest },
  { operation: 'get-broker-runtime-info', name: 'master', target: 'broker-a-master', request: getBrokerRuntimeInfoRequest },
  { operation: 'get-broker-runtime-info', name: 'slave', target: 'broker-a-slave', request: getBrokerRuntimeInfoRequest },
  { operation: 'get-broker-config', name: 'master', target: 'broker-a-master', request: getBrokerConfigRequest },
  // 5.x: the timer wheel's pending messages per topic (traffic.sh leaves timer messages due in two hours); 4.9: code 3
  { operation: 'get-timer-metrics', name: 'broker-a', target: 'broker-a-master', request: getTimerMetricsRequest },
  { operation: 'get-timer-metrics', name: 'broker-b', target: 'broker-b-master', request: getTimerMetricsRequest },
  { operation: 'get-all-topic-list', name: 'all', target: 'namesrv', request: getAllTopicListRequest },
  { operation: 'get-route-info-by-topic', name: 'LabTopic', target: 'namesrv', request: () => getRouteInfoByTopicRequest('LabTopic') },
  { operation: 'get-route-info-by-topic', name: 'LabOrderTopic', target: 'namesrv', request: () => getRouteInfoByTopicRequest('LabOrderTopic') },
  {
    operation: 'get-route-info-by-topic', name: 'legacy-keys', target: 'namesrv',
    // an old client version gets fastjson's unquoted integer keys: {0:"127.0.0.1:10911"}
    request: () => ({ ...getRouteInfoByTopicRequest('LabTopic'), extFields: { topic: 'LabTopic' }, version: 300 }),
  },
  { operation: 'get-route-info-by-topic', name: 'unknown', target: 'namesrv', request: () => getRouteInfoByTopicRequest('NoSuchTopic') },
  { operation: 'get-topic-stats-info', name: 'LabTopic', target: 'broker-a-master', request: () => getTopicStatsInfoRequest('LabTopic') },
  { operation: 'get-topic-stats-info', name: 'unknown', target: 'broker-a-master', request: () => getTopicStatsInfoRequest('NoSuchTopic') },
  { operation: 'get-all-topic-config', name: 'broker-a', target: 'broker-a-master', request: getAllTopicConfigRequest },
  {
    operation: 'get-kv-config', name: 'order-conf', target: 'namesrv',
    request: () => getKvConfigRequest(ORDER_TOPIC_CONFIG_NAMESPACE, 'LabOrderTopic'),
  },
  {
    operation: 'get-kv-config', name: 'missing', target: 'namesrv',
    request: () => getKvConfigRequest(ORDER_TOPIC_CONFIG_NAMESPACE, 'LabTopic'),
  },
  {
    // a 5.x namesrv configured for ROCKETMQ serialization answers with the binary header (4.9 still answers JSON)
    operation: 'get-kv-config', name: 'binary-header', target: 'namesrv-binary', versions: ['5'],
    setup: [{ code: 100, extFields: { namespace: ORDER_TOPIC_CONFIG_NAMESPACE, key: 'LabOrderTopic', value: 'broker-b:4;broker-a:4' } }],
    request: () => getKvConfigRequest(ORDER_TOPIC_CONFIG_NAMESPACE, 'LabOrderTopic'),
  },
  {
    operation: 'get-kvlist-by-namespace', name: 'order-conf', target: 'namesrv',
    request: () => getKvListByNamespaceRequest(ORDER_TOPIC_CONFIG_NAMESPACE),
  },
  // consumer groups (record after traffic.sh and online-consumers.sh start)
  { operation: 'get-all-subscriptiongroup-config', name: 'broker-a', target: 'broker-a-master', request: getAllSubscriptionGroupConfigRequest },
  { operation: 'get-consume-stats', name: 'group', target: 'broker-a-master', request: () => getConsumeStatsRequest('lab_cg_cluster') },
  { operation: 'get-all-consumer-offset', name: 'broker-a', target: 'broker-a-master', request: getAllConsumerOffsetRequest },
  { operation: 'get-consume-stats', name: 'group-topic', target: 'broker-b-master', request: () => getConsumeStatsRequest('lab_cg_sql', 'LabTopic') },
  { operation: 'get-consume-stats', name: 'unknown-group', target: 'broker-a-master', request: () => getConsumeStatsRequest('no_such_group') },
  { operation: 'get-consumer-connection-list', name: 'clustering', target: 'broker-a-master', request: () => getConsumerConnectionListRequest('lab_cg_online') },
  { operation: 'get-consumer-connection-list', name: 'broadcasting', target: 'broker-a-master', request: () => getConsumerConnectionListRequest('lab_cg_broadcast') },
  { operation: 'get-consumer-connection-list', name: 'offline', target: 'broker-a-master', request: () => getConsumerConnectionListRequest('lab_cg_cluster') },
  { operation: 'query-topic-consume-by-who', name: 'LabTopic', target: 'broker-a-master', request: () => queryTopicConsumeByWhoRequest('LabTopic') },
  {
    operation: 'get-consumer-running-info', name: 'broadcasting', target: 'broker-a-master',
    request: async () => getConsumerRunningInfoRequest('lab_cg_broadcast', await clientIdOf('lab_cg_broadcast')),
  },
  {
    operation: 'get-consumer-running-info', name: 'clustering', target: 'broker-b-master',
    request: async () => getConsumerRunningInfoRequest('lab_cg_online', await clientIdOf('lab_cg_online')),
  },
  {
    operation: 'get-consumer-running-info', name: 'orderly', target: 'broker-a-master',
    request: async () => getConsumerRunningInfoRequest('lab_cg_orderly', await clientIdOf('lab_cg_orderly')),
  },
  // with jstackEnable, as mqadmin consumerStatus -s: the client adds its thread dump
  {
    operation: 'get-consumer-running-info', name: 'jstack', target: 'broker-a-master',
    request: async () => getConsumerRunningInfoRequest('lab_cg_online', await clientIdOf('lab_cg_online'), true),
  },
  // HA (5.x answers; 4.9 answers code 3)
  { operation: 'get-broker-ha-status', name: 'master', target: 'broker-a-master', request: getBrokerHaStatusRequest },
  { operation: 'get-broker-ha-status', name: 'slave', target: 'broker-a-slave', request: getBrokerHaStatusRequest },
  // filters: the broker compiles a subscription (46), a pull with a SQL92 selector
  { operation: 'check-client-config', name: 'valid', target: 'broker-a-master', request: () => checkClientConfigRequest('LabTopic', 'SQL92', 'a > 5') },
  { operation: 'check-client-config', name: 'invalid', target: 'broker-a-master', request: () => checkClientConfigRequest('LabTopic', 'SQL92', 'a >') },
  { operation: 'pull-message', name: 'sql92', target: 'broker-a-master', request: () => pullMessageRequest({ topic: 'LabTopic', queueId: 0, queueOffset: 0, maxMsgNums: 32, subscription: 'a > 5', expressionType: 'SQL92' }) },
  // producers (online-consumers.sh keeps lab_pg_online connected)
  { operation: 'get-producer-connection-list', name: 'online', target: 'broker-a-master', request: () => getProducerConnectionListRequest('lab_pg_online') },
  { operation: 'get-producer-connection-list', name: 'unknown-group', target: 'broker-a-master', request: () => getProducerConnectionListRequest('no_such_producer_group') },
  { operation: 'get-all-producer-info', name: 'broker-a', target: 'broker-a-master', request: getAllProducerInfoRequest },
  { operation: 'get-consumer-running-info', name: 'gone-client', target: 'broker-a-master', request: () => getConsumerRunningInfoRequest('lab_cg_online', '127.0.0.9@gone') },
  { operation: 'query-consume-time-span', name: 'lagging', target: 'broker-a-master', request: () => queryConsumeTimeSpanRequest('LabTopic', 'lab_cg_cluster') },
  { operation: 'query-consume-time-span', name: 'caught-up', target: 'broker-a-master', request: () => queryConsumeTimeSpanRequest('LabTopic', 'lab_cg_online') },
  // offsets of a queue
  { operation: 'search-offset-by-timestamp', name: 'epoch', target: 'broker-a-master', request: () => searchOffsetByTimestampRequest('LabTopic', 0, 0) },
  { operation: 'search-offset-by-timestamp', name: 'future', target: 'broker-a-master', request: () => searchOffsetByTimestampRequest('LabTopic', 0, 4_102_444_800_000) },
  { operation: 'get-max-offset', name: 'LabTopic-0', target: 'broker-a-master', request: () => getMaxOffsetRequest('LabTopic', 0) },
  { operation: 'get-min-offset', name: 'LabTopic-0', target: 'broker-a-master', request: () => getMinOffsetRequest('LabTopic', 0) },
  { operation: 'query-consumer-offset', name: 'committed', target: 'broker-a-master', request: () => queryConsumerOffsetRequest('lab_cg_cluster', 'LabTopic', 0) },
  { operation: 'query-consumer-offset', name: 'none', target: 'broker-a-master', request: () => queryConsumerOffsetRequest('no_such_group', 'LabTopic', 0) },
  // mutations, on a group and a topic of their own
  { operation: 'update-and-create-topic', name: 'create', target: 'broker-a-master', request: () => updateAndCreateTopicRequest({ topic: 'FixtureTopic', readQueueNums: 2, writeQueueNums: 2 }) },
  {
    operation: 'update-and-create-topic', name: 'fifo', target: 'broker-a-master', versions: ['5'],
    request: () => updateAndCreateTopicRequest({ topic: 'FixtureFifoTopic', readQueueNums: 2, writeQueueNums: 2, attributes: '+message.type=FIFO' }),
  },
  {
    // a creation may only add attributes: "-key" is refused with the broker's reason
    operation: 'update-and-create-topic', name: 'remove-attribute-on-create', target: 'broker-a-master', versions: ['5'],
    request: () => updateAndCreateTopicRequest({ topic: 'FixtureNoSuchTopic', readQueueNums: 1, writeQueueNums: 1, attributes: '-message.type' }),
  },
  {
    operation: 'delete-topic-in-broker', name: 'delete', target: 'broker-a-master',
    setup: [updateAndCreateTopicRequest({ topic: 'FixtureDeleteTopic', readQueueNums: 1, writeQueueNums: 1 })],
    request: () => deleteTopicInBrokerRequest('FixtureDeleteTopic'),
  },
  { operation: 'delete-topic-in-broker', name: 'system', target: 'broker-a-master', request: () => deleteTopicInBrokerRequest('TBW102') },
  { operation: 'delete-topic-in-namesrv', name: 'delete', target: 'namesrv', request: () => deleteTopicInNamesrvRequest('FixtureDeleteTopic', 'DefaultCluster') },
  {
    operation: 'delete-subscriptiongroup', name: 'keep-offsets', target: 'broker-a-master',
    setup: [updateAndCreateSubscriptionGroupRequest({ groupName: 'fixture_delete_cg' })],
    request: () => deleteSubscriptionGroupRequest('fixture_delete_cg', false),
  },
  {
    // to a topic of its own, queue 1 of broker-a, with a fixed UNIQ_KEY and born time
    operation: 'send-message', name: 'to-queue', target: 'broker-a-master',
    setup: [updateAndCreateTopicRequest({ topic: 'FixtureSendTopic', readQueueNums: 2, writeQueueNums: 2 })],
    request: () => sendMessageRequest(FIXTURE_SEND),
  },
  // a runtime key set to the value the sandbox has (nothing changes), and a key in the broker's configBlackList
  { operation: 'update-broker-config', name: 'runtime', target: 'broker-a-master', request: () => updateBrokerConfigRequest({ deleteWhen: '04' }) },
  { operation: 'update-broker-config', name: 'black-listed', target: 'broker-a-master', request: () => updateBrokerConfigRequest({ brokerConfigPath: '/tmp/fixture-broker.conf' }) },
  { operation: 'get-namesrv-config', name: 'namesrv', target: 'namesrv', request: getNamesrvConfigRequest },
  { operation: 'update-namesrv-config', name: 'runtime', target: 'namesrv', request: () => updateNamesrvConfigRequest({ orderMessageEnable: 'true' }) },
  { operation: 'put-kv-config', name: 'order', target: 'namesrv', request: () => putKvConfigRequest('ORDER_TOPIC_CONFIG', 'FixtureOrderTopic', 'broker-a:2;broker-b:2') },
  { operation: 'delete-kv-config', name: 'order', target: 'namesrv', request: () => deleteKvConfigRequest('ORDER_TOPIC_CONFIG', 'FixtureOrderTopic') },
  { operation: 'update-and-create-subscriptiongroup', name: 'create', target: 'broker-a-master', request: () => updateAndCreateSubscriptionGroupRequest({ groupName: 'fixture_cg' }) },
  {
    operation: 'update-and-create-subscriptiongroup', name: 'retry-policy', target: 'broker-a-master', versions: ['5'],
    request: () => updateAndCreateSubscriptionGroupRequest({ groupName: 'fixture_policy_cg', groupRetryPolicy: { type: 'EXPONENTIAL', initial: 1000, max: 60_000, multiplier: 2 } }),
  },
  {
    operation: 'update-and-create-topic-list', name: 'create', target: 'broker-a-master', versions: ['5'],
    request: () => updateAndCreateTopicListRequest([{ topic: 'FixtureListTopic1', readQueueNums: 1, writeQueueNums: 1 }, { topic: 'FixtureListTopic2', readQueueNums: 2, writeQueueNums: 2 }]),
  },
  {
    operation: 'update-and-create-subscriptiongroup-list', name: 'create', target: 'broker-a-master', versions: ['5'],
    request: () => updateAndCreateSubscriptionGroupListRequest([{ groupName: 'fixture_list_cg1' }, { groupName: 'fixture_list_cg2', retryMaxTimes: 3 }]),
  },
  {
    operation: 'update-consumer-offset', name: 'commit', target: 'broker-a-master',
    request: () => updateConsumerOffsetRequest({ consumerGroup: 'fixture_cg', topic: 'LabTopic', queueId: 0, commitOffset: 3 }),
  },
  {
    // 5.x resets an offline group itself; the body lists the queues it set
    operation: 'invoke-broker-to-reset-offset', name: 'one-queue', target: 'broker-a-master', versions: ['5'],
    request: () => invokeBrokerToResetOffsetRequest({ topic: 'LabTopic', group: 'fixture_cg', timestamp: 0, isForce: true, queueId: 0, offset: 1 }),
  },
  {
    // 4.9 only pushes offsets to online clients: an offline group gets CONSUMER_NOT_ONLINE and nothing changes
    operation: 'invoke-broker-to-reset-offset', name: 'offline', target: 'broker-a-master', versions: ['4'],
    request: () => invokeBrokerToResetOffsetRequest({ topic: 'LabTopic', group: 'lab_cg_cluster', timestamp: 0, isForce: true }),
  },
  {
    // ...and before that, any queue without an offset for the group fails the whole call with code 1
    operation: 'invoke-broker-to-reset-offset', name: 'missing-offset', target: 'broker-a-master', versions: ['4'],
    request: () => invokeBrokerToResetOffsetRequest({ topic: 'LabTopic', group: 'fixture_cg', timestamp: 0, isForce: true }),
  },
  {
    operation: 'invoke-broker-to-reset-offset', name: 'out-of-range', target: 'broker-a-master', versions: ['5'],
    request: () => invokeBrokerToResetOffsetRequest({ topic: 'LabTopic', group: 'fixture_cg', timestamp: 0, isForce: true, queueId: 0, offset: 999_999 }),
  },
];

const FIXTURE_USER = { username: 'fixture_user', password: 'fixture-user-pw-1', userType: 'Normal' as const };
const FIXTURE_ACL = { subject: 'User:fixture_user', policies: [{ policyType: 'Custom' as const, entries: [{ resource: 'Topic:Fixture*', actions: ['Pub', 'Sub'], sourceIps: ['127.0.0.1'], decision: 'Allow' as const }] }] };

/** ACL 2.0 (the 5.x sandbox with access control: users rocketmq, lab_app, lab_reader); a 4.9 broker does not know the codes. */
const ACL_CASES: FixtureCase[] = [
  // the plain 5.x sandbox: ACL 2.0 codes known, but no metadata provider configured
  { operation: 'auth-list-user', name: 'not-configured', target: 'broker-a-master', versions: ['5'], request: () => authListUserRequest() },
  { operation: 'auth-list-user', name: 'all', target: 'broker-a-master', secured: true, request: () => authListUserRequest() },
  { operation: 'auth-list-acl', name: 'all', target: 'broker-a-master', secured: true, request: () => authListAclRequest() },
  {
    operation: 'auth-create-user', name: 'normal', target: 'broker-b-master', secured: true, versions: ['5'],
    setup: [authDeleteAclRequest({ subject: FIXTURE_ACL.subject }), authDeleteUserRequest(FIXTURE_USER.username)],
    request: () => authCreateUserRequest(FIXTURE_USER),
  },
  { operation: 'auth-create-user', name: 'exists', target: 'broker-b-master', secured: true, versions: ['5'], request: () => authCreateUserRequest(FIXTURE_USER) },
  { operation: 'auth-update-user', name: 'disable', target: 'broker-b-master', secured: true, versions: ['5'], request: () => authUpdateUserRequest({ username: FIXTURE_USER.username, userStatus: 'disable' }) },
  { operation: 'auth-create-acl', name: 'topic-prefix', target: 'broker-b-master', secured: true, versions: ['5'], request: () => authCreateAclRequest(FIXTURE_ACL) },
  {
    operation: 'auth-update-acl', name: 'group', target: 'broker-b-master', secured: true, versions: ['5'],
    request: () => authUpdateAclRequest({ subject: FIXTURE_ACL.subject, policies: [{ policyType: 'Custom', entries: [{ resource: 'Group:fixture_cg', actions: ['Sub'], sourceIps: [], decision: 'Deny' }] }] }),
  },
  { operation: 'auth-list-acl', name: 'fixture-user', target: 'broker-b-master', secured: true, versions: ['5'], request: () => authListAclRequest({ subject: 'fixture_user' }) },
  { operation: 'auth-delete-acl', name: 'one-resource', target: 'broker-b-master', secured: true, versions: ['5'], request: () => authDeleteAclRequest({ subject: FIXTURE_ACL.subject, resource: 'Topic:Fixture*' }) },
  { operation: 'auth-delete-user', name: 'fixture', target: 'broker-b-master', secured: true, versions: ['5'], setup: [authDeleteAclRequest({ subject: FIXTURE_ACL.subject })], request: () => authDeleteUserRequest(FIXTURE_USER.username) },
];

const FIXTURE_ACCOUNT = { accessKey: 'fixture_ak1', secretKey: 'fixture-sk-1', admin: false, defaultTopicPerm: 'SUB' as const, topicPerms: ['LabTopic=PUB|SUB'], groupPerms: ['lab_cg_a=SUB'] };
/** A request signed for an account with a secret nobody has: the broker's refusal says whether the account exists. */
const probe = (accessKey: string) => accountProbeRequest(accessKey);

/** ACL 1.0 (the 4.9.8 sandbox with access control: accounts rocketmq, lab_app, lab_reader in plain_acl.yml). */
const ACL1_CASES: FixtureCase[] = [
  { operation: 'get-broker-cluster-acl-info', name: 'all', target: 'broker-a-master', secured: true, request: () => getBrokerClusterAclInfoRequest() },
  { operation: 'get-broker-cluster-acl-info', name: 'probe-present', target: 'broker-a-master', secured: true, versions: ['4'], request: () => probe('lab_reader') },
  { operation: 'get-broker-cluster-acl-info', name: 'probe-absent', target: 'broker-a-master', secured: true, versions: ['4'], request: () => probe('nobody_here') },
  { operation: 'update-and-create-acl-config', name: 'create', target: 'broker-b-master', secured: true, versions: ['4'], setup: [deleteAclConfigRequest(FIXTURE_ACCOUNT.accessKey)], request: () => updateAndCreateAclConfigRequest(FIXTURE_ACCOUNT) },
  { operation: 'update-and-create-acl-config', name: 'short-key', target: 'broker-b-master', secured: true, versions: ['4'], request: () => updateAndCreateAclConfigRequest({ accessKey: 'short', secretKey: 'fixture-sk-1', admin: false }) },
  { operation: 'update-and-create-acl-config', name: 'unsupported', target: 'broker-b-master', secured: true, versions: ['5'], request: () => updateAndCreateAclConfigRequest(FIXTURE_ACCOUNT) },
  { operation: 'delete-acl-config', name: 'fixture', target: 'broker-b-master', secured: true, versions: ['4'], request: () => deleteAclConfigRequest(FIXTURE_ACCOUNT.accessKey) },
  { operation: 'delete-acl-config', name: 'missing', target: 'broker-b-master', secured: true, versions: ['4'], request: () => deleteAclConfigRequest(FIXTURE_ACCOUNT.accessKey) },
  { operation: 'update-global-white-addrs-config', name: 'set', target: 'broker-b-master', secured: true, versions: ['4'], request: () => updateGlobalWhiteAddrsConfigRequest(['10.99.*', '192.168.7.7']) },
  { operation: 'update-global-white-addrs-config', name: 'clear', target: 'broker-b-master', secured: true, versions: ['4'], request: () => updateGlobalWhiteAddrsConfigRequest([]) },
];

/** Broker statistics: a group's gets (both versions), a gRPC group's acks and pops (5.x, with the proxy running), one never counted. */
const STATS_CASES: FixtureCase[] = [
  { operation: 'view-broker-stats-data', name: 'group-get', target: 'broker-a-master', request: () => viewBrokerStatsDataRequest('GROUP_GET_NUMS', 'LabTopic@lab_cg_online') },
  { operation: 'view-broker-stats-data', name: 'group-ack', target: 'broker-a-master', versions: ['5'], request: () => viewBrokerStatsDataRequest('GROUP_ACK_NUMS', 'LabGrpcTopic@lab_grpc_push') },
  { operation: 'view-broker-stats-data', name: 'not-recorded', target: 'broker-a-master', request: () => viewBrokerStatsDataRequest('GROUP_GET_NUMS', 'NoSuchTopic@no_such_group') },
];

/** Every case record-fixtures.ts records: admin operations here, message operations in fixture-cases-messages.ts. */
export const FIXTURE_CASES: FixtureCase[] = [...ADMIN_CASES, ...MESSAGE_CASES, ...ACL_CASES, ...ACL1_CASES, ...STATS_CASES];
