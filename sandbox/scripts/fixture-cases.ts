/** What record-fixtures.ts asks the sandbox, per operation. Add a case here when an operation is added. */
import type { RemotingRequest } from '../../lib/remoting';
import { getAllTopicConfigRequest } from '../../lib/rocketmq/get-all-topic-config';
import { getAllTopicListRequest } from '../../lib/rocketmq/get-all-topic-list';
import { getBrokerClusterInfoRequest } from '../../lib/rocketmq/get-broker-cluster-info';
import { getBrokerRuntimeInfoRequest } from '../../lib/rocketmq/get-broker-runtime-info';
import { getKvConfigRequest, ORDER_TOPIC_CONFIG_NAMESPACE } from '../../lib/rocketmq/get-kv-config';
import { getKvListByNamespaceRequest } from '../../lib/rocketmq/get-kvlist-by-namespace';
import { getRouteInfoByTopicRequest } from '../../lib/rocketmq/get-route-info-by-topic';
import { getTopicStatsInfoRequest } from '../../lib/rocketmq/get-topic-stats-info';

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
}

export const FIXTURE_CASES: FixtureCase[] = [
  { operation: 'get-broker-cluster-info', name: 'cluster', target: 'namesrv', request: getBrokerClusterInfoRequest },
  { operation: 'get-broker-runtime-info', name: 'master', target: 'broker-a-master', request: getBrokerRuntimeInfoRequest },
  { operation: 'get-broker-runtime-info', name: 'slave', target: 'broker-a-slave', request: getBrokerRuntimeInfoRequest },
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
];
