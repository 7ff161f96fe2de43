import { BadInputError } from './errors';

/** RocketMQ's own rules for topic and group names (TopicValidator) and its reserved names. */
export const NAME_PATTERN = /^[%|a-zA-Z0-9_-]+$/;
export const TOPIC_MAX_LENGTH = 127;
export const RETRY_OR_DLQ_TOPIC_MAX_LENGTH = 255;
export const GROUP_MAX_LENGTH = 120;
export const RETRY_PREFIX = '%RETRY%';
export const DLQ_PREFIX = '%DLQ%';
/** Where delay-level messages wait until due: level L in queue L-1. */
export const SCHEDULE_TOPIC = 'SCHEDULE_TOPIC_XXXX';
/** Where 5.x timer messages wait in the timer wheel until due. */
export const TIMER_TOPIC = 'rmq_sys_wheel_timer';

/** Why a topic name is not one RocketMQ accepts, or undefined when it is fine. */
export function topicNameProblem(topic: string): string | undefined {
  if (topic.trim() === '') return 'topic is empty';
  if (!NAME_PATTERN.test(topic)) return `topic "${topic}" has characters RocketMQ does not allow (only letters, digits, %, |, _ and -)`;
  const max = topic.startsWith(RETRY_PREFIX) || topic.startsWith(DLQ_PREFIX) ? RETRY_OR_DLQ_TOPIC_MAX_LENGTH : TOPIC_MAX_LENGTH;
  if (topic.length > max) return `topic is ${topic.length} characters long; the limit is ${max}`;
  return undefined;
}

export function groupNameProblem(group: string): string | undefined {
  if (group.trim() === '') return 'group is empty';
  if (!NAME_PATTERN.test(group)) return `group "${group}" has characters RocketMQ does not allow (only letters, digits, %, |, _ and -)`;
  if (group.length > GROUP_MAX_LENGTH) return `group is ${group.length} characters long; the limit is ${GROUP_MAX_LENGTH}`;
  return undefined;
}

/** TopicValidator.SYSTEM_TOPIC_SET and the other names brokers create for themselves. */
const SYSTEM_TOPICS = new Set([
  'TBW102', 'SCHEDULE_TOPIC_XXXX', 'BenchmarkTest', 'RMQ_SYS_TRANS_HALF_TOPIC', 'RMQ_SYS_TRACE_TOPIC',
  'RMQ_SYS_TRANS_OP_HALF_TOPIC', 'TRANS_CHECK_MAX_TIME_TOPIC', 'SELF_TEST_TOPIC', 'OFFSET_MOVED_EVENT', 'CHECKPOINT_TOPIC',
  'RMQ_SYS_ROCKSDB_TRANS_HALF_TOPIC', 'RMQ_SYS_ROCKSDB_TRANS_OP_HALF_TOPIC',
]);

/**
 * System topics: the reserved set, rmq_sys_* (5.x), and the topics the namesrv lists for each cluster and broker
 * name (with <cluster>_REPLY_TOPIC). `clusterAndBrokerNames` comes from the cluster info.
 */
export function isSystemTopic(topic: string, clusterAndBrokerNames: ReadonlySet<string>, traceTopic = 'RMQ_SYS_TRACE_TOPIC'): boolean {
  if (SYSTEM_TOPICS.has(topic) || topic === traceTopic) return true;
  if (topic.startsWith('rmq_sys_') || topic.startsWith('RMQ_SYS_')) return true;
  if (clusterAndBrokerNames.has(topic)) return true;
  return topic.endsWith('_REPLY_TOPIC') && clusterAndBrokerNames.has(topic.slice(0, -'_REPLY_TOPIC'.length));
}

/** Groups the brokers and tools use themselves (MixAll). */
const SYSTEM_GROUPS = new Set([
  'TOOLS_CONSUMER', 'FILTERSRV_CONSUMER', '__MONITOR_CONSUMER', 'CLIENT_INNER_PRODUCER', 'SELF_TEST_P_GROUP',
  'SELF_TEST_C_GROUP', 'CID_ONS-HTTP-PROXY', 'CID_ONSAPI_PERMISSION', 'CID_ONSAPI_OWNER', 'CID_ONSAPI_PULL',
  'CID_RMQ_SYS_TRANS', 'CID_DefaultHeartBeatSyncerTopic', 'DEFAULT_CONSUMER', 'DEFAULT_PRODUCER',
]);

export function isSystemGroup(group: string): boolean {
  return SYSTEM_GROUPS.has(group) || group.startsWith('CID_RMQ_SYS_') || group.startsWith('rmq_sys_') || group.startsWith('PID_RMQ_SYS_');
}

export function checkTopicName(topic: string): void {
  const problem = topicNameProblem(topic);
  if (problem) throw new BadInputError(problem, 'topic');
}

export function checkGroupName(group: string): void {
  const problem = groupNameProblem(group);
  if (problem) throw new BadInputError(problem, 'group');
}
