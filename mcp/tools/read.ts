import { z } from 'zod';
import { listAlerts } from '../../lib/console/alerts/view';
import { listAudit } from '../../lib/console/audit/list';
import { AuditListQuery } from '../../lib/console/audit/schema';
import { getHome } from '../../lib/console/cluster/home';
import { getClusterOverview } from '../../lib/console/cluster/overview';
import { getGroupConnections } from '../../lib/console/groups/connections';
import { getGroupDiagnosis } from '../../lib/console/groups/diagnosis';
import { getLagHistory } from '../../lib/console/groups/lag-history';
import { listGroups } from '../../lib/console/groups/list';
import { getGroupProgress } from '../../lib/console/groups/progress';
import { GroupListQuery, LagHistoryQuery } from '../../lib/console/groups/schema';
import { getTopicRoute, getTopicStatus } from '../../lib/console/topics/detail';
import { listTopics } from '../../lib/console/topics/list';
import { TopicListQuery } from '../../lib/console/topics/schema';
import { answer } from '../answer';
import { tool } from '../tool';
import { cluster, group, page, pageSize, paged, queryOf, topic } from './fields';

export const readTools = [
  tool({
    name: 'clusters',
    title: 'Clusters at a glance',
    description: 'Every cluster this console knows, with its brokers up and down, versions and worst-lagging groups, for the clusters the token may read (the others named with the reason).',
    input: { cluster },
    permission: 'cluster:read',
    run: ({ app, principal }) => getHome(app, principal),
  }),
  tool({
    name: 'cluster_health',
    title: 'Cluster health',
    description: 'The brokers of a cluster (= mqadmin clusterList: address, version, TPS, disk) with the brokers that did not answer named, and its firing and pending alerts.',
    input: { cluster },
    permission: 'cluster:read',
    run: async ({ ctx }) => {
      const [brokers, alerts] = await Promise.all([getClusterOverview(ctx), listAlerts(ctx)]);
      return { cluster: ctx.name, ...brokers, alerts: alerts.alerts.filter((a) => a.phase !== 'resolved'), alertsUnknown: alerts.unknownCount };
    },
  }),
  tool({
    name: 'topics',
    title: 'Topics',
    description: 'The topics of a cluster, searched by name, sorted (name, type, queues, brokers, messages, lastWrite; "-" for descending), a page at a time.',
    input: { cluster, search: z.string().optional().describe('part of the topic name'), sort: z.string().optional().describe('e.g. -messages'), page, pageSize },
    permission: 'cluster:read',
    run: async ({ ctx }, args) => {
      const answerPage = await listTopics(ctx, TopicListQuery.parse(queryOf(args, ['search', 'sort', 'page', 'pageSize'])));
      return answer(answerPage, { paged: paged('items', answerPage, 'topics') });
    },
  }),
  tool({
    name: 'topic_status',
    title: 'Topic status and route',
    description: 'Per queue of a topic: brokerName, queueId, min and max offset, last update (= mqadmin topicStatus), and its route (= mqadmin topicRoute).',
    input: { cluster, topic },
    permission: 'cluster:read',
    run: async ({ ctx }, args) => {
      const [status, route] = await Promise.all([getTopicStatus(ctx, { topic: args.topic }), getTopicRoute(ctx, { topic: args.topic })]);
      return { status, route };
    },
  }),
  tool({
    name: 'groups',
    title: 'Consumer groups by lag',
    description: 'The consumer groups of a cluster with lag, lag age (how old the oldest unconsumed message is), consume TPS, clients and a verdict; sorted by lag (worst first) unless `sort` says otherwise (name, lag, lagAge, tps, clients; "-" for descending).',
    input: { cluster, search: z.string().optional().describe('part of the group name'), sort: z.string().optional().describe('default -lag'), page, pageSize },
    permission: 'cluster:read',
    run: async ({ ctx }, args) => {
      const list = await listGroups(ctx, GroupListQuery.parse(queryOf(args, ['search', 'sort', 'page', 'pageSize'])));
      if (list.building) return { building: list.building, note: 'the first lag snapshot of this cluster is being built: ask again in a few seconds' };
      return answer(list, { paged: paged('items', list, 'groups') });
    },
  }),
  tool({
    name: 'group_lag',
    title: 'Lag of a group',
    description: 'A consumer group\'s lag: total, in flight, consume TPS, oldest unconsumed message time, and per queue brokerOffset, consumerOffset and lag (= mqadmin consumerProgress); brokers that did not answer are named.',
    input: { cluster, group },
    permission: 'cluster:read',
    run: ({ ctx }, args) => getGroupProgress(ctx, { group: args.group }),
  }),
  tool({
    name: 'group_lag_history',
    title: 'Lag history of a group',
    description: 'A consumer group\'s total lag over 1h, 6h, 24h or 7d, as sampled by the console.',
    input: { cluster, group, range: z.enum(['1h', '6h', '24h', '7d']).optional() },
    permission: 'cluster:read',
    run: ({ ctx }, args) => getLagHistory(ctx, { group: args.group, range: LagHistoryQuery.parse(queryOf(args, ['range'])).range }),
  }),
  tool({
    name: 'why_group_lags',
    title: 'Why a group lags',
    description: 'The likely causes of a consumer group\'s lag (no clients, slow consumption, stuck queues, rebalancing, retries, subscription mismatch...), each with its evidence.',
    input: { cluster, group },
    permission: 'cluster:read',
    run: ({ ctx }, args) => getGroupDiagnosis(ctx, { group: args.group }),
  }),
  tool({
    name: 'group_clients',
    title: 'Clients of a group',
    description: 'The online clients of a consumer group (clientId, address, language, version), its subscription and message model.',
    input: { cluster, group },
    permission: 'cluster:read',
    run: ({ ctx }, args) => getGroupConnections(ctx, { group: args.group }),
  }),
  tool({
    name: 'alerts',
    title: 'Alerts',
    description: 'The alerts of a cluster: firing, pending and just resolved, with silences and acknowledgements.',
    input: { cluster },
    permission: 'cluster:read',
    run: ({ ctx }) => listAlerts(ctx),
  }),
  tool({
    name: 'audit',
    title: 'Audit log',
    description: 'The changes made to a cluster through the console, newest first: who, through which channel (ui, cli, api), what, the outcome.',
    input: { cluster, group: group.optional(), topic: topic.optional(), page, pageSize },
    permission: 'cluster:read',
    run: async ({ ctx }, args) => {
      const list = await listAudit(ctx, AuditListQuery.parse(queryOf(args, ['group', 'topic', 'page', 'pageSize'])));
      return answer(list, { paged: paged('items', list, 'audit') });
    },
  }),
];
