import type { Command } from 'commander';
import type { ClusterOverview, BrokerSummary } from '../../lib/console/cluster/overview';
import type { TopicPage } from '../../lib/console/topics/list';
import type { TopicListItem } from '../../lib/console/topics/catalog';
import type { TopicRoute, TopicStatus } from '../../lib/console/topics/detail';
import type { GroupListAnswer, GroupListItem } from '../../lib/console/groups/list';
import type { GroupProgress } from '../../lib/console/groups/progress';
import type { GroupConnections } from '../../lib/console/groups/connections';
import type { QueueLag } from '../../lib/console/lag/types';
import type { LagSeries } from '../../lib/console/lag/history';
import { show, type CommandContext, type Run } from '../context';
import { age, failuresOf, when } from '../output';

const queueColumns = [
  { header: 'TOPIC', value: (q: QueueLag) => q.topic },
  { header: 'BROKER', value: (q: QueueLag) => q.brokerName },
  { header: 'QUEUE', value: (q: QueueLag) => q.queueId, align: 'right' as const },
  { header: 'BROKER OFFSET', value: (q: QueueLag) => q.brokerOffset, align: 'right' as const },
  { header: 'CONSUMER OFFSET', value: (q: QueueLag) => q.consumerOffset, align: 'right' as const },
  { header: 'LAG', value: (q: QueueLag) => q.lag, align: 'right' as const },
  { header: 'INFLIGHT', value: (q: QueueLag) => q.inflight, align: 'right' as const },
  { header: 'LAST CONSUMED', value: (q: QueueLag) => when(q.lastTimestamp) },
];

export function registerReadCommands(program: Command, run: Run): void {
  program
    .command('brokers')
    .alias('clusters')
    .description('every broker the namesrv knows, per cluster, with its runtime figures (= mqadmin clusterList)')
    .addHelpText('after', '\nExamples:\n  rmqc brokers\n  rmqc --cluster prod brokers --json | jq \'.clusters[].brokers[].addr\'')
    .action(
      run(async (c) => {
        const answer = await c.api.get<ClusterOverview>(c.api.clusterPath('/brokers'));
        const rows = answer.clusters.flatMap((k) => k.brokers);
        show(c, {
          answer,
          rows,
          columns: [
            { header: 'CLUSTER', value: (b: BrokerSummary) => b.clusterName },
            { header: 'BROKER', value: (b) => b.brokerName },
            { header: 'ID', value: (b) => b.brokerId, align: 'right' },
            { header: 'ADDR', value: (b) => b.addr },
            { header: 'ROLE', value: (b) => b.role },
            { header: 'VERSION', value: (b) => b.version },
            { header: 'IN TPS', value: (b) => b.inTps, align: 'right' },
            { header: 'OUT TPS', value: (b) => b.outTps, align: 'right' },
            { header: 'PUT TODAY', value: (b) => b.putToday, align: 'right' },
            { header: 'GET TODAY', value: (b) => b.getToday, align: 'right' },
          ],
          notes: [`as of ${when(answer.asOf)}`],
          partial: failuresOf(answer),
          empty: 'the namesrv knows no broker',
        });
      }),
    );

  const topics = program.command('topics').description('topics: list, status, route; upsert, delete (previewed, confirmed, audited)');
  topics
    .command('list')
    .description('topics, searched, filtered and sorted on the console (message counts from its background stats)')
    .option('-s, --search <text>', 'part of the name')
    .option('-t, --type <type>', 'NORMAL, FIFO, DELAY, TRANSACTION, RETRY, DLQ, SYSTEM ...')
    .option('--system', 'include system topics')
    .option('--sort <field>', 'name, -name, type, queues, brokers, messages, -messages, lastWrite, -lastWrite', 'name')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'rows per page', '100')
    .addHelpText('after', '\nExamples:\n  rmqc topics list --sort -messages --page-size 20\n  rmqc topics list --type DLQ --ndjson')
    .action(
      run(async (c, ...rest) => {
        const o = optionsOf<{ search?: string; type?: string; system?: boolean; sort: string; page: string; pageSize: string }>(rest);
        const answer = await c.api.get<TopicPage>(c.api.clusterPath('/topics'), {
          search: o.search, type: o.type, system: o.system ? 'show' : 'hide', sort: o.sort, page: o.page, pageSize: o.pageSize,
        });
        const statsAge = answer.stats.asOf ? `background stats as of ${when(answer.stats.asOf)}` : 'background stats being built: the sorts by messages and last write wait for them; these rows were read live';
        show(c, {
          answer,
          rows: answer.items,
          columns: [
            { header: 'TOPIC', value: (t: TopicListItem) => t.topic },
            { header: 'TYPE', value: (t) => t.type },
            { header: 'BROKERS', value: (t) => t.brokers.join(',') },
            { header: 'READ Q', value: (t) => t.readQueueNums, align: 'right' },
            { header: 'WRITE Q', value: (t) => t.writeQueueNums, align: 'right' },
            { header: 'PERM', value: (t) => t.perm },
            { header: 'MESSAGES', value: (t) => t.messages, align: 'right' },
            { header: 'LAST WRITE', value: (t) => when(t.lastUpdateTimestamp) },
          ],
          notes: [`${answer.total} topics, page ${answer.page} of ${Math.max(1, Math.ceil(answer.total / answer.pageSize))}; ${statsAge}`],
          partial: failuresOf(answer),
          empty: 'no topic matches',
        });
      }),
    );
  topics
    .command('status <topic>')
    .description("each queue's min and max offset and last write (= mqadmin topicStatus)")
    .action(
      run(async (c, topic) => {
        const answer = await c.api.get<TopicStatus>(c.api.clusterPath(`/topics/${encodeURIComponent(topic!)}/status`));
        type Q = TopicStatus['queues'][number];
        show(c, {
          answer,
          rows: answer.queues,
          columns: [
            { header: 'BROKER', value: (q: Q) => q.brokerName },
            { header: 'QUEUE', value: (q) => q.queueId, align: 'right' },
            { header: 'MIN OFFSET', value: (q) => q.minOffset, align: 'right' },
            { header: 'MAX OFFSET', value: (q) => q.maxOffset, align: 'right' },
            { header: 'LAST WRITE', value: (q) => when(q.lastUpdateTimestamp) },
            { header: 'OLDEST KEPT', value: (q) => when(q.earliestStoreTime) },
          ],
          notes: [`${answer.totals.messages.toLocaleString('en-US')} messages kept; as of ${when(answer.asOf)}`],
          partial: failuresOf(answer),
          empty: 'the topic has no queue',
        });
      }),
    );
  topics
    .command('route <topic>')
    .description('the brokers and queues the namesrv gives for the topic (= mqadmin topicRoute)')
    .action(
      run(async (c, topic) => {
        const answer = await c.api.get<TopicRoute>(c.api.clusterPath(`/topics/${encodeURIComponent(topic!)}/route`));
        const addrs = new Map(answer.brokers.map((b) => [b.brokerName, b]));
        type Q = TopicRoute['queues'][number];
        show(c, {
          answer,
          rows: answer.queues,
          columns: [
            { header: 'BROKER', value: (q: Q) => q.brokerName },
            { header: 'CLUSTER', value: (q) => addrs.get(q.brokerName)?.cluster },
            { header: 'ADDRS (ID=ADDR)', value: (q) => Object.entries(addrs.get(q.brokerName)?.addrs ?? {}).map(([id, a]) => `${id}=${a}`).join(' ') },
            { header: 'READ Q', value: (q) => q.readQueueNums, align: 'right' },
            { header: 'WRITE Q', value: (q) => q.writeQueueNums, align: 'right' },
            { header: 'PERM', value: (q) => q.permText },
          ],
          notes: [`type ${answer.type ?? 'unknown'}${answer.orderTopicConf ? `, order conf ${answer.orderTopicConf}` : ''}`],
          empty: 'no route',
        });
      }),
    );

  const groups = program.command('groups').description('consumer groups: list by lag, progress, clients; upsert, delete (previewed, confirmed, audited)');
  groups
    .command('list')
    .description("every group from the console's lag snapshot, worst lag first by default")
    .option('-s, --search <text>', 'part of the name')
    .option('--system', 'include system groups')
    .option('--sort <field>', '-lag, lag, -lagAge, tps, clients, name', '-lag')
    .option('--page <n>', 'page number', '1')
    .option('--page-size <n>', 'rows per page', '100')
    .addHelpText('after', '\nExamples:\n  rmqc groups list --page-size 10\n  rmqc groups list --ndjson | jq -r \'select(.lag > 1000) | .group\'')
    .action(
      run(async (c, ...rest) => {
        const o = optionsOf<{ search?: string; system?: boolean; sort: string; page: string; pageSize: string }>(rest);
        const answer = await waitForSnapshot(c, { search: o.search, system: o.system ? 'show' : 'hide', sort: o.sort, page: o.page, pageSize: o.pageSize });
        if (answer.building) throw new Error('unreachable');
        show(c, {
          answer,
          rows: answer.items,
          columns: [
            { header: 'GROUP', value: (g: GroupListItem) => g.group },
            { header: 'LAG', value: (g) => g.lag, align: 'right' },
            { header: 'OLDEST UNCONSUMED', value: (g) => when(g.oldestUnconsumedTimestamp) },
            { header: 'TPS', value: (g) => g.consumeTps, align: 'right' },
            { header: 'CLIENTS', value: (g) => g.clients, align: 'right' },
            { header: 'MODEL', value: (g) => g.messageModel },
            { header: 'TOPICS', value: (g) => g.topics.join(',') },
            { header: 'VERDICT', value: (g) => g.verdict },
          ],
          notes: [`${answer.total} groups, page ${answer.page} of ${Math.max(1, Math.ceil(answer.total / answer.pageSize))}; snapshot of ${when(answer.asOf)}`],
          partial: failuresOf(answer),
          empty: 'no group matches',
        });
      }),
    );
  groups
    .command('progress <group>')
    .description('offsets and lag per queue, read fresh (= mqadmin consumerProgress -g)')
    .action(
      run(async (c, group) => {
        const answer = await c.api.get<GroupProgress>(c.api.clusterPath(`/groups/${encodeURIComponent(group!)}/progress`));
        show(c, {
          answer,
          rows: answer.queues,
          columns: queueColumns,
          notes: [
            `lag ${answer.totalLag.toLocaleString('en-US')}, consume TPS ${answer.consumeTps}${answer.oldestUnconsumedTimestamp ? `, oldest unconsumed ${when(answer.oldestUnconsumedTimestamp)}` : ''}; as of ${when(answer.asOf)}`,
          ],
          partial: failuresOf(answer),
          empty: 'the group has no offsets',
        });
      }),
    );
  groups
    .command('clients <group>')
    .description('online clients and their subscriptions (= mqadmin consumerConnection)')
    .action(
      run(async (c, group) => {
        const answer = await c.api.get<GroupConnections>(c.api.clusterPath(`/groups/${encodeURIComponent(group!)}/connections`));
        type Client = GroupConnections['clients'][number];
        show(c, {
          answer,
          rows: answer.clients,
          columns: [
            { header: 'CLIENT ID', value: (k: Client) => k.clientId },
            { header: 'ADDR', value: (k) => k.clientAddr },
            { header: 'LANGUAGE', value: (k) => k.language },
            { header: 'VERSION', value: (k) => k.version },
            { header: 'VIA', value: (k) => k.via },
          ],
          notes: [
            ...answer.subscriptions.map((s) => `subscribes ${s.topic} ${s.expressionType} ${s.subString}`),
            `${answer.consumeType ?? '-'} ${answer.messageModel ?? '-'} ${answer.consumeFromWhere ?? ''}`.trim(),
          ],
          empty: `${answer.group} has no online client`,
        });
      }),
    );

  program
    .command('lag-history <group>')
    .description("the group's total lag over a range, as the console's sampler recorded it")
    .option('-r, --range <range>', '1h, 6h, 24h or 7d', '1h')
    .action(
      run(async (c, group, ...rest) => {
        const o = optionsOf<{ range: string }>(rest);
        const answer = await c.api.get<LagSeries>(c.api.clusterPath(`/groups/${encodeURIComponent(group!)}/lag-history`), { range: o.range });
        type P = LagSeries['points'][number];
        show(c, {
          answer,
          rows: answer.points,
          columns: [
            { header: 'TIME', value: (p: P) => when(p.t) },
            { header: 'LAG', value: (p) => p.lag, align: 'right' },
            { header: 'OLDEST UNCONSUMED AGE', value: (p) => (p.oldestAgeMs === null ? undefined : age(p.oldestAgeMs).replace(/ ago$/, '')), align: 'right' },
          ],
          empty: `no lag sample of ${answer.group} in the last ${answer.range}`,
        });
      }),
    );
}

/** Commander passes an action its arguments, then the options, then the command. */
export function optionsOf<T>(rest: unknown[]): T {
  const options = rest.find((r) => r !== null && typeof r === 'object' && !Array.isArray(r) && !('commands' in (r as object)));
  return (options ?? {}) as T;
}

/** The first lag snapshot of a console just started takes a while: wait for it, saying so on stderr. */
async function waitForSnapshot(c: CommandContext, query: Record<string, string | undefined>): Promise<Exclude<GroupListAnswer, { building: object }>> {
  for (let said = false; ; ) {
    const answer = await c.api.get<GroupListAnswer>(c.api.clusterPath('/groups'), query);
    if (!answer.building) return answer;
    if (!said) c.out.stderr(`the console is building its first lag snapshot (${answer.building.phase ?? ''} ${answer.building.done}/${answer.building.total}); waiting\n`);
    said = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
